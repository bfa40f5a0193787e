"""The package's docstring (src/scratchnet/__init__.py) maps every subpackage and module
of src/scratchnet, one line each, and names nothing that is not there: the list is read
from the file system, so a new subpackage fails here until it is on the map."""

import re
from pathlib import Path

import scratchnet

PACKAGE = Path(scratchnet.__file__).parent
# A line of the map: "- ``name``   what it does"
MAP_LINE = re.compile(r"^- ``(\w+)``\s+\S", re.MULTILINE)


def on_disk() -> set[str]:
    """The subpackages (folders with an __init__.py) and modules directly under the package."""
    packages = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    modules = {path.stem for path in PACKAGE.glob("*.py") if path.name != "__init__.py"}
    return packages | modules


def test_the_map_names_every_subpackage_and_module_once():
    mapped = MAP_LINE.findall(scratchnet.__doc__)
    assert len(mapped) == len(set(mapped)), "a name is on the map twice"
    assert sorted(on_disk() - set(mapped)) == [], "not on the map"
    assert sorted(set(mapped) - on_disk()) == [], "on the map, not in the package"
