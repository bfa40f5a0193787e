"""Fill the numbers a page quotes from the pipeline's results, so text and figures agree.

Used by the site (``scratchnet.docsite.run_numbers`` under ``markdown_extensions`` in
mkdocs.yml, a Python-Markdown extension) and by the notebook and PDF writers, which call
``fill_numbers`` on the same pages (``Part.page_text``): one implementation for all three.

A page writes ``{{ metrics.final_loss:.3f }}``: a source (``metrics`` for
results/metrics.json, ``config`` for results/config.json), a dotted key into that JSON,
and an optional Python format spec after ``:``. A missing value, a malformed quote or
one naming a whole table is an error naming the page (and the keys that exist); ``null``
(e.g. accuracy never reached 100%) reads "n/a". Pages cannot contain a literal ``{{``.

Text true of one run only is kept or dropped by a value of the run, true or false::

    {{ if metrics.data.tutorial }}
    Text true only of the tutorial's own data.
    {{ else }}
    Text for a reader's own data.
    {{ end }}

The condition is looked up as a quote is, and must be a JSON boolean; ``{{ else }}`` is
optional. A marker alone on its line takes its line with it, and a block that leaves
nothing between two blank lines takes one of them too, so the Markdown around it reads
as if the block had never been there; a marker within a line is replaced in place.
Blocks do not nest. Quotes in the branch not taken are never looked up (they may name
values only the other kind of run has). Any of this malformed is an error naming the
page and line.
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
# {{ if source.key }}, {{ else }}, {{ end }}: what follows the word is checked apart.
MARKER = re.compile(r"\{\{\s*(?P<word>if|else|end)(?=[\s}])(?P<rest>[^}]*)\}\}")
CONDITION = re.compile(r"(?P<source>[A-Za-z_]\w*)\.(?P<key>[\w.]+)")
# Text whose last line is blank (nothing but spaces), and blank lines in a row.
BLANK_LINE_END = re.compile(r"(?:^|\n)[ \t]*\n\Z")
BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")
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
    """``text`` with each ``{{ if }}`` block replaced by the branch its condition picks,
    then every ``{{ source.key:spec }}`` by its formatted value.

    ``sources`` maps a source name to its parsed JSON; ``where`` (a page's path) starts
    every error message. MkDocs names the page itself, so the extension passes None.
    """
    at = f"{where}: " if where else ""

    def quote(match: re.Match) -> str:
        spec = match["spec"] or ""
        value = _value(sources, match["source"], match["key"], f"{at}{match[0]}")
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

    filled = PLACEHOLDER.sub(quote, choose_branches(text, sources, where))
    if "{{" in filled:
        leftover = filled[filled.index("{{") :].split("}}")[0] + "}}"
        raise QuoteError(
            f"{at}{leftover!r} is not a quote; expected {{{{ source.key }}}} or "
            "{{ source.key:format }} with a source of " + ", ".join(sorted(sources))
        )
    return filled


def choose_branches(
    text: str, sources: Mapping[str, Mapping[str, Any]], where: str | None = None
) -> str:
    """``text`` with each ``{{ if source.key }}`` ... ``{{ else }}`` ... ``{{ end }}``
    replaced by the branch the value picks (see the module's docstring), its quotes left
    as they are; ``where`` (a page's path) starts every error message."""
    at = f"{where}: " if where else ""
    cuts: list[tuple[int, int]] = []  # the spans that go: markers, branches not taken
    opened: tuple[re.Match, bool, re.Match | None] | None = None  # the if, its value, else
    for marker in MARKER.finditer(text):
        word, line = marker["word"], _line_of(text, marker)
        if word != "if" and marker["rest"].strip():
            raise QuoteError(f"{at}{marker[0]} on line {line}: expected {{{{ {word} }}}}")
        if word == "if":
            if opened is not None:
                raise QuoteError(
                    f"{at}{marker[0]} on line {line} is inside the {opened[0][0]} of line "
                    f"{_line_of(text, opened[0])}; conditions do not nest"
                )
            opened = (marker, _condition(marker, sources, f"{at}{marker[0]} on line {line}"), None)
            continue
        if opened is None:
            raise QuoteError(f"{at}{marker[0]} on line {line} has no {{{{ if ... }}}} before it")
        start, value, otherwise = opened
        if word == "else":
            if otherwise is not None:
                raise QuoteError(
                    f"{at}a second {marker[0]} on line {line}, for the {start[0]} of line "
                    f"{_line_of(text, start)}"
                )
            opened = (start, value, marker)
            continue
        cuts += _cuts(text, start, otherwise, marker, value)
        opened = None
    if opened is not None:
        raise QuoteError(
            f"{at}{opened[0][0]} on line {_line_of(text, opened[0])} has no {{{{ end }}}}"
        )
    return _without(text, cuts)


def _condition(marker: re.Match, sources: Mapping[str, Any], context: str) -> bool:
    condition = CONDITION.fullmatch(marker["rest"].strip())
    if condition is None:
        raise QuoteError(
            f"{context}: expected {{{{ if source.key }}}}, a true or false value of one of "
            + ", ".join(sorted(sources))
        )
    value = _value(sources, condition["source"], condition["key"], context)
    if not isinstance(value, bool):
        raise QuoteError(f"{context}: a condition is true or false; this one is {value!r}")
    return value


def _cuts(
    text: str, start: re.Match, otherwise: re.Match | None, end: re.Match, value: bool
) -> list[tuple[int, int]]:
    """The spans one block's markers and the branch not taken take from ``text``."""
    (if_from, if_to), (end_from, end_to) = _extent(text, start), _extent(text, end)
    if otherwise is None:
        return [(if_from, if_to), (end_from, end_to)] if value else [(if_from, end_to)]
    else_from, else_to = _extent(text, otherwise)
    if value:
        return [(if_from, if_to), (else_from, end_to)]
    return [(if_from, else_to), (end_from, end_to)]


def _extent(text: str, marker: re.Match) -> tuple[int, int]:
    """A marker's span: its whole line (with the line's end) if it stands alone there."""
    line_start = text.rfind("\n", 0, marker.start()) + 1
    line_end = text.find("\n", marker.end())
    line_end = len(text) if line_end == -1 else line_end + 1
    alone = (
        not text[line_start : marker.start()].strip() and not text[marker.end() : line_end].strip()
    )
    return (line_start, line_end) if alone else (marker.start(), marker.end())


def _without(text: str, cut: list[tuple[int, int]]) -> str:
    """``text`` less the spans ``cut`` (in order). Where whole lines went from after a
    blank line (or the start), the blank lines that follow go too: the block leaves no
    doubled blank line, and never splits a paragraph or list it stood in."""
    merged: list[tuple[int, int]] = []
    for start, end in cut:
        if merged and start <= merged[-1][1]:  # adjacent spans are one cut
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    kept, position = "", 0
    for start, end in merged:
        kept += text[position:start]
        position = end
        lines = (start == 0 or text[start - 1] == "\n") and text[end - 1] == "\n"
        if lines and (not kept or BLANK_LINE_END.search(kept)):
            blank = BLANK_LINES.match(text, position)
            position = blank.end() if blank else position
    return kept + text[position:]


def _line_of(text: str, match: re.Match) -> int:
    return text.count("\n", 0, match.start()) + 1


def _value(sources: Mapping[str, Any], source: str, key: str, context: str) -> Any:
    """The value ``source.key`` names; an unknown source or key is a QuoteError."""
    if source not in sources:
        raise QuoteError(
            f"{context} names the source {source!r}; expected one of {', '.join(sorted(sources))}"
        )
    return _lookup(sources[source], key, context)


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
    keep the branches every page's conditions pick and fill its quotes, before any other
    step of Python-Markdown sees the text."""

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
