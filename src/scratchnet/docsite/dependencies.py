"""What the package's definitions need: each name a definition uses, resolved through the
package's own imports (``from .network import forward``, ``from .. import nn``), and
everything that needs in turn, down to the imports from outside the package."""

from __future__ import annotations

import ast
from pathlib import Path

from scratchnet.docsite.definitions import CodeError, Definition, Module, Namespace

# What a name can mean: a definition of the package, a namespace of one of its modules,
# or an import from outside it, ("external", "import numpy as np").
Item = Definition | Namespace
External = tuple[str, str]


class Dependencies:
    """The dependency graph of the package under ``root`` (src/scratchnet), its modules
    read once each. Names in ``without`` resolve to nothing (e.g. a reader of other
    data, left out of a notebook)."""

    def __init__(self, root: str | Path, without: tuple[str, ...] = ()):
        self.root = Path(root)
        self.without = set(without)
        self._modules: dict[str, Module] = {}

    def module(self, relative: str) -> Module:
        if relative not in self._modules:
            self._modules[relative] = Module(self.root, relative)
        return self._modules[relative]

    def resolve(self, module: Module, name: str) -> Item | External | None:
        """What ``name`` means in ``module``: a Definition, a Namespace, an external
        import ("external", text), or None (a builtin, a local, a name left out)."""
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
        return self.resolve(target, binding[2])

    def uses(self, item: Item) -> list[Item | External]:
        """What ``item`` uses directly: for a namespace, every name its module exports;
        for a definition, the names its statement reads (``nn.Linear`` as ``Linear``)."""
        if isinstance(item, Namespace):
            target = self.module(item.target)
            return [self.resolve(target, name) for name in target.exports]
        module = self.module(item.module)
        found = []
        for node in ast.walk(item.node):
            if isinstance(node, ast.Name) and node.id not in item.names:
                found.append(self.resolve(module, node.id))
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                space = self.resolve(module, node.value.id)
                if isinstance(space, Namespace):
                    found.append(self.resolve(self.module(space.target), node.attr))
        return [f for f in found if f is not None]

    def closure(
        self, items: list[Item | External], defined: set[Item]
    ) -> tuple[dict[Item, set[Item]], set[str]]:
        """Everything ``items`` need that is not in ``defined`` (``items`` too), each
        mapped to what it needs among them, in the order met; and the external import
        statements met on the way."""
        needs: dict[Item, set[Item]] = {}
        external = {item[1] for item in items if isinstance(item, tuple)}
        pending = [item for item in items if not isinstance(item, tuple)]
        while pending:
            item = pending.pop()
            if item in needs or item in defined:
                continue
            needs[item] = set()
            for dependency in self.uses(item):
                if isinstance(dependency, tuple):
                    external.add(dependency[1])
                elif dependency not in defined and dependency != item:
                    needs[item].add(dependency)
                    pending.append(dependency)
        return needs, external
