"""The mutation test: each exercise's reference changed in one place, or as a whole
(exercise_mutants.py), and checked. A mutant that behaves otherwise than the reference
on the exercise's cases must fail its check; one that behaves alike must pass it, and is
listed below with why it is no hole. A mutant that differs yet rightly passes is listed
too, with what differs and why that is no mistake. Every exercise of every part
declared with an exercises module (tests/exercise_parts.py) is tried: a new part lists
here the mutants of its own that survive."""

from __future__ import annotations

import pytest
from exercise_mutants import differs, mutants
from exercise_parts import EXERCISES, PARTS

from scratchnet.exercises import checking

# Mutants that behave as the reference on every case of their exercise, and why that is
# no hole in the checker, by exercise and change.
BROADCAST = "a row (m,) broadcasts over the (classes, m) columns just as the (1, m) one"
EQUIVALENT: dict[str, dict[str, str]] = {
    "softmax": {
        "z.max(axis=0, keepdims=True) -> z.max(axis=0)": BROADCAST,
        "e.sum(axis=0, keepdims=True) -> e.sum(axis=0)": BROADCAST,
    },
    "cross_entropy": {
        "Y > 0 -> Y >= 0": "the probabilities come from softmax and are never 0, so the "
        "terms where Y = 0 are 0 with or without `where` (the plain -sum(Y log A2) passes)",
        "Y > 0 -> Y > -1": "as Y >= 0: every term is summed, those where Y = 0 are 0",
    },
    "batches": {
        "batch_size < 1 -> batch_size < 0": "batch_size 0 is no case: what a reader's "
        "batches does with it is not asked (range(0, n, 0) raises anyway)",
    },
}

# Mutants that behave otherwise, yet pass, and why what differs is no mistake.
HARMLESS: dict[str, dict[str, str]] = {
    "linear_backward": {
        "returns a list": "YourLinear unpacks the three gradients, from a list as from a tuple",
    },
    "grid_predictions": {
        "returns a list": "the code that draws the picture unpacks classes and confidence, "
        "from a list as from a tuple",
    },
    "batches": {
        "returns its arrays as lists": "fit takes the rows x[batch], which a list of "
        "indices picks as an array of them does",
    },
}


@pytest.fixture(autouse=True)
def _forget_yours():
    yield
    checking.yours.clear()


@pytest.mark.parametrize(("part", "name"), EXERCISES, ids=[name for _, name in EXERCISES])
def test_a_mutant_fails_its_check_if_and_only_if_it_behaves_otherwise(part, name):
    exercise = PARTS[part][name]
    equivalent, harmless = EQUIVALENT.get(name, {}), HARMLESS.get(name, {})
    found, wrong = mutants(exercise), []
    for mutant in found:
        passed = checking.check_against(PARTS[part], mutant.function).passed
        other = differs(exercise, mutant.function)
        if other and passed and mutant.change not in harmless:
            wrong.append(f"passes its check, yet behaves otherwise: {mutant.change}")
        if other and not passed and mutant.change in harmless:
            wrong.append(f"listed as harmless, yet fails its check: {mutant.change}")
        if not other and not passed:
            wrong.append(f"behaves as the reference, yet fails its check: {mutant.change}")
        if not other and mutant.change not in equivalent:
            wrong.append(f"behaves as the reference, and is not listed: {mutant.change}")
        if other and mutant.change in equivalent:
            wrong.append(f"listed as equivalent, yet behaves otherwise: {mutant.change}")
    changes = {mutant.change for mutant in found}
    wrong += [f"listed, but no such mutant: {c}" for c in {*equivalent, *harmless} - changes]
    assert not wrong, f"{len(found)} mutants of {name}:\n" + "\n".join(wrong)


def test_every_exercise_has_mutants_of_each_kind():
    """The generator finds something to change in every reference, and changes every
    function as a whole (an argument changed in place, where it is given arrays)."""
    for part, name in EXERCISES:
        found = [mutant.change for mutant in mutants(PARTS[part][name])]
        assert len(found) >= 5, (name, found)
