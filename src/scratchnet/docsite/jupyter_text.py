"""A page's constructs (``dialect``) as the Markdown Jupyter and Colab render.

- prose: headings one level down (the notebook's title is the only top one), links to
  other pages as their text, no attribute lists, a picture outside a figure as its alt
  text (the notebook draws its own pictures);
- a figure: its caption (or its image's alt text) as a quote;
- an admonition (``!!!``): a quote, its title in bold;
- a collapsed block (``???``): ``<details>``, which Jupyter shows closed, with the title
  as its ``<summary>``; open on the site (``???+``), ``<details open>``;
- a fenced block: as it is (the cell writer makes code cells of python ones).

Exercise boxes and python code become cells of their own (``cells``, ``exercise_cells``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from scratchnet.docsite.dialect import IMAGE, Block, Box, Fence, Figure, Prose

PAGE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?![a-z]+://)[^)]*\)")
ATTR_LIST = re.compile(r"\{\s*[:.#][^}]*\}|\{\s*\w+=\"[^\"]*\"\s*\}")
HEADING = re.compile(r"^(#{1,5}) ", re.M)
TAG = re.compile(r"<[^>]+>")
# What the prose's rewriting leaves alone: math (``{:,k}`` is no attribute list), code.
LITERAL = re.compile(r"\$\$.+?\$\$|\$(?:[^$\n]|\n(?![ \t]*\n))+?\$|`[^`\n]+`", re.S)


def jupyter_markdown(blocks: Iterable[Block]) -> str:
    """The blocks as one piece of Jupyter's Markdown (not stripped: pieces join)."""
    return "".join(_block(block) for block in blocks)


def box_body(box: Box) -> str:
    """A box's body as Jupyter's Markdown, without the blank lines around it."""
    return jupyter_markdown(box.body).strip("\n")


def _block(block: Block) -> str:
    if isinstance(block, Prose):
        return _prose(block.text)
    if isinstance(block, Figure):
        return _figure(block)
    if isinstance(block, Box):
        return _details(block) if block.collapsible else _quote(block)
    assert isinstance(block, Fence)
    return block.text


def _prose(text: str) -> str:
    pieces, position = [], 0
    for literal in LITERAL.finditer(text):
        pieces += [_rewrite(text[position : literal.start()]), literal[0]]
        position = literal.end()
    pieces.append(_rewrite(text[position:]))
    return HEADING.sub(lambda m: "#" + m[1] + " ", "".join(pieces))


def _rewrite(text: str) -> str:
    text = IMAGE.sub(lambda m: f"*(Figure on the website: {m['alt']})*", text)
    text = PAGE_LINK.sub(lambda m: m["text"], text)
    return ATTR_LIST.sub("", text)


def _figure(figure: Figure) -> str:
    words = figure.caption if figure.caption is not None else figure.alt
    words = " ".join(TAG.sub("", words).split())  # a video's <a> too
    return _prose(f"> *Figure on the website:* {words}\n")  # a caption is Markdown too


def _quote(box: Box) -> str:
    quoted = "\n".join(f"> {line}" if line else ">" for line in box_body(box).splitlines())
    title = f"> **{box.heading}**\n>\n" if box.heading else ""
    return f"{title}{quoted}\n\n"


def _details(box: Box) -> str:
    opening = "<details>" if box.collapsed else "<details open>"
    return f"{opening}\n<summary>{box.heading}</summary>\n\n{box_body(box)}\n\n</details>\n\n"
