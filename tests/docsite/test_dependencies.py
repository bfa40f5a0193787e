"""What the package's definitions need: names resolved through the package's imports,
and the closure of what a definition needs, with the external imports met on the way."""

import pytest

from scratchnet.docsite.definitions import CodeError, Namespace
from scratchnet.docsite.dependencies import Dependencies


def test_a_name_is_resolved_through_the_packages_imports(toy_package):
    graph = Dependencies(toy_package)
    b = graph.module("sub/b.py")
    double = graph.resolve(b, "double")
    assert double.module == "helpers.py" and double.names == ("double",)
    assert graph.resolve(b, "np") == ("external", "import numpy as np")
    assert graph.resolve(b, "print") is None
    assert Dependencies(toy_package, without=("double",)).resolve(b, "double") is None


def test_the_closure_holds_what_is_needed_and_only_that(toy_package):
    graph = Dependencies(toy_package)
    total = graph.module("sub/b.py").definitions["total"]
    needs, external = graph.closure([total], defined=set())
    helpers = graph.module("helpers.py").definitions
    assert needs == {total: {helpers["double"]}, helpers["double"]: {helpers["SCALE"]},
                     helpers["SCALE"]: set()}  # fmt: skip
    assert external == {"import numpy as np"}  # math only for `unused`
    # What is defined already is neither needed again nor followed.
    assert graph.closure([total], defined={helpers["double"]})[0] == {total: set()}


def test_a_module_used_as_a_namespace_needs_all_it_exports(toy_package):
    (toy_package / "uses.py").write_text(
        "from . import helpers\n\n\ndef twice(x):\n    return helpers.double(x)\n"
    )
    graph = Dependencies(toy_package)
    twice = graph.module("uses.py").definitions["twice"]
    space = Namespace("helpers.py", "helpers")
    helpers = graph.module("helpers.py").definitions
    assert set(graph.uses(twice)) == {space, helpers["double"]}
    assert set(graph.uses(space)) == {
        ("external", "import math"),
        helpers["SCALE"],
        helpers["double"],
        helpers["unused"],
    }


def test_importing_a_name_the_module_lacks_is_an_error_naming_both(toy_package):
    (toy_package / "wrong.py").write_text(
        "from .helpers import triple\n\n\ndef f():\n    triple()\n"
    )
    graph = Dependencies(toy_package)
    with pytest.raises(CodeError, match=r"wrong\.py imports triple from helpers\.py, which does"):
        graph.closure([graph.module("wrong.py").definitions["f"]], defined=set())
