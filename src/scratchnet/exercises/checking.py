"""How an exercise is checked: run the reader's function, compare, name the mistake.

An ``Exercise`` is a function to write, the cases it is tried on (small, seeded, chosen to
expose the usual mistakes: logits of 1000, hidden units that are off, one example), what
must come out (finite differences for a gradient, the tutorial's formula for a value) and
what else must hold (probabilities summing to 1), and a catalogue of ``Mistake``: wrong
versions that learners write, each with the sentence naming it. Every exercise also
asks what the code that calls the function relies on: the arrays it is given come back
unchanged (unless changing them is the exercise), and what it returns is what the
tutorial's returns (numpy arrays, the named tuple whose fields are read by name).

``check_against`` runs the reader's function on every case. If it is right on all, it
passes. If not, and on every case it gives what one of the catalogue's mistakes gives,
the diagnosis is that mistake's sentence; otherwise it says what went wrong on the first
case that failed: an argument changed, which output, which entries, by how much, or a
factor it is off by and what that factor is (1/m, ...). Nothing the reader's code raises
escapes: an exception becomes a sentence too.

numpy only, and meant to be read: this is how your functions are judged.
"""

from __future__ import annotations

import ast
import functools
import inspect
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
    what else must hold. ``reference`` is the tutorial's own version; its parameters name
    the arguments. The arrays among them must come back unchanged, except in those named
    in ``changes`` (sgd_step's ``params``: changing them is the exercise).
    ``sizes(arguments)`` names the case's sizes (``{"classes": 2, "examples": 24}``), so
    that an answer off by a factor such as 1/24 is told what the factor is."""

    name: str
    reference: Callable
    cases: tuple[Case, ...]
    outputs: Callable[[Callable, tuple], dict]
    expected: Callable[[tuple], dict] | None
    rules: tuple[Callable[[tuple, dict], str | None], ...] = ()
    mistakes: tuple[Mistake, ...] = ()
    changes: tuple[str, ...] = ()
    sizes: Callable[[tuple], dict[str, int]] | None = None


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


def yours_or_tutorials(exercise: Exercise) -> Callable:
    """Your version of ``exercise`` if it passed its check, else the tutorial's."""
    return yours.get(exercise.name, exercise.reference)


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


@dataclass(frozen=True)
class Seen:
    """What a function did on one case: its outputs by name (None: nothing usable came
    out), the arrays it was given that it changed, and its first problem (None: right)."""

    outputs: dict | None
    changed: tuple[str, ...]
    problem: str | None


def _judge(exercise: Exercise, function: Callable) -> CheckResult:
    def result(passed: bool, diagnosis: str) -> CheckResult:
        return CheckResult(exercise.name, passed, diagnosis)

    # What must come out of a case, computed once for the reader's function and the
    # catalogue's (finite differences are the slow part of a check).
    expected = functools.cache(lambda case: exercise.expected(case.arguments()))
    try:
        seen = [_observe(exercise, function, case, expected) for case in exercise.cases]
    except NotWritten:
        return result(False, "not written yet: replace `raise NotImplementedError` by its body")
    failed = [(case, s.problem) for case, s in zip(exercise.cases, seen) if s.problem]
    if not failed:
        names = "; ".join(case.name for case in exercise.cases)
        return result(True, f"right on all {len(seen)} cases ({names})")
    for mistake in exercise.mistakes:
        theirs = [_observe(exercise, mistake.function, case, expected) for case in exercise.cases]
        if all(_same(exercise, a, b) for a, b in zip(seen, theirs)):
            return result(False, mistake.diagnosis)
    case, problem = failed[0]
    return result(False, f"for {case.name}: {problem}")


def _observe(exercise: Exercise, function: Callable, case: Case, expected: Callable) -> Seen:
    """What ``function`` does on ``case``, and the first problem with it."""
    arguments = case.arguments()
    kept = {  # each array it must leave unchanged, and a copy to tell
        name: (array, array.copy())
        for name, array in arrays_given(exercise.reference, arguments, exercise.changes).items()
    }
    outputs, problem = None, None
    try:
        with np.errstate(all="ignore"):  # an overflow is judged by its result, nan or inf
            outputs = exercise.outputs(function, arguments)
    except NotImplementedError:
        raise NotWritten from None
    except WrongOutput as wrong:
        problem = str(wrong)
    except Exception as error:  # the reader's code: explained, never raised
        problem = explain_error(error, function)
    changed = tuple(
        name
        for name, (now, before) in kept.items()
        if not np.array_equal(now, before, equal_nan=True)
    )
    if problem is None:
        unchanged = {name: now for name, (now, _) in kept.items()}
        wanted = expected(case) if exercise.expected else None
        problem = _problem(exercise, arguments, outputs, changed, unchanged, wanted)
    return Seen(outputs, changed, problem)


def _problem(exercise: Exercise, arguments, outputs, changed, unchanged, expected) -> str | None:
    """The first problem with what came out: an argument changed, a rule broken, an
    output unlike the ``expected`` one (None: only the rules judge)."""
    if changed:
        return changed_in_place(changed)
    for rule in exercise.rules:
        problem = rule(arguments, outputs)
        if problem:
            return problem
    sizes = exercise.sizes(arguments) if exercise.sizes else {}
    for name, value in (expected or {}).items():
        problem = compare(name, outputs[name], value, unchanged, sizes)
        if problem:
            return problem
    return None


def arrays_given(function: Callable, arguments: tuple, skip=()) -> dict[str, np.ndarray]:
    """Every array among ``arguments`` to ``function`` (those of parameters in ``skip``
    left out), by the names the code gives them (``named_arrays``)."""
    parameters = inspect.signature(function).parameters
    return {
        name: array
        for parameter, value in zip(parameters, arguments)
        if parameter not in skip
        for name, array in named_arrays(parameter, value).items()
    }


def named_arrays(name: str, value) -> dict[str, np.ndarray]:
    """The arrays in ``value``, an argument called ``name``, by the names the code gives
    them: ``z``, ``fwd.A2`` (a field of a named tuple), ``params[0]`` (an entry of a list)."""
    if isinstance(value, np.ndarray):
        return {name: value}
    if not isinstance(value, (tuple, list)):
        return {}
    if hasattr(value, "_fields"):  # a named tuple: Forward, Params
        keys = [f"{name}.{field}" for field in value._fields]
    else:
        keys = [f"{name}[{i}]" for i in range(len(value))]
    found = {}
    for key, item in zip(keys, value):
        found.update(named_arrays(key, item))
    return found


def changed_in_place(changed: tuple[str, ...]) -> str:
    """The sentence for a function that changed arrays it was given (their names)."""
    which = f"{changed[0]}, an array" if len(changed) == 1 else f"{', '.join(changed)}, arrays"
    return (
        f"it changes {which} it was given, in place: the code that calls it may still "
        f"need {'it' if len(changed) == 1 else 'them'} as it gave them. Make a new array "
        "instead: `d = a - b`, not `a -= b`, nor `d = a` then `d -= b` (d is then a itself, "
        "not a copy)"
    )


def _same(exercise: Exercise, mine: Seen, theirs: Seen) -> bool:
    """Whether two functions behaved alike on a case: the same arguments changed, the
    same outputs (to the checks' tolerance), and both right or both wrong there. Where
    only rules judge, or nothing came out, the same problem in the same words."""
    if mine.changed != theirs.changed:
        return False
    if exercise.expected is None or mine.outputs is None or theirs.outputs is None:
        return mine.problem == theirs.problem
    same = mine.outputs.keys() == theirs.outputs.keys() and all(
        close(mine.outputs[key], theirs.outputs[key]) for key in mine.outputs
    )
    return same and (mine.problem is None) == (theirs.problem is None)


def close(a, b) -> bool:
    """Whether ``a`` agrees with ``b`` to the checks' tolerance (RTOL, ATOL); things that
    are not numbers (a list of names, say) must be equal."""
    try:
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    except (TypeError, ValueError):
        return bool(np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object)))
    scale = ATOL * max(1.0, float(np.nanmax(np.abs(b), initial=0)))
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=RTOL, atol=scale, equal_nan=True))


def compare(name: str, actual, expected: np.ndarray, given: dict, sizes: dict) -> str | None:
    """None if ``actual`` agrees with ``expected``; otherwise a sentence saying how not:
    its shape, where it is nan or infinite, an array of ``given`` (the arguments', by
    name) that it lacks or has too often, a factor (the sign flipped, one over a size of
    ``sizes``), or which entries are wrong and by how much."""
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
    if close(actual, expected):
        return None
    return (
        _missing_term(name, actual, expected, given)
        or _off_by_a_factor(name, actual, expected, sizes)
        or _wrong_entries(name, actual, expected)
    )


def _missing_term(name: str, actual, expected, given: dict) -> str | None:
    """Whether adding (or taking away) one of the arguments' arrays makes every entry
    right: a bias left out, say, named as the code names it (``params.b1``)."""
    for term, value in given.items():
        if value.size > 1 and _fits(value.shape, expected.shape):
            if close(actual + value, expected):
                return (
                    f"{name} lacks {term}: adding {term} gives the right {name} in all "
                    f"{expected.size} entries"
                )
            if close(actual - value, expected):
                return f"{name} has {term} once too often: subtracting it gives the right {name}"
    return None


def _off_by_a_factor(name: str, actual, expected, sizes: dict) -> str | None:
    """Whether ``actual`` is ``expected`` times one number: -1 (the sign flipped), or
    another, said in words if it is one over a size of the case (1/m, 1/m²)."""
    factor = float(np.vdot(actual, expected) / max(np.vdot(expected, expected), 1e-300))
    if abs(factor) < 1e-4 or not close(actual, factor * expected):
        return None
    if abs(factor + 1) < 1e-6:
        return f"{name} has the sign flipped"
    return f"{name} is off by a factor of {factor:.4g}{_factor_in_words(factor, sizes)}"


def _wrong_entries(name: str, actual, expected) -> str:
    """Which entries are wrong, and by how much (the worst of them)."""
    if expected.shape == ():
        return f"{name} is {float(actual):.6g}; expected {float(expected):.6g}"
    wrong = ~np.isclose(actual, expected, rtol=RTOL, atol=ATOL * max(1, np.abs(expected).max()))
    worst = np.unravel_index(np.argmax(np.abs(actual - expected)), actual.shape)
    return (
        f"{name} is wrong in {wrong.sum()} of {wrong.size} entries, by up to "
        f"{np.abs(actual - expected)[worst]:.3g} (entry {list(map(int, worst))}: "
        f"{actual[worst]:.4g} where {expected[worst]:.4g} was expected)"
    )


def _fits(shape: tuple, into: tuple) -> bool:
    """Whether an array of ``shape`` broadcasts to ``into`` (a bias to its layer's output)."""
    try:
        return np.broadcast_shapes(shape, into) == into
    except ValueError:
        return False


def _factor_in_words(factor: float, sizes: dict[str, int]) -> str:
    """A factor that is one of the case's ``sizes`` (``{"examples": 24}``), its square or
    the product of two, or one over these, in words; "" if it is none of them. A size of
    2 alone is left out: a factor of 2 is more often the 2 of a square's derivative."""
    items = list(sizes.items())
    named = [(k, f"the number of {what} ({k})", "") for what, k in items if k > 2]
    named += [
        (k * k, f"the number of {what} squared ({k}²)", ": divided by it twice?")
        for what, k in items
        if k > 1
    ]
    named += [
        (ka * kb, f"the number of entries ({ka} {a} × {kb} {b})", ": a mean over every entry?")
        for i, (a, ka) in enumerate(items)
        for b, kb in items[i + 1 :]
        if ka > 1 and kb > 1
    ]
    for k, words, question in named:
        if abs(factor * k - 1) < 1e-4:
            return f" = 1/{k}, one over {words}{question}"
        if abs(factor / k - 1) < 1e-4:
            return f", {words}"
    return ""


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


def activation_backward(
    reference: Callable, activation: Callable, seed: int, mistakes: tuple[Mistake, ...]
) -> Exercise:
    """The exercise of an activation's backward pass written in its output,
    ``reference(y, grad_out)`` with y = activation(x), both (examples, features): grad_in,
    judged by finite differences of L = sum(grad_out * activation(x)) with respect to x.
    Tried on a batch, one example, and inputs up to ±10, where the slope is almost 0
    (seeds ``seed`` to ``seed + 2``). A case's arguments are (y, grad_out, x): the
    function is given y and grad_out; x is the checker's own, what y came from."""

    def inputs(seed, batch, features, scale):
        def make():
            x, grad_out = np.random.default_rng(seed).normal(0, scale, (2, batch, features))
            return activation(x), grad_out, x

        return make

    def expected(arguments) -> dict[str, np.ndarray]:
        _, grad_out, x = arguments
        return {"grad_in": numerical_gradient(lambda: float(np.sum(grad_out * activation(x))), x)}

    return Exercise(
        name=reference.__name__,
        reference=reference,
        cases=(
            Case("a batch of 4, 3 features", inputs(seed, 4, 3, 1.0)),
            Case("one example", inputs(seed + 1, 1, 5, 1.0)),
            Case("inputs up to ±10, where the slope is almost 0", inputs(seed + 2, 6, 4, 5.0)),
        ),
        outputs=lambda function, arguments: {
            "grad_in": one_array(function(*arguments[:2]), "grad_in")
        },
        expected=expected,
        sizes=lambda arguments: dict(zip(("examples", "features"), arguments[0].shape)),
        mistakes=mistakes,
    )


def explain_error(error: Exception, function: Callable) -> str:
    """An exception from the reader's ``function`` as a sentence naming the line; a
    matrix product whose shapes do not fit names the product and both shapes."""
    frame, line = _reader_frame(error, function)
    where = f" in `{line}`" if line else ""
    if isinstance(error, ValueError) and frame is not None:
        product = _failed_product(line, frame)
        if product:
            left, right, (a, b) = product
            return (
                f"a matrix product does not fit: `{left} @ {right}` multiplies {a} by {b}, "
                f"and the left's columns ({a[-1]}) must match the right's rows ({b[0]}). "
                + _what_would_fit(left, right, a, b)
            )
    return f"it raised {type(error).__name__}{where}: {error}"


def _what_would_fit(left: str, right: str, a: tuple, b: tuple) -> str:
    """What might be wrong with ``left @ right`` of shapes ``a`` and ``b``: an operand
    with one axis only, or the transpose or the order that would fit."""
    for operand, shape in ((left, a), (right, b)):
        if len(shape) == 1:
            return (
                f"`{operand}` has one axis only, shape {shape}: did a sum, max or mean over "
                "an axis make it? (np.max(z, 0) is the largest entry of each column; ReLU, "
                "each entry or 0 if larger, is np.maximum(z, 0).)"
            )
    if a[0] == b[0]:
        return f"Is `{left}` meant transposed? `{left}.T @ {right}` would fit."
    if a[-1] == b[-1]:
        return f"Is `{right}` meant transposed? `{left} @ {right}.T` would fit."
    if a[0] == b[-1]:
        return f"Are they in the wrong order? `{right} @ {left}` would fit."
    return "Neither a transpose nor the other order fits: is one of them the wrong array?"


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


def arrays(value, names: tuple[str, ...], what: str, kind: type | None = None) -> dict:
    """A function's result as named arrays: a tuple (or list) of ``len(names)`` numpy
    arrays, in order, and an instance of ``kind`` if given (a named tuple, whose fields
    the code that calls it reads by name); anything else raises ``WrongOutput`` saying
    what it returned."""
    if value is None:
        raise WrongOutput(f"it returned None: the body has no `return` ({what} expected)")
    if not isinstance(value, (tuple, list)) or len(value) != len(names):
        raise WrongOutput(f"it returned {_described(value)}; expected {what}")
    if kind is not None and not isinstance(value, kind):
        fields = ", ".join(f".{field}" for field in kind._fields)
        raise WrongOutput(
            f"it returned {_described(value)}, not a {kind.__name__}: the code that uses "
            f"the result may read it by name ({fields}), which a {type(value).__name__} "
            f"cannot do. Return {what}."
        )
    return {name: one_array(item, name) for name, item in zip(names, value)}


def one_array(value, what: str) -> np.ndarray:
    """A result that must be one numpy array, called ``what``; anything else raises
    ``WrongOutput`` (a list, from ``.tolist()``, has no ``.shape`` and adds by joining)."""
    if value is None:
        raise WrongOutput(f"it returned None: the body has no `return` ({what} expected)")
    if not isinstance(value, np.ndarray):
        raise WrongOutput(
            f"{what} is {_described(value)}, not a numpy array: the code that calls it "
            "computes with it as an array (its .shape, A - B entry by entry). Return the "
            "array itself."
        )
    return value


def number(value, what: str) -> dict[str, object]:
    """A function's result that must be one number, under the name ``what``."""
    if value is None:
        raise WrongOutput(f"it returned None: the body has no `return` ({what} expected)")
    return {what: value}


def _described(value) -> str:
    if isinstance(value, (tuple, list)):
        return f"a {type(value).__name__} of {len(value)}"
    return f"a {type(value).__name__}"
