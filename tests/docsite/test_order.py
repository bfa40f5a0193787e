"""An order in which definitions run: each after what it uses, a module's together,
and through a cycle, deterministic, with what needs the cycle after all of it."""

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


def test_a_cycle_terminates_in_source_order_whatever_order_it_is_met_in():
    assert run_order({A2: {A1}, A1: {A2}}) == [A1, A2]
    assert run_order({A1: {A2}, A2: {A1}}) == [A1, A2]
    assert run_order({A3: {A1}, A1: {A3}}) == run_order({A1: {A3}, A3: {A1}}) == [A1, A3]


def test_what_needs_a_cycle_comes_after_all_of_it_even_from_an_earlier_module():
    # A1 (met first, so a.py is the first module) needs the cycle b1 <-> b2.
    assert run_order({A1: {B1}, B1: {B2}, B2: {B1}}) == [B1, B2, A1]
    # A cycle across modules: the first module met goes first; a2, beside a1 in its
    # module, still waits for the whole cycle.
    assert run_order({A1: {B2}, B2: {A1}, A2: {A1}}) == [A1, B2, A2]


def test_of_two_cycles_the_one_another_needs_comes_first():
    # a1 <-> a2 needs the cycle b1 <-> b2.
    needs = {A1: {A2}, A2: {A1, B1}, B1: {B2}, B2: {B1}}
    assert run_order(needs) == [B1, B2, A1, A2]
