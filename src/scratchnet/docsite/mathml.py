"""Typeset the page's math at build time, as MathML that browsers render without scripts.

``pymdownx.arithmatex`` (generic mode) protects TeX from Markdown and leaves it in
``<span class="arithmatex">\\(...\\)</span>`` (inline) or
``<div class="arithmatex">\\[...\\]</div>`` (display); this module swaps each for the
``<math>`` element latex2mathml makes. Nothing is fetched when the page is viewed.

A Python-Markdown extension (``scratchnet.docsite.mathml`` under ``markdown_extensions``
in mkdocs.yml, after ``pymdownx.arithmatex``): it typesets the finished HTML of a page.
The notebook writer leaves the TeX as it is, for Jupyter to render.
"""

from __future__ import annotations

import html
import re

from latex2mathml.converter import convert
from markdown import Extension
from markdown.postprocessors import Postprocessor

from ..user_errors import InputProblem

ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?P<tex>.*?)</(?P=tag)>', flags=re.DOTALL
)
DELIMITERS = {"span": (r"\(", r"\)"), "div": (r"\[", r"\]")}
# latex2mathml passes a command it does not know through as text, e.g. <mi>\foo</mi>.
UNKNOWN_COMMAND = re.compile(r">(\\[A-Za-z]+)<")
# $...$ that arithmatex never saw (e.g. inside raw HTML without markdown="span"), outside
# code: it would reach the reader as raw TeX.
CODE = re.compile(r"<(pre|code)\b.*?</\1>", flags=re.DOTALL)
# Display math: $$...$$ over any lines; inline: $x$ on one line, the $ signs touching
# the TeX and the closing one not followed by a digit (so "costs $5 or $6" is no math).
UNTYPESET = re.compile(r"\$\$.+?\$\$|\$(?=\S)[^$\n<>]*?(?<=\S)\$(?!\d)", flags=re.DOTALL)


class MathError(InputProblem, ValueError):
    """TeX that cannot be typeset; the message names the page and the TeX."""


def typeset_math(page_html: str, where: str | None = None) -> str:
    """``page_html`` with every arithmatex element replaced by MathML.

    Display math is wrapped in ``<div class="math-display">`` so wide equations scroll
    instead of overflowing the page. ``where`` (the page) starts every error message;
    MkDocs names the page itself, so the extension passes None.
    """
    at = f"{where}: " if where else ""

    def typeset(match: re.Match) -> str:
        tag = match["tag"]
        tex = _strip_delimiters(html.unescape(match["tex"]).strip(), *DELIMITERS[tag])
        display = "block" if tag == "div" else "inline"
        try:
            mathml = convert(tex, display=display)
        except Exception as problem:  # latex2mathml raises many types for bad TeX
            raise MathError(f"{at}cannot typeset {tex!r} ({problem!r})") from None
        unknown = UNKNOWN_COMMAND.search(mathml)
        if unknown:
            raise MathError(f"{at}unknown TeX command {unknown[1]} in {tex!r}")
        return f'<div class="math-display">{mathml}</div>' if tag == "div" else mathml

    typeset_html = ARITHMATEX.sub(typeset, page_html)
    untypeset = UNTYPESET.search(CODE.sub("", typeset_html))
    if untypeset:
        raise MathError(
            f"{at}{untypeset[0]!r} was not typeset; math inside raw HTML needs "
            'markdown="span" on its element'
        )
    return typeset_html


class MathML(Extension):
    """Typeset the page's math as MathML once its HTML is complete: after the raw HTML
    (where arithmatex stashes its elements) is put back."""

    def extendMarkdown(self, md) -> None:
        md.postprocessors.register(_Typeset(md), "scratchnet_mathml", 1)


class _Typeset(Postprocessor):
    def run(self, text: str) -> str:
        return typeset_math(text)


def makeExtension(**kwargs) -> MathML:  # noqa: N802 (the name Python-Markdown looks up)
    return MathML(**kwargs)


def _strip_delimiters(tex: str, opening: str, closing: str) -> str:
    if tex.startswith(opening) and tex.endswith(closing):
        return tex[len(opening) : -len(closing)].strip()
    return tex
