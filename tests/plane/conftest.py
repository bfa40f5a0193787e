"""Part three's settings for its tests, and small datasets and runs the tests share."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scratchnet.plane.datasets import make_dataset

REPO = Path(__file__).resolve().parents[2]


def plane_settings() -> dict:
    """config/config.yaml's `plane:` block; until it has one, the block proposed for it
    in tests/plane/settings.yaml."""
    config = yaml.safe_load((REPO / "config" / "config.yaml").read_text())
    if "plane" in config:
        return config["plane"]
    return yaml.safe_load((Path(__file__).with_name("settings.yaml")).read_text())["plane"]


@pytest.fixture(scope="session")
def plane() -> dict:
    return plane_settings()


@pytest.fixture(scope="session")
def moons(plane):
    """The moons as the pipeline draws them."""
    return make_dataset("moons", plane["datasets"]["moons"], seed=plane["seed"])


@pytest.fixture(scope="session")
def spiral(plane):
    """The spiral as the pipeline draws it (three classes)."""
    return make_dataset("spiral", plane["datasets"]["spiral"], seed=plane["seed"])
