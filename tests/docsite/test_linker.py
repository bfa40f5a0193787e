"""The package's code linked into cells: a section after what it needs, each definition
once, a clash of names refused, and the imports from outside the package gathered
for one cell."""

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
