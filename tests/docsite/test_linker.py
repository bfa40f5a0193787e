"""The package's code linked into cells: a section after what it needs, each definition
once, a clash of names refused, a cycle emitted once in an order that runs, and the
imports from outside the package gathered for one cell."""

import pytest

from scratchnet.docsite.linker import CodeError, PackageSource, imports_cell, names_used


def run(source: PackageSource, cells: list[tuple[str, str]]) -> dict:
    """The cells executed after the gathered imports, as a notebook would, in one namespace."""
    namespace = {}
    code = imports_cell(source.external_imports) + "\n" + "\n".join(text for _, text in cells)
    exec(code, namespace)
    return namespace


def test_a_section_becomes_its_whole_definition_after_what_it_needs(toy_package):
    source = PackageSource(toy_package)
    cells = source.section_cells("sub/b.py", "loop")
    assert [module for module, _ in cells] == ["helpers.py", "sub/b.py"]
    assert cells[0][1] == "# The scale.\nSCALE = 2\n\n\ndef double(x):\n    return SCALE * x"
    assert cells[1][1].startswith("def total(values):") and "--8<--" not in cells[1][1]
    assert source.external_imports == {"import numpy as np"}  # math only for `unused`
    assert run(source, cells)["total"]([1, 2]) == 6
    # Defined once: a second use needs nothing new.
    assert source.cells_for_names(["double", "print"], ["helpers.py"]) == []


def test_names_are_looked_up_in_the_modules_given_in_order(toy_package):
    (toy_package / "other.py").write_text("def double(x):\n    return x\n")
    source = PackageSource(toy_package)
    cells = source.cells_for_names(["double", "seed"], ["other.py", "helpers.py"])
    assert cells == [("other.py", "def double(x):\n    return x")]
    left_out = PackageSource(toy_package, without=("double",))
    assert left_out.cells_for_names(["double"], ["helpers.py"]) == []


def test_a_module_used_as_a_namespace_becomes_one(toy_package):
    (toy_package / "uses.py").write_text(
        "from . import helpers\n\n\ndef twice(x):\n    return helpers.double(x)\n"
    )
    source = PackageSource(toy_package)
    cells = source.cells_for_names(["twice"], ["uses.py"])
    assert cells[-1] == ("uses.py", "def twice(x):\n    return helpers.double(x)")
    assert "helpers = SimpleNamespace(" in cells[-2][1]
    assert run(source, cells)["twice"](3) == 6


def test_two_definitions_of_one_name_are_an_error_naming_both(toy_package):
    (toy_package / "other.py").write_text("def double(x):\n    return x\n")
    source = PackageSource(toy_package)
    source.cells_for_names(["double"], ["helpers.py"])
    with pytest.raises(CodeError, match=r"'double' \(helpers\.py:8 and other\.py:1\)"):
        source.cells_for_names(["double"], ["other.py"])


def write_cycle(root):
    """is_even and is_odd call each other across two modules; TABLE, in a third, needs
    them when it is defined, and so does the recursive countdown."""
    (root / "even.py").write_text(
        "from .odd import is_odd\n\n\ndef is_even(n):\n    return n == 0 or is_odd(n - 1)\n"
    )
    (root / "odd.py").write_text(
        "from .even import is_even\n\n\ndef is_odd(n):\n    return n != 0 and is_even(n - 1)\n"
    )
    (root / "table.py").write_text(
        "from .even import is_even\n\n\ndef countdown(n):\n    return [] if n < 0 else "
        "[n] + countdown(n - 1)\n\n\nTABLE = [is_even(n) for n in countdown(3)]\n"
    )


def test_a_cycle_is_emitted_once_each_in_an_order_that_runs_the_same_every_time(toy_package):
    write_cycle(toy_package)
    source = PackageSource(toy_package)
    cells = source.cells_for_names(["TABLE"], ["table.py"])
    # countdown (recursive, no cycle with others), the cycle, then what calls into it.
    assert [module for module, _ in cells] == ["table.py", "even.py", "odd.py", "table.py"]
    text = "\n".join(code for _, code in cells)
    for name in ("def is_even", "def is_odd", "def countdown", "TABLE ="):
        assert text.count(name) == 1
    assert run(source, cells)["TABLE"] == [False, True, False, True]
    assert PackageSource(toy_package).cells_for_names(["TABLE"], ["table.py"]) == cells
    # Met from the other side, the cycle still comes before what needs it.
    other = PackageSource(toy_package)
    first = other.cells_for_names(["is_odd"], ["odd.py"])
    assert [module for module, _ in first] == ["odd.py", "even.py"]
    assert [module for module, _ in other.cells_for_names(["TABLE"], ["table.py"])] == ["table.py"]


def test_names_used_reads_each_name_once_and_sees_what_is_assigned():
    read, assigned = names_used(
        "import numpy as np\nx = f(y, np)\ndef g():\n    return x + z\nfor i in x:\n    f(i)"
    )
    assert sorted(read) == ["f", "i", "np", "x", "y", "z"]
    assert assigned == {"np", "x", "g", "i"}
    assert names_used("a = b\nc = d(a)")[0] == ["b", "d", "a"]  # a statement's in order


def test_the_imports_cell_puts_plain_imports_first_each_group_sorted():
    statements = {"from typing import NamedTuple", "import numpy as np", "import math"}
    assert imports_cell(statements) == (
        "import math\nimport numpy as np\nfrom typing import NamedTuple"
    )
