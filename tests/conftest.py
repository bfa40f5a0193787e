"""Fixtures the test folders share: one clean build of the pipeline, reused by every
end-to-end test that reads it, the bundled digits split as the pipeline splits them, and
part three's settings; and the rule that keeps the fast tier (`pytest -m "not e2e"`) fast."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from harness.workflow_copy import copy_workflow, snakemake
from scratchnet.digits.data import make_splits

# Fixtures that build the pipeline or start Chromium (tests/workflow/conftest.py's `site`
# and `server` use `built`): any test that uses one, directly or through another fixture,
# is end to end.
END_TO_END_FIXTURES = {"built", "browser"}


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark e2e every test that uses an end-to-end fixture, whether or not its module is
    marked (`pytestmark = pytest.mark.e2e`, as every module of tests/workflow/ is), so
    that no such test slips into the fast tier."""
    for item in items:
        if END_TO_END_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.e2e)


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


@pytest.fixture(scope="session")
def plane() -> dict:
    """Part three's settings: config/config.yaml's `plane:` block."""
    repo = Path(__file__).resolve().parents[1]
    return yaml.safe_load((repo / "config" / "config.yaml").read_text())["plane"]
