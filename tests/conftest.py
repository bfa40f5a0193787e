"""Fixtures the test folders share: one clean build of the pipeline, reused by every
end-to-end test that reads it, and the bundled digits split as the pipeline splits them."""

from __future__ import annotations

from pathlib import Path

import pytest

from scratchnet.digits.data import make_splits
from workflow_copy import copy_workflow, snakemake


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A clean build of every asset with the default configuration."""
    workdir = copy_workflow(tmp_path_factory.mktemp("pipeline"))
    snakemake(workdir, "--cores", "2")
    return workdir


@pytest.fixture(scope="session")
def splits():
    """The bundled digits split as the pipeline's defaults split them."""
    return make_splits(None, valid_fraction=0.2, test_fraction=0.2, seed=0)
