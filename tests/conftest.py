"""Shared fixtures: one clean build of the pipeline, reused by every test that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from workflow_copy import copy_workflow, snakemake


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A clean build of every asset with the default configuration."""
    workdir = copy_workflow(tmp_path_factory.mktemp("pipeline"))
    snakemake(workdir, "--cores", "2")
    return workdir
