"""The package's own source as notebook cells, so a notebook runs without the package.

A page shows a named section of a module (``--8<-- "lines/network.py:forward"``, marked
``# --8<-- [start:forward]`` ... ``[end:forward]``). A notebook cell holds the whole
top-level definitions the section is cut from (a loop shown alone would not run), and
before it every definition of the package those need that is not defined yet: the
names they use, followed through the package's own imports (``from .network import
forward``, ``from .. import nn``), in an order that runs. Imports from outside the package
(numpy, the standard library) are collected for one cell at the top.

Definitions are read with ``ast`` at build time, so an edit of the source changes the
notebook; nothing is copied by hand.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

SECTION_MARKER = re.compile(r"^\s*# --8<-- \[(start|end):\w+\]\s*$")
# A code block's line that includes a section: --8<-- "nn/modules.py:linear"
SNIPPET = re.compile(r'^--8<-- "(?P<file>[^":]+):(?P<section>\w+)"$')


class CodeError(ValueError):
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


class _Module:
    """A module of the package: its top-level definitions and what its imports bind."""

    def __init__(self, root: Path, relative: str):
        self.relative = relative
        path = root / relative
        if not path.is_file():
            raise CodeError(f"no module {relative} in {root}")
        self.text = path.read_text()
        self.lines = self.text.splitlines()
        self.tree = ast.parse(self.text, filename=str(path))
        self.definitions: dict[str, Definition] = {}
        self.imports: dict[str, tuple] = {}  # name -> ("package", module, name) | ...
        package = Path(relative).parent
        for node in self.tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                self._bind_imports(root, package, node)
            names = _defined_names(node)
            if names:
                definition = Definition(
                    relative, _first_line(node, self.lines), names, self._source(node), node
                )
                for name in names:
                    self.definitions[name] = definition
        exported = []
        for node in self.tree.body:
            if isinstance(node, ast.Assign) and _defined_names(node) == ("__all__",):
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


class PackageSource:
    """The package's modules under ``root`` (src/scratchnet), and the definitions a
    notebook has emitted so far: each is written once, before whatever needs it."""

    def __init__(self, root: str | Path, without: tuple[str, ...] = ()):
        self.root = Path(root)
        self.without = set(without)  # names never included (e.g. a reader of other data)
        self._modules: dict[str, _Module] = {}
        self.emitted: set[Definition | Namespace] = set()
        self.external_imports: set[str] = set()
        self._emitted_names: dict[str, str] = {}

    def module(self, relative: str) -> _Module:
        if relative not in self._modules:
            self._modules[relative] = _Module(self.root, relative)
        return self._modules[relative]

    def section_cells(self, file: str, section: str) -> list[tuple[str, str]]:
        """Cells for a page's ``--8<-- "file:section"``: the definitions it needs that are
        not yet defined (one cell per module), then the section's whole definitions.
        Each cell is ``(module, text)``."""
        shown = self.module(file).section(section)
        needed = self._closure(shown, skip=set(shown))
        cells = self._cells(needed)
        for definition in shown:
            self._mark(definition)
        cells.append((file, "\n\n\n".join(d.text for d in shown)))
        return cells

    def cells_for_names(self, names: list[str], modules: list[str]) -> list[tuple[str, str]]:
        """Cells defining each of ``names`` (looked up in ``modules``, in order) not yet
        defined, and what they need. Names none of the modules knows are left alone (a
        recipe's own variables, builtins)."""
        found = []
        for name in names:
            if name in self.without:
                continue
            for relative in modules:
                target = self._resolve(self.module(relative), name)
                if target is not None:
                    found.append(target)
                    break
        return self._cells(self._closure(found))

    # --- the dependency graph ---

    def _resolve(self, module: _Module, name: str):
        """What ``name`` means in ``module``: a Definition, a Namespace, an external
        import ("external", text), or None."""
        if name in self.without:
            return None
        if name in module.definitions:
            return module.definitions[name]
        binding = module.imports.get(name)
        if binding is None:
            return None
        if binding[0] == "external":
            return binding
        if binding[0] == "module":
            return Namespace(binding[1], name)
        target = self.module(binding[1])
        if binding[2] not in target.definitions and binding[2] not in target.imports:
            raise CodeError(
                f"{module.relative} imports {binding[2]} from {binding[1]}, which "
                "does not define it"
            )
        return self._resolve(target, binding[2])

    def _dependencies(self, item) -> list:
        if isinstance(item, Namespace):
            target = self.module(item.target)
            return [self._resolve(target, name) for name in target.exports]
        module = self.module(item.module)
        found = []
        for node in ast.walk(item.node):
            if isinstance(node, ast.Name) and node.id not in item.names:
                found.append(self._resolve(module, node.id))
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                space = self._resolve(module, node.value.id)
                if isinstance(space, Namespace):
                    found.append(self._resolve(self.module(space.target), node.attr))
        return [f for f in found if f is not None]

    def _closure(self, items: list, skip: set | None = None) -> list:
        """Everything ``items`` need that is not yet emitted (``items`` too, unless in
        ``skip``), each after what it uses, and one module's definitions together where
        that order allows. External imports are collected aside."""
        needs: dict = {}
        for item in items:
            if isinstance(item, tuple):  # a recipe's name that is an import, such as np
                self.external_imports.add(item[1])
        pending = [item for item in items if not isinstance(item, tuple)]
        while pending:
            item = pending.pop()
            if item in needs or item in self.emitted:
                continue
            needs[item] = set()
            for dependency in self._dependencies(item):
                if isinstance(dependency, tuple):  # ("external", "import numpy as np")
                    self.external_imports.add(dependency[1])
                elif dependency not in self.emitted and dependency != item:
                    needs[item].add(dependency)
                    pending.append(dependency)
        order, done, previous = [], set(), None
        modules = list(dict.fromkeys(_module_of(item) for item in needs))
        while len(done) < len(needs):
            left = [item for item in needs if item not in done]
            ready = [item for item in left if needs[item] <= done] or left  # a cycle: any
            same = [item for item in ready if _module_of(item) == previous]
            item = min(same or ready, key=lambda i: (modules.index(_module_of(i)), _line(i)))
            done.add(item)
            previous = _module_of(item)
            if not (skip and item in skip):
                order.append(item)
        return order

    def _cells(self, items: list) -> list[tuple[str, str]]:
        cells: list[tuple[str, list[str]]] = []
        for item in items:
            self._mark(item)
            if isinstance(item, Namespace):
                module, text = item.target, self._namespace_text(item)
            else:
                module, text = item.module, item.text
            if cells and cells[-1][0] == module:
                cells[-1][1].append(text)
            else:
                cells.append((module, [text]))
        return [(module, "\n\n\n".join(texts)) for module, texts in cells]

    def _namespace_text(self, space: Namespace) -> str:
        self.external_imports.add("from types import SimpleNamespace")
        names = self.module(space.target).exports
        package = Path(space.target).parent.as_posix().replace("/", ".")
        members = ",\n".join(f"    {name}={name}" for name in names)
        return (
            f"# The names of scratchnet.{package}, as the code calls them ({space.alias}.Linear)\n"
            f"{space.alias} = SimpleNamespace(\n{members},\n)"
        )

    def _mark(self, item) -> None:
        self.emitted.add(item)
        if isinstance(item, Namespace):
            return
        for name in item.names:
            where = f"{item.module}:{item.line}"
            previous = self._emitted_names.setdefault(name, where)
            if previous != where:
                raise CodeError(
                    f"two definitions named {name!r} ({previous} and {where}) would meet in "
                    "one notebook; rename one, or leave one out"
                )


def _module_of(item) -> str:
    return item.target if isinstance(item, Namespace) else item.module


def _line(item) -> int:
    return 0 if isinstance(item, Namespace) else item.line


def names_used(code: str) -> tuple[list[str], set[str]]:
    """The names ``code`` reads, in order of first use, and the names it assigns."""
    tree = ast.parse(code)
    read, assigned = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else []).append(node.id)
            if not isinstance(node.ctx, ast.Load):
                assigned.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            assigned.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            assigned.update((a.asname or a.name).split(".")[0] for a in node.names)
    return list(dict.fromkeys(read)), assigned


def imports_cell(statements: set[str]) -> str:
    """The import statements, ``import x`` lines first, each group sorted."""
    plain = sorted(s for s in statements if s.startswith("import "))
    froms = sorted(s for s in statements if s.startswith("from "))
    return "\n".join(plain + froms)


def _defined_names(node: ast.stmt) -> tuple[str, ...]:
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
