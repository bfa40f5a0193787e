"""The package's own source linked into notebook cells, so a notebook runs without the
package: each definition a page shows or a cell uses written once, before whatever
needs it, and the imports from outside the package (numpy, the standard library)
gathered for one cell at the top.

Definitions are read with ``ast`` at build time (``definitions``), followed through the
package's imports (``dependencies``) and put in an order that runs (``order``); so an
edit of the source changes the notebook, and nothing is copied by hand.
"""

from __future__ import annotations

import ast
from pathlib import Path

from scratchnet.docsite.definitions import CodeError, Module, Namespace
from scratchnet.docsite.dependencies import Dependencies, Item
from scratchnet.docsite.order import module_of, run_order


class PackageSource:
    """The package's modules under ``root`` (src/scratchnet), and the definitions a
    notebook has emitted so far: each is written once, before whatever needs it."""

    def __init__(self, root: str | Path, without: tuple[str, ...] = ()):
        self.graph = Dependencies(root, without)
        self.emitted: set[Item] = set()
        self.external_imports: set[str] = set()
        self._emitted_names: dict[str, str] = {}

    def module(self, relative: str) -> Module:
        return self.graph.module(relative)

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
            if name in self.graph.without:
                continue
            for relative in modules:
                target = self.graph.resolve(self.module(relative), name)
                if target is not None:
                    found.append(target)
                    break
        return self._cells(self._closure(found))

    def _closure(self, items: list, skip: set | None = None) -> list[Item]:
        """Everything ``items`` need that is not yet emitted (``items`` too, unless in
        ``skip``), in an order that runs; their external imports are collected aside."""
        needs, external = self.graph.closure(items, self.emitted)
        self.external_imports |= external
        return run_order(needs, skip)

    def _cells(self, items: list[Item]) -> list[tuple[str, str]]:
        cells: list[tuple[str, list[str]]] = []
        for item in items:
            self._mark(item)
            text = self._namespace_text(item) if isinstance(item, Namespace) else item.text
            module = module_of(item)
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

    def _mark(self, item: Item) -> None:
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


def names_used(code: str) -> tuple[list[str], set[str]]:
    """The names ``code`` (a cell) reads, each once in the order ``ast.walk`` meets them
    (outer statements first), and the names it assigns."""
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
