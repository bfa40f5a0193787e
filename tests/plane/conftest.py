"""Small datasets part three's tests share, drawn as the pipeline draws them."""

from __future__ import annotations

import pytest

from scratchnet.plane.datasets import make_dataset


@pytest.fixture(scope="session")
def moons(plane):
    """The moons as the pipeline draws them."""
    return make_dataset("moons", plane["datasets"]["moons"], seed=plane["seed"])


@pytest.fixture(scope="session")
def spiral(plane):
    """The spiral as the pipeline draws it (three classes)."""
    return make_dataset("spiral", plane["datasets"]["spiral"], seed=plane["seed"])
