"""One module of the package read with ast: whole definitions with the comments above
them, what each import binds, and the definitions a named section is cut from."""

import pytest

from scratchnet.docsite.definitions import CodeError, Module


def test_a_section_is_the_whole_definition_it_is_cut_from_without_its_markers(toy_package):
    (definition,) = Module(toy_package, "sub/b.py").section("loop")
    assert definition.names == ("total",) and definition.line == 6
    assert definition.text.startswith("def total(values):\n    result = 0\n    for v in")
    assert "--8<--" not in definition.text


def test_a_definition_keeps_the_comments_and_decorators_above_it(toy_package):
    (toy_package / "deco.py").write_text(
        "import functools\n\n# Cached.\n@functools.cache\ndef f():\n    return 1\n"
    )
    assert Module(toy_package, "helpers.py").definitions["SCALE"].text == (
        "# The scale.\nSCALE = 2"
    )
    f = Module(toy_package, "deco.py").definitions["f"]
    assert f.line == 3 and f.text == "# Cached.\n@functools.cache\ndef f():\n    return 1"


def test_each_import_is_bound_as_external_a_module_or_a_name_of_the_package(toy_package):
    (toy_package / "uses.py").write_text(
        "from __future__ import annotations\n\nimport numpy as np\nfrom math import pi as PI\n"
        "from . import helpers\nfrom .sub import b\nfrom .helpers import double\n"
    )
    imports = Module(toy_package, "uses.py").imports
    assert imports == {
        "np": ("external", "import numpy as np"),
        "PI": ("external", "from math import pi as PI"),
        "helpers": ("module", "helpers.py"),
        "b": ("module", "sub/b.py"),
        "double": ("package", "helpers.py", "double"),
    }


def test_a_modules_exports_are_its_all_or_else_every_name_it_binds(toy_package):
    assert Module(toy_package, "helpers.py").exports == ["math", "SCALE", "double", "unused"]
    (toy_package / "listed.py").write_text("__all__ = ['f']\n\n\ndef f():\n    pass\n")
    assert Module(toy_package, "listed.py").exports == ["f"]


def test_a_missing_module_or_section_is_an_error_naming_it(toy_package):
    with pytest.raises(CodeError, match=r"no module nope\.py in .*pkg"):
        Module(toy_package, "nope.py")
    with pytest.raises(CodeError, match=r"sub/b\.py has no section 'lop'"):
        Module(toy_package, "sub/b.py").section("lop")
    (toy_package / "empty.py").write_text("# --8<-- [start:s]\n# --8<-- [end:s]\nX = 1\n")
    with pytest.raises(CodeError, match=r"empty\.py, section 's': no definition in it"):
        Module(toy_package, "empty.py").section("s")
