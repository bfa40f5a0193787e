"""How an exercise is checked: run the reader's function, compare, name the mistake.

An ``Exercise`` is a function to write, the cases it is tried on (small, seeded, chosen to
expose the usual mistakes: logits of 1000, hidden units that are off, one example), what
must come out (finite differences for a gradient, the tutorial's formula for a value) and
what else must hold (probabilities summing to 1, inputs left unchanged), and a catalogue
of ``Mistake``: wrong versions that learners write, each with the sentence naming it.

``check_against`` runs the reader's function on every case. If it is right on all, it
passes. If not, and on every case it gives what one of the catalogue's mistakes gives,
the diagnosis is that mistake's sentence; otherwise it says what went wrong on the first
case that failed: which output, which entries, by how much. Nothing the reader's code
raises escapes: an exception becomes a sentence too.

numpy only, and meant to be read: this is how your functions are judged.
"""

from __future__ import annotations

import ast
import linecache
import traceback
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

# Agreement asked of every output. Central finite differences with EPSILON = 1e-6 are good
# to about 1e-8 on these cases, and a loss written as log(A2 + 1e-12) differs from the
# exact one by about 1e-9 of itself: both pass. A real mistake is off by far more.
RTOL = 1e-5
ATOL = 1e-6  # times the largest expected entry (at least 1): entries that should be 0
EPSILON = 1e-6


@dataclass(frozen=True)
class Case:
    """One input to try: what it is, in words, and a function making fresh arguments
    (the reader's function may change the arrays it is given)."""

    name: str
    arguments: Callable[[], tuple]


@dataclass(frozen=True)
class Mistake:
    """A wrong version of the function that learners write, and the sentence naming it."""

    function: Callable
    diagnosis: str


@dataclass(frozen=True)
class Exercise:
    """A function to write. ``outputs(function, arguments)`` calls it and names what it
    gives (``{"dW1": array, ...}``); ``expected(arguments)`` is what must come out (None:
    only the rules judge); each rule ``(arguments, outputs) -> sentence or None`` says
    what else must hold. ``reference`` is the tutorial's own version."""

    name: str
    reference: Callable
    cases: tuple[Case, ...]
    outputs: Callable[[Callable, tuple], dict]
    expected: Callable[[tuple], dict] | None
    rules: tuple[Callable[[tuple, dict], str | None], ...] = ()
    mistakes: tuple[Mistake, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    """What ``check`` found: ``passed``, and the ``diagnosis`` it shows, in words."""

    name: str
    passed: bool
    diagnosis: str

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return ("✓ " if self.passed else "✗ ") + f"{self.name}: {self.diagnosis}"


class NotWritten(Exception):
    """The function's body is still the exercise's stub."""


class WrongOutput(Exception):
    """What the function returned cannot be judged (None, too few arrays...): the
    message says what it returned instead."""


# The reader's functions that passed their check, by name: the notebook's switch to
# "train with mine" binds them under their names (``globals().update(yours)``).
yours: dict[str, Callable] = {}


def check_against(exercises: dict[str, Exercise], function: Callable) -> CheckResult:
    """Check ``function`` as the exercise of its name in ``exercises``; keep it in
    ``yours`` if it passes (and drop an earlier version of it if it does not)."""
    name = getattr(function, "__name__", repr(function))
    exercise = exercises.get(name)
    if exercise is None or not callable(function):
        known = ", ".join(exercises)
        return CheckResult(name, False, f"no exercise is called {name!r}; this part's are {known}")
    result = _judge(exercise, function)
    if result.passed:
        yours[name] = function
    else:
        yours.pop(name, None)
    return result


def _judge(exercise: Exercise, function: Callable) -> CheckResult:
    def result(passed: bool, diagnosis: str) -> CheckResult:
        return CheckResult(exercise.name, passed, diagnosis)

    try:
        seen = [_observe(exercise, function, case) for case in exercise.cases]
    except NotWritten:
        return result(False, "not written yet: replace `raise NotImplementedError` by its body")
    failed = [(case, problem) for case, (_, problem) in zip(exercise.cases, seen) if problem]
    if not failed:
        names = "; ".join(case.name for case in exercise.cases)
        return result(True, f"right on all {len(seen)} cases ({names})")
    for mistake in exercise.mistakes:
        theirs = [_observe(exercise, mistake.function, case) for case in exercise.cases]
        if all(_same(exercise, a, b) for a, b in zip(seen, theirs)):
            return result(False, mistake.diagnosis)
    case, problem = failed[0]
    return result(False, f"on {case.name}: {problem}")


def _observe(exercise: Exercise, function: Callable, case: Case) -> tuple[dict | None, str | None]:
    """What ``function`` gives on ``case``, and the first problem with it (None: right)."""
    arguments = case.arguments()
    try:
        with np.errstate(all="ignore"):  # an overflow is judged by its result, nan or inf
            outputs = exercise.outputs(function, arguments)
    except NotImplementedError:
        raise NotWritten from None
    except WrongOutput as wrong:
        return None, str(wrong)
    except Exception as error:  # the reader's code: explained, never raised
        return None, explain_error(error, function)
    for rule in exercise.rules:
        problem = rule(arguments, outputs)
        if problem:
            return outputs, problem
    if exercise.expected is None:
        return outputs, None
    expected = exercise.expected(case.arguments())
    for name, value in expected.items():
        problem = compare(name, outputs[name], value)
        if problem:
            return outputs, problem
    return outputs, None


def _same(exercise: Exercise, mine: tuple, theirs: tuple) -> bool:
    """Whether two functions behaved alike on a case: the same outputs (to the checks'
    tolerance) and both right or both wrong there. Where only rules judge, or nothing
    came out, the same problem in the same words."""
    (outputs, problem), (other_outputs, other_problem) = mine, theirs
    if exercise.expected is None or outputs is None or other_outputs is None:
        return problem == other_problem
    same = outputs.keys() == other_outputs.keys() and all(
        _close(outputs[key], other_outputs[key]) for key in outputs
    )
    return same and (problem is None) == (other_problem is None)


def _close(a, b) -> bool:
    try:
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    except (TypeError, ValueError):  # not numbers (a list of names, say): equal or not
        return bool(np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object)))
    scale = ATOL * max(1.0, float(np.nanmax(np.abs(b), initial=0)))
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=RTOL, atol=scale, equal_nan=True))


def compare(name: str, actual, expected: np.ndarray) -> str | None:
    """None if ``actual`` agrees with ``expected``; otherwise a sentence saying how not:
    its shape, where it is nan or infinite, a factor (the sign flipped), or which entries
    are wrong and by how much."""
    expected = np.asarray(expected, dtype=float)
    try:
        actual = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        return f"{name} is {type(actual).__name__}, not an array of numbers"
    if actual.shape != expected.shape:
        wanted = "a single number" if expected.shape == () else f"shape {expected.shape}"
        said = f"{name} has shape {actual.shape}; expected {wanted}"
        if actual.ndim == 2 and actual.shape == expected.shape[::-1]:
            said += ": is it transposed?"
        return said
    broken = ~np.isfinite(actual) & np.isfinite(expected)
    if broken.any():
        return (
            f"{name} is nan or infinite in {broken.sum()} of {broken.size} entries "
            "(an overflow, or a log or division by 0?)"
        )
    if _close(actual, expected):
        return None
    factor = float(np.vdot(actual, expected) / max(np.vdot(expected, expected), 1e-300))
    if abs(factor) > 1e-3 and _close(actual, factor * expected):
        if abs(factor + 1) < 1e-6:
            return f"{name} has the sign flipped"
        return f"{name} is off by a factor of {factor:.4g}"
    if expected.shape == ():
        return f"{name} is {float(actual):.6g}; expected {float(expected):.6g}"
    wrong = ~np.isclose(actual, expected, rtol=RTOL, atol=ATOL * max(1, np.abs(expected).max()))
    worst = np.unravel_index(np.argmax(np.abs(actual - expected)), actual.shape)
    return (
        f"{name} is wrong in {wrong.sum()} of {wrong.size} entries, by up to "
        f"{np.abs(actual - expected)[worst]:.3g} (entry {list(map(int, worst))}: "
        f"{actual[worst]:.4g} where {expected[worst]:.4g} was expected)"
    )


def numerical_gradient(loss: Callable[[], float], x: np.ndarray) -> np.ndarray:
    """d loss / d x by central finite differences, entry by entry:

        (loss with x[i] + EPSILON  -  loss with x[i] - EPSILON) / (2 EPSILON)

    ``loss()`` reads ``x``, which is nudged in place and restored. The gradients of every
    exercise are judged against this, not against the tutorial's own code."""
    gradient = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + EPSILON
        up = loss()
        x[index] = saved - EPSILON
        down = loss()
        x[index] = saved
        gradient[index] = (up - down) / (2 * EPSILON)
    return gradient


def explain_error(error: Exception, function: Callable) -> str:
    """An exception from the reader's ``function`` as a sentence naming the line; a
    matrix product whose shapes do not fit names the product and both shapes."""
    frame, line = _reader_frame(error, function)
    where = f" in `{line}`" if line else ""
    if isinstance(error, ValueError) and frame is not None:
        product = _failed_product(line, frame)
        if product:
            left, right, shapes = product
            return (
                f"a matrix product does not fit: `{left} @ {right}` multiplies {shapes[0]} by "
                f"{shapes[1]}, and the left's columns ({shapes[0][-1]}) must match the right's "
                f"rows ({shapes[1][0]}). Is one of them transposed?"
            )
    return f"it raised {type(error).__name__}{where}: {error}"


def _reader_frame(error: Exception, function: Callable):
    """The deepest frame of the traceback in the reader's own code, and its line."""
    code = getattr(function, "__code__", None)
    found = (None, "")
    for frame, number in traceback.walk_tb(error.__traceback__):
        if code is not None and frame.f_code.co_filename == code.co_filename:
            found = (frame, linecache.getline(frame.f_code.co_filename, number).strip())
    return found


def _failed_product(line: str, frame) -> tuple[str, str, tuple] | None:
    """The ``a @ b`` of ``line`` whose operands' shapes do not fit, evaluated again in
    the frame where it failed (names and attributes only, such as ``params.W2.T``)."""
    try:
        tree = ast.parse(line.removesuffix(":"))
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
            left, right = (_value_of(side, frame) for side in (node.left, node.right))
            shapes = getattr(left, "shape", None), getattr(right, "shape", None)
            if None not in shapes and len(shapes[0]) and len(shapes[1]):
                if shapes[0][-1] != shapes[1][-2 if len(shapes[1]) > 1 else 0]:
                    return ast.unparse(node.left), ast.unparse(node.right), shapes
    return None


def _value_of(node: ast.expr, frame):
    """The value of a name or attribute chain (``fwd.A1.T``) in ``frame``; None for any
    other expression, which is not run again."""
    if isinstance(node, ast.Name):
        return frame.f_locals.get(node.id, frame.f_globals.get(node.id))
    if isinstance(node, ast.Attribute):
        inner = _value_of(node.value, frame)
        return getattr(inner, node.attr, None) if inner is not None else None
    return None


def arrays(value, names: tuple[str, ...], what: str) -> dict[str, np.ndarray]:
    """A function's result as named arrays: a tuple (or NamedTuple) of ``len(names)``
    arrays, in order; anything else raises ``WrongOutput`` saying what it returned."""
    if value is None:
        raise WrongOutput(f"it returned None: the body has no `return` ({what} expected)")
    if not isinstance(value, (tuple, list)) or len(value) != len(names):
        raise WrongOutput(f"it returned {_described(value)}; expected {what}")
    return dict(zip(names, value))


def number(value, what: str) -> dict[str, object]:
    """A function's result that must be one array or number, under the name ``what``."""
    if value is None:
        raise WrongOutput(f"it returned None: the body has no `return` ({what} expected)")
    return {what: value}


def _described(value) -> str:
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of {len(value)}"
    return f"a {type(value).__name__}"
