"""Classes renamed to say what sets them apart still answer to their first, published
names (readers' code and notebooks may use them), as the very same classes; and the
three divergences differ as their names say."""

import importlib

import pytest

from scratchnet.digits.runs import DigitsRunDiverged
from scratchnet.lines.training import LinesRunDiverged
from scratchnet.nn import FitDiverged
from scratchnet.user_errors import InputProblem

RENAMED = [
    # module, first name, name now
    ("scratchnet.nn", "History", "EpochHistory"),
    ("scratchnet.nn", "TrainingDiverged", "FitDiverged"),
    ("scratchnet.nn.train", "History", "EpochHistory"),
    ("scratchnet.nn.train", "TrainingDiverged", "FitDiverged"),
    ("scratchnet.lines.training", "History", "IterationHistory"),
    ("scratchnet.lines.training", "TrainingDiverged", "LinesRunDiverged"),
    ("scratchnet.digits.runs", "RunDiverged", "DigitsRunDiverged"),
]


@pytest.mark.parametrize("module, first, now", RENAMED, ids=lambda value: value)
def test_a_first_name_is_the_renamed_class(module, first, now):
    namespace = importlib.import_module(module)
    assert getattr(namespace, first) is getattr(namespace, now)
    assert getattr(namespace, now).__name__ == now


def test_the_first_names_are_still_exported_by_the_library():
    nn = importlib.import_module("scratchnet.nn")
    assert {"History", "TrainingDiverged", "EpochHistory", "FitDiverged"} <= set(nn.__all__)


def test_the_library_divergence_is_arithmetic_and_the_parts_are_the_users_to_fix():
    """All three are ArithmeticErrors (a loss that is no longer a number); the library's is
    no InputProblem, as the library knows nothing of a user's settings, while each part's
    is one, so a job logs it as one line."""
    users = {FitDiverged: False, LinesRunDiverged: True, DigitsRunDiverged: True}
    for error, users_to_fix in users.items():
        assert issubclass(error, ArithmeticError), error
        assert issubclass(error, InputProblem) == users_to_fix, error
