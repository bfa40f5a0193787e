"""Mutants of an exercise's reference, and whether one behaves as the reference does: the
tools of the mutation test (test_mutants.py).

A mutant is the reference changed in one place, read and rewritten with ``ast``: an
operator (``+`` and ``-``, ``*`` and ``/``, ``@`` to ``*``, ``>`` and ``>=``, a minus sign
dropped), an axis (0 and 1, or none), ``keepdims`` dropped, a transpose added or dropped,
``sum`` and ``mean``, ``max`` and ``min``, a constant (one more, one less), the order of
two arguments or operands. Or the whole function changed: an array it is given changed in
place once it has its result, or what it returns given as lists. ``differs`` runs a
mutant and the reference on an exercise's cases and compares everything that comes out,
the arguments included, to the checker's own tolerance.
"""

from __future__ import annotations

import ast
import copy
import inspect
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from scratchnet.exercises.checking import Exercise, close, named_arrays

OPERATORS = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.MatMult: ast.Mult,
    ast.Pow: ast.Mult,
}
COMPARISONS = {
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
SWAPPED_NAMES = {"sum": "mean", "mean": "sum", "max": "min", "min": "max"}
SWAPPED_NAMES |= {"maximum": "minimum", "minimum": "maximum"}
ORDERED = (ast.Sub, ast.Div, ast.MatMult, ast.Pow)  # operands whose order matters


@dataclass(frozen=True)
class Mutant:
    """The reference changed: ``change`` says how, in words (``z.max(axis=0, keepdims=True)
    -> z.max(axis=0)``); ``function`` is the changed function, under the reference's name."""

    change: str
    function: Callable


def mutants(exercise: Exercise) -> list[Mutant]:
    """Every single-point and whole-function mutant of ``exercise.reference``."""
    return single_point(exercise.reference) + whole_function(exercise)


def single_point(function: Callable) -> list[Mutant]:
    """The function changed in one place, each change once; a change made in two places
    of the same text is told apart by its count (``#2``)."""
    source = textwrap.dedent(inspect.getsource(function))
    tree = ast.parse(source)
    definition = tree.body[0]
    definition.returns = None  # annotations are not the code under test
    for argument in definition.args.args:
        argument.annotation = None
    nodes = list(ast.walk(definition))
    parents = {child: parent for parent in nodes for child in ast.iter_child_nodes(parent)}
    found, seen = [], {}
    for index, node in enumerate(nodes):
        # A constant is shown in what holds it (`Y > 0 -> Y > 1`), anything else alone.
        shown = nodes.index(parents[node]) if isinstance(node, ast.Constant) else index
        for replacement in changes_of(node, definition):
            changed = copy.deepcopy(tree)
            changed_nodes = list(ast.walk(changed.body[0]))
            _Replace(changed_nodes[index], replacement).visit(changed)
            after = replacement if shown == index else changed_nodes[shown]
            change = f"{ast.unparse(nodes[shown])} -> {ast.unparse(after)}"
            seen[change] = seen.get(change, 0) + 1
            if seen[change] > 1:
                change += f" #{seen[change]}"
            found.append(Mutant(change, _compiled(changed, function)))
    return found


def changes_of(node: ast.AST, definition: ast.FunctionDef) -> Iterator[ast.AST]:
    """The single-point changes of ``node``, each a new node to put in its place."""
    if isinstance(node, ast.BinOp):
        if type(node.op) in OPERATORS:
            yield ast.BinOp(node.left, OPERATORS[type(node.op)](), node.right)
        if isinstance(node.op, ORDERED):
            yield ast.BinOp(node.right, node.op, node.left)
        if isinstance(node.op, ast.MatMult):
            yield ast.BinOp(_transposed(node.left), node.op, node.right)
            yield ast.BinOp(node.left, node.op, _transposed(node.right))
    elif isinstance(node, ast.AugAssign) and type(node.op) in OPERATORS:
        yield ast.AugAssign(node.target, OPERATORS[type(node.op)](), node.value)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        yield node.operand
    elif isinstance(node, ast.Compare) and len(node.ops) == 1:
        yield ast.Compare(node.left, [COMPARISONS[type(node.ops[0])]()], node.comparators)
    elif isinstance(node, ast.Attribute) and node.attr == "T":
        yield node.value
    elif isinstance(node, ast.Attribute) and node.attr in SWAPPED_NAMES:
        yield ast.Attribute(node.value, SWAPPED_NAMES[node.attr], node.ctx)
    elif isinstance(node, ast.Call):
        yield from _call_changes(node)
    elif _is_number(node) and not _is_axis(node, definition):
        yield ast.Constant(node.value + 1)
        yield ast.Constant(node.value - 1)


def _call_changes(call: ast.Call) -> Iterator[ast.Call]:
    """A call with its first two arguments swapped, its axis changed or dropped, its
    keepdims dropped."""
    positional = call.args
    if len(positional) >= 2 and not any(isinstance(a, ast.Starred) for a in positional[:2]):
        yield ast.Call(call.func, [positional[1], positional[0], *positional[2:]], call.keywords)
    for position, keyword in enumerate(call.keywords):
        others = call.keywords[:position] + call.keywords[position + 1 :]
        if keyword.arg in ("axis", "keepdims"):
            yield ast.Call(call.func, positional, others)
        if keyword.arg == "axis" and _is_number(keyword.value):
            other = ast.keyword("axis", ast.Constant(1 if keyword.value.value == 0 else 0))
            yield ast.Call(call.func, positional, [*others[:position], other, *others[position:]])


def _transposed(node: ast.expr) -> ast.expr:
    return ast.Attribute(node, "T", ast.Load())


def _is_number(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float))
        and not isinstance(node.value, bool)
    )


def _is_axis(node: ast.AST, definition: ast.FunctionDef) -> bool:
    """Whether ``node`` is the value of an ``axis=`` keyword (changed as an axis)."""
    return any(
        isinstance(k, ast.keyword) and k.arg == "axis" and k.value is node
        for k in ast.walk(definition)
    )


class _Replace(ast.NodeTransformer):
    def __init__(self, target: ast.AST, replacement: ast.AST):
        self.target, self.replacement = target, replacement

    def visit(self, node):
        if node is self.target:
            return self.replacement
        return self.generic_visit(node)


def _compiled(tree: ast.Module, function: Callable) -> Callable:
    """The function ``tree`` defines, with the globals of ``function`` (its module's)."""
    ast.fix_missing_locations(tree)
    namespace = dict(function.__globals__)
    exec(compile(tree, f"<mutant of {function.__name__}>", "exec"), namespace)
    return namespace[function.__name__]


def whole_function(exercise: Exercise) -> list[Mutant]:
    """The reference changing one array it is given in place, once it has its result
    (each array among the arguments of the exercise's first case); and returning lists
    where it returns something else: the result as a list, each array in it as a list."""
    function = exercise.reference
    ((_, result, arguments), *_) = _behaviour(exercise, function, exercise.cases[0])
    found = [
        Mutant(f"changes {name} in place", _changing(function, name))
        for name in _arrays_given(function, arguments)
    ]
    if result is not None and not isinstance(result, list):
        found.append(Mutant("returns a list", _returning(function, _as_list)))
    if _arrays_as_lists(result) is not result:
        found.append(Mutant("returns its arrays as lists", _returning(function, _arrays_as_lists)))
    return found


def _arrays_given(function: Callable, arguments: tuple) -> dict[str, np.ndarray]:
    """Every array among ``arguments`` by name, as the checker names them (``fwd.A2``)."""
    parameters = inspect.signature(function).parameters
    return {
        name: array
        for parameter, value in zip(parameters, arguments)
        for name, array in named_arrays(parameter, value).items()
    }


def _changing(function: Callable, name: str) -> Callable:
    def mutant(*arguments):
        result = _run(function, arguments)
        array = _arrays_given(function, arguments)[name]
        array += 1  # in place: the caller's array changes
        return result

    return _named(mutant, function)


def _returning(function: Callable, convert: Callable) -> Callable:
    def mutant(*arguments):
        return convert(_run(function, arguments))

    return _named(mutant, function)


def _as_list(result):
    """The result as a list: an array's ``.tolist()``, a tuple's items, a number in a list."""
    if isinstance(result, np.ndarray):
        return result.tolist()
    if isinstance(result, tuple):
        return list(result)
    return [result]


def _arrays_as_lists(result):
    """Each array of the result as a list, in a container of the same kind (the result
    itself if it holds no array)."""
    if isinstance(result, np.ndarray):
        return result.tolist()
    if isinstance(result, (tuple, list)) and any(isinstance(r, np.ndarray) for r in result):
        items = [_arrays_as_lists(item) for item in result]
        return type(result)(*items) if hasattr(result, "_fields") else type(result)(items)
    return result


def _run(function: Callable, arguments: tuple):
    """``function(*arguments)``, a generator run to its end (a list of what it yields)."""
    result = function(*arguments)
    return list(result) if inspect.isgenerator(result) else result


def _named(mutant: Callable, function: Callable) -> Callable:
    mutant.__name__ = mutant.__qualname__ = function.__name__
    return mutant


def differs(exercise: Exercise, mutant: Callable) -> bool:
    """Whether ``mutant`` behaves otherwise than the reference on one of the exercise's
    cases: raises where it does not (or another error), or returns or leaves in its
    arguments something else: another kind (a list for an array, a tuple for a named
    tuple) or other numbers, beyond the checker's tolerance."""
    reference = exercise.reference
    return any(
        not _alike(_behaviour(exercise, mutant, case), _behaviour(exercise, reference, case))
        for case in exercise.cases
    )


def _behaviour(exercise: Exercise, function: Callable, case) -> list[tuple]:
    """What ``function`` does on ``case``, called as the check calls it (``batches``
    twice, on generators of one seed): for each call, the error it raises (its type) or
    what it returns (a generator as the list of what it yields), and its arguments
    afterwards."""
    calls = []

    def traced(*arguments):
        try:
            result = _run(function, arguments)
        except Exception as error:
            calls.append((type(error), None, arguments))
            raise
        calls.append((None, result, arguments))
        return result

    try:
        with np.errstate(all="ignore"):
            exercise.outputs(traced, case.arguments())
    except Exception:  # what the checker makes of it is the check's business
        pass
    return calls


def _alike(a, b) -> bool:
    """Of the same kind, and equal to the checker's tolerance where they are numbers."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (np.ndarray, float, int, np.number)):
        return close(a, b)
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(map(_alike, a, b))
    if isinstance(a, np.random.Generator):
        return True  # what it drew shows in the result
    return a == b
