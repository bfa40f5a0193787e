"""An order in which the package's definitions run: each after what it uses, one
module's definitions together where that allows, and the same order from the same
sources, through a cycle too.

A cycle (functions that call each other, possibly across modules) is no error: a
function's body runs only when called, so any order of the cycle defines them all.
But what uses a member of a cycle may call it at once (``TABLE = [is_even(n) ...]``,
with ``is_even`` calling ``is_odd``), so it waits for the whole cycle. When nothing is
ready, a cycle whose needs outside it are all placed starts with its first member (by
the modules' order of first need, then source order).
"""

from __future__ import annotations

from collections.abc import Hashable

from scratchnet.docsite.definitions import Namespace


def run_order(needs: dict, skip: set | None = None) -> list:
    """``needs``' keys (definitions and namespaces, each mapped to the keys it uses) in
    an order that runs; those in ``skip`` are placed but left out of the result."""
    cycle = _cycles(needs)
    order, done, previous = [], set(), None

    def outside_met(members) -> bool:  # every cycle they use, but their own, all placed
        own = cycle[next(iter(members))]
        return all(cycle[need] <= done for m in members for need in needs[m] if need not in own)

    modules = list(dict.fromkeys(module_of(item) for item in needs))
    while len(done) < len(needs):
        left = [item for item in needs if item not in done]
        ready = [item for item in left if needs[item] <= done and outside_met([item])]
        # None: start a cycle whose members' needs outside it are all placed.
        ready = ready or [i for i in left if len(cycle[i]) > 1 and outside_met(cycle[i])]
        same = [item for item in ready if module_of(item) == previous]
        item = min(same or ready, key=lambda i: (modules.index(module_of(i)), _line(i)))
        done.add(item)
        previous = module_of(item)
        if not (skip and item in skip):
            order.append(item)
    return order


def _cycles(needs: dict) -> dict:
    """Each item's cycle: itself, and the items it needs (through others) that need it in
    turn; just itself when it is on no cycle."""
    reach = {}
    for start in needs:
        seen, pending = set(), list(needs[start])
        while pending:
            item = pending.pop()
            if item not in seen:
                seen.add(item)
                pending += needs[item]
        reach[start] = seen
    return {item: {o for o in reach[item] if item in reach[o]} | {item} for item in needs}


def module_of(item: Hashable) -> str:
    """The module a definition comes from, or a namespace stands for."""
    return item.target if isinstance(item, Namespace) else item.module


def _line(item: Hashable) -> int:
    return 0 if isinstance(item, Namespace) else item.line
