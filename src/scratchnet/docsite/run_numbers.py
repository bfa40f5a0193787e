"""Fill the numbers a page quotes from the pipeline's results, so text and figures agree.

Used by the site (``scratchnet.docsite.run_numbers`` under ``markdown_extensions`` in
mkdocs.yml, a Python-Markdown extension) and by the notebook writer, which calls
``fill_numbers`` on the same pages.

A page writes ``{{ metrics.final_loss:.3f }}``: a source (``metrics`` for
results/metrics.json, ``config`` for results/config.json), a dotted key into that JSON,
and an optional Python format spec after ``:``. A missing value, a malformed quote or
one naming a whole table is an error naming the page (and the keys that exist); ``null``
(e.g. accuracy never reached 100%) reads "n/a". Pages cannot contain a literal ``{{``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Mapping

from markdown import Extension
from markdown.preprocessors import Preprocessor

from ..user_errors import InputProblem

PLACEHOLDER = re.compile(
    r"\{\{\s*(?P<source>[A-Za-z_]\w*)\.(?P<key>[\w.]+?)\s*(?::(?P<spec>[^}]*?))?\s*\}\}"
)
MISSING_VALUE_TEXT = "n/a"
BUILD_HINT = (
    "build the pipeline's outputs first with `snakemake -j4 all docs`, and build the site "
    "from the directory snakemake built in"
)
# Before pymdownx.snippets (32): the included source code is shown as it is, never filled.
PRIORITY = 40


class QuoteError(InputProblem, ValueError):
    """A page quotes a value the pipeline's results do not have."""


def load_sources(paths: Mapping[str, str | Path]) -> dict[str, Any]:
    """Source name -> parsed JSON of the file ``paths`` names (relative to the current
    directory); a missing or broken file is a ``QuoteError`` naming it."""
    sources = {}
    for name, path in paths.items():
        try:
            sources[name] = json.loads(Path(path).read_text())
        except FileNotFoundError:
            raise QuoteError(f"{path}: not found; {BUILD_HINT}") from None
        except json.JSONDecodeError as problem:
            raise QuoteError(f"{path}: not valid JSON ({problem}); {BUILD_HINT}") from None
    if not sources:
        raise QuoteError("no sources to quote from: name the pipeline's JSON files")
    return sources


def fill_numbers(
    text: str, sources: Mapping[str, Mapping[str, Any]], where: str | None = None
) -> str:
    """``text`` with every ``{{ source.key:spec }}`` replaced by its formatted value.

    ``sources`` maps a source name to its parsed JSON; ``where`` (a page's path) starts
    every error message. MkDocs names the page itself, so the extension passes None.
    """
    at = f"{where}: " if where else ""

    def quote(match: re.Match) -> str:
        source, key, spec = match["source"], match["key"], match["spec"] or ""
        if source not in sources:
            raise QuoteError(
                f"{at}{match[0]} names the source {source!r}; "
                f"expected one of {', '.join(sorted(sources))}"
            )
        value = _lookup(sources[source], key, f"{at}{match[0]}")
        if value is None:
            return MISSING_VALUE_TEXT
        if isinstance(value, (Mapping, list)):
            raise QuoteError(f"{at}{match[0]} is not a single value: {value!r}")
        try:
            return format(value, spec)
        except (TypeError, ValueError) as problem:
            raise QuoteError(
                f"{at}{match[0]}: cannot format {value!r} with {spec!r} ({problem})"
            ) from None

    filled = PLACEHOLDER.sub(quote, text)
    if "{{" in filled:
        leftover = filled[filled.index("{{") :].split("}}")[0] + "}}"
        raise QuoteError(
            f"{at}{leftover!r} is not a quote; expected {{{{ source.key }}}} or "
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


class QuoteNumbers(Extension):
    """``markdown_extensions: [scratchnet.docsite.run_numbers: {sources: {name: file.json}}]``:
    fill every page's quotes before any other step of Python-Markdown sees the text."""

    def __init__(self, **kwargs):
        self.config = {"sources": [{}, "source name -> the pipeline's JSON file it quotes"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        sources = load_sources(self.getConfig("sources"))
        md.preprocessors.register(_FillNumbers(md, sources), "scratchnet_quoting", PRIORITY)


class _FillNumbers(Preprocessor):
    def __init__(self, md, sources):
        super().__init__(md)
        self.sources = sources

    def run(self, lines: list[str]) -> list[str]:
        return fill_numbers("\n".join(lines), self.sources).split("\n")


def makeExtension(**kwargs) -> QuoteNumbers:  # noqa: N802 (the name Python-Markdown looks up)
    return QuoteNumbers(**kwargs)
