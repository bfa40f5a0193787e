"""An order in which the package's definitions run: each after what it uses, one
module's definitions together where that allows, and the same order from the same
sources."""

from __future__ import annotations

from collections.abc import Hashable

from scratchnet.docsite.definitions import Namespace


def run_order(needs: dict, skip: set | None = None) -> list:
    """``needs``' keys (definitions and namespaces, each mapped to the keys it uses) in
    an order that runs; those in ``skip`` are placed but left out of the result."""
    order, done, previous = [], set(), None
    modules = list(dict.fromkeys(module_of(item) for item in needs))
    while len(done) < len(needs):
        left = [item for item in needs if item not in done]
        ready = [item for item in left if needs[item] <= done] or left  # a cycle: any
        same = [item for item in ready if module_of(item) == previous]
        item = min(same or ready, key=lambda i: (modules.index(module_of(i)), _line(i)))
        done.add(item)
        previous = module_of(item)
        if not (skip and item in skip):
            order.append(item)
    return order


def module_of(item: Hashable) -> str:
    """The module a definition comes from, or a namespace stands for."""
    return item.target if isinstance(item, Namespace) else item.module


def _line(item: Hashable) -> int:
    return 0 if isinstance(item, Namespace) else item.line
