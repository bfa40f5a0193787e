"""Fill the numbers a page quotes from the pipeline's results, so text and figures agree.

A page writes ``{{ metrics.final_loss:.3f }}``: a source (``metrics`` for
results/metrics.json, ``config`` for results/config.json), a dotted key into that JSON,
and an optional Python format spec after ``:``. A missing value, a malformed quote or
one naming a whole table is an error naming the page (and the keys that exist); ``null``
(e.g. accuracy never reached 100%) reads "n/a". Pages cannot contain a literal ``{{``.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

PLACEHOLDER = re.compile(
    r"\{\{\s*(?P<source>[A-Za-z_]\w*)\.(?P<key>[\w.]+?)\s*(?::(?P<spec>[^}]*?))?\s*\}\}"
)
MISSING_VALUE_TEXT = "n/a"


class QuoteError(ValueError):
    """A page quotes a value the pipeline's results do not have."""


def fill_numbers(text: str, sources: Mapping[str, Mapping[str, Any]], where: str) -> str:
    """``text`` with every ``{{ source.key:spec }}`` replaced by its formatted value.

    ``sources`` maps a source name to its parsed JSON; ``where`` (a page's path) starts
    every error message.
    """

    def quote(match: re.Match) -> str:
        source, key, spec = match["source"], match["key"], match["spec"] or ""
        if source not in sources:
            raise QuoteError(
                f"{where}: {match[0]} names the source {source!r}; "
                f"expected one of {', '.join(sorted(sources))}"
            )
        value = _lookup(sources[source], key, f"{where}: {match[0]}")
        if value is None:
            return MISSING_VALUE_TEXT
        if isinstance(value, (Mapping, list)):
            raise QuoteError(f"{where}: {match[0]} is not a single value: {value!r}")
        try:
            return format(value, spec)
        except (TypeError, ValueError) as problem:
            raise QuoteError(
                f"{where}: {match[0]}: cannot format {value!r} with {spec!r} ({problem})"
            ) from None

    filled = PLACEHOLDER.sub(quote, text)
    if "{{" in filled:
        leftover = filled[filled.index("{{") :].split("}}")[0] + "}}"
        raise QuoteError(
            f"{where}: {leftover!r} is not a quote; expected {{{{ source.key }}}} or "
            "{{ source.key:format }} with a source of " + ", ".join(sorted(sources))
        )
    return filled


def _lookup(tree: Mapping[str, Any], dotted_key: str, context: str) -> Any:
    value: Any = tree
    for part in dotted_key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            known = ", ".join(sorted(value)) if isinstance(value, Mapping) else "none"
            raise QuoteError(f"{context}: no value {part!r}; the keys there are: {known}")
        value = value[part]
    return value
