"""What the digits tests share: the default split of the bundled digits, made once."""

import pytest

from scratchnet.digits.data import make_splits


@pytest.fixture(scope="session")
def splits():
    """The bundled digits split as the pipeline's defaults split them."""
    return make_splits(None, valid_fraction=0.2, test_fraction=0.2, seed=0)
