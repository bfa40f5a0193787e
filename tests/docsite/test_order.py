"""An order in which definitions run: each after what it uses, a module's together."""

from scratchnet.docsite.definitions import Definition, Namespace
from scratchnet.docsite.order import run_order


def item(module: str, line: int, name: str) -> Definition:
    return Definition(module, line, (name,), f"{name} = ...", node=None)


A1, A2, A3 = item("a.py", 1, "a1"), item("a.py", 5, "a2"), item("a.py", 9, "a3")
B1, B2 = item("b.py", 1, "b1"), item("b.py", 5, "b2")


def test_each_definition_comes_after_what_it_uses():
    assert run_order({A1: {B2}, B2: {B1}, B1: set()}) == [B1, B2, A1]


def test_one_modules_definitions_stay_together_where_the_order_allows():
    # a2 needs b1; a1 and a3 need nothing: a1, a3 would be split by b1 only if needed.
    needs = {A1: set(), A2: {B1}, A3: set(), B1: set()}
    assert run_order(needs) == [A1, A3, B1, A2]


def test_a_namespace_comes_before_the_definitions_of_its_module():
    space = Namespace("a.py", "a")
    assert run_order({A1: set(), space: set()}) == [space, A1]


def test_skipped_items_are_placed_but_left_out():
    assert run_order({A1: {B1}, B1: set()}, skip={A1}) == [B1]
