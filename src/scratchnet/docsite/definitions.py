"""One module of the package read with ``ast``: its top-level definitions, what its
imports bind, and the definitions a named section (``# --8<-- [start:name]``) is cut from.

A page shows a named section of a module (``--8<-- "lines/network.py:forward"``, marked
``# --8<-- [start:forward]`` ... ``[end:forward]``); a notebook cell holds the whole
top-level definitions the section is cut from, since a loop shown alone would not run.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..user_errors import InputProblem

SECTION_MARKER = re.compile(r"^\s*# --8<-- \[(start|end):\w+\]\s*$")


class CodeError(InputProblem, ValueError):
    """A section or name the package's source does not have; the message names it."""


@dataclass(frozen=True)
class Definition:
    """One top-level statement of a module that defines ``names`` (a function, a class,
    an assignment), with the comment lines right above it."""

    module: str  # e.g. "lines/network.py", relative to the package
    line: int  # where the statement starts, 1-based
    names: tuple[str, ...]
    text: str
    node: ast.stmt = field(compare=False, repr=False)


@dataclass(frozen=True)
class Namespace:
    """``from .. import nn`` used as ``nn.Linear``: a namespace holding the names the
    module ``target`` exports, built in the notebook under ``alias``."""

    target: str  # e.g. "nn/__init__.py"
    alias: str


class Module:
    """A module of the package: its top-level definitions and what its imports bind.

    ``imports`` maps a bound name to ``("external", "import numpy as np")`` (from outside
    the package), ``("module", "nn/__init__.py")`` (a module of the package, used as a
    namespace) or ``("package", "lines/network.py", "forward")`` (a name of one)."""

    def __init__(self, root: Path, relative: str):
        self.relative = relative
        path = root / relative
        if not path.is_file():
            raise CodeError(f"no module {relative} in {root}")
        self.text = path.read_text()
        self.lines = self.text.splitlines()
        self.tree = ast.parse(self.text, filename=str(path))
        self.definitions: dict[str, Definition] = {}
        self.imports: dict[str, tuple] = {}
        package = Path(relative).parent
        for node in self.tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                self._bind_imports(root, package, node)
            names = defined_names(node)
            if names:
                definition = Definition(
                    relative, _first_line(node, self.lines), names, self._source(node), node
                )
                for name in names:
                    self.definitions[name] = definition
        exported = []
        for node in self.tree.body:
            if isinstance(node, ast.Assign) and defined_names(node) == ("__all__",):
                exported = [ast.literal_eval(node.value)]
        self.exports = exported[0] if exported else sorted(self.imports) + sorted(self.definitions)

    def _bind_imports(self, root: Path, package: Path, node: ast.stmt) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                text = f"import {alias.name}" + (f" as {alias.asname}" if alias.asname else "")
                self.imports[alias.asname or alias.name.split(".")[0]] = ("external", text)
            return
        if node.module == "__future__":
            return
        if node.level == 0:
            for alias in node.names:
                text = f"from {node.module} import {alias.name}"
                text += f" as {alias.asname}" if alias.asname else ""
                self.imports[alias.asname or alias.name] = ("external", text)
            return
        base = package
        for _ in range(node.level - 1):
            base = base.parent
        if node.module:
            base = base.joinpath(*node.module.split("."))
        for alias in node.names:
            bound = alias.asname or alias.name
            submodule = base / alias.name
            if (root / submodule / "__init__.py").is_file():
                self.imports[bound] = ("module", (submodule / "__init__.py").as_posix())
            elif (root / f"{submodule}.py").is_file():
                self.imports[bound] = ("module", f"{submodule.as_posix()}.py")
            else:
                target = base / "__init__.py" if (root / base).is_dir() else Path(f"{base}.py")
                self.imports[bound] = ("package", target.as_posix(), alias.name)

    def _source(self, node: ast.stmt) -> str:
        first = _first_line(node, self.lines)
        lines = self.lines[first - 1 : node.end_lineno]
        return "\n".join(line for line in lines if not SECTION_MARKER.match(line))

    def section(self, name: str) -> list[Definition]:
        """The top-level definitions the section ``name`` is cut from, in source order."""
        start = end = None
        for number, line in enumerate(self.lines, start=1):
            if line.strip() == f"# --8<-- [start:{name}]":
                start = number
            elif line.strip() == f"# --8<-- [end:{name}]":
                end = number
        if start is None or end is None:
            raise CodeError(f"{self.relative} has no section {name!r} (# --8<-- [start:{name}])")
        found = []
        for definition in dict.fromkeys(self.definitions.values()):
            if definition.line < end and definition.node.end_lineno > start:
                found.append(definition)
        if not found:
            raise CodeError(f"{self.relative}, section {name!r}: no definition in it")
        return sorted(found, key=lambda d: d.line)


def defined_names(node: ast.stmt) -> tuple[str, ...]:
    """The names a top-level statement binds (none for an expression or an import)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return (node.name,)
    targets = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign) and node.value is not None:
        targets = [node.target]
    names = []
    for target in targets:
        for element in ast.walk(target):
            if isinstance(element, ast.Name):
                names.append(element.id)
    return tuple(names)


def _first_line(node: ast.stmt, lines: list[str]) -> int:
    """The statement's first line, its decorators and the comments right above included
    (section markers are not comments of the code)."""
    first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
    while first > 1:
        above = lines[first - 2].strip()
        if not above.startswith("#") or SECTION_MARKER.match(lines[first - 2]):
            break
        first -= 1
    return first
