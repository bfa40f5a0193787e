"""A page of the site as pandoc Markdown: MkDocs' own syntax in the forms pandoc reads.

The page arrives with its numbers filled (``run_numbers``) and is read into its
constructs by ``dialect``; each is written here in a form pandoc reads, as text; what is
left to decide on paper is the Lua filter's (``pdf_filter.lua``), which reads the classes
and attributes written here:

- a box, ``!!! kind "Title"``, collapsed ``??? kind "Title"`` or open ``???+`` ->
  ``::: {.admonition .kind title="Title"}`` (with ``collapsed="true"`` for ``???``), its
  body written the same way inside (a hint in an exercise is a div in a div);
- ``<figure>`` with an image (``![alt](src){ width="700" }``) and a ``<figcaption>`` ->
  ``::: figure`` with the image and a ``::: caption``; with a ``<video>`` -> ``::: animation``
  naming its GIF (the filter puts the animation's strip of frames there);
- a code block of ``--8<-- "file:section"`` lines -> the code those lines include, by the
  site's own extension (pymdownx.snippets, with mkdocs.yml's settings), marked with the
  file it comes from; a missing file or section fails naming the page;
- a page that runs in the browser (docs/explore/) -> its title, its first paragraph and
  a sentence saying where it runs.
"""

from __future__ import annotations

import re
import textwrap

from scratchnet.docsite.dialect import TITLE, Block, Box, Fence, Figure, read_page
from scratchnet.docsite.parts import Part
from scratchnet.user_errors import InputProblem

PARAGRAPH = re.compile(r"^(?![#<\-*>|`!?\s]).+(?:\n(?!\s*\n).+)*", re.M)


class PageError(InputProblem, ValueError):
    """A page that cannot go on paper; the message names the page and why."""


def pandoc_page(text: str, page: str, include_code, package: str) -> str:
    """The page ``page`` (its path under docs/, e.g. "digits/training.md") of Markdown
    ``text`` as pandoc Markdown. ``include_code(lines) -> lines`` resolves
    ``--8<--`` lines as the site does; ``package`` is the folder they are relative to,
    as the reader sees it (src/scratchnet)."""
    if Part.runs_in_browser(page):
        return browser_page(text, page)
    return _blocks(read_page(text, page), page, include_code, package)


def browser_page(text: str, page: str) -> str:
    """A page that runs in the browser: its title, first paragraph, and where it runs
    (a div the filter completes with the site's address)."""
    title = TITLE.search(text)
    if title is None:
        raise PageError(f"{page}: no title (a first line '# ...')")
    first = PARAGRAPH.search(text, title.end())
    lines = [f"# {title['title']}", ""]
    if first:
        lines += [first[0], ""]
    lines += ["::: browser", ":::", ""]  # the filter writes where it runs
    return "\n".join(lines)


def _blocks(blocks, page: str, include_code, package: str) -> str:
    return "".join(_block(block, page, include_code, package) for block in blocks)


def _block(block: Block, page: str, include_code, package: str) -> str:
    if isinstance(block, Box):
        return _admonition(block, page, include_code, package)
    if isinstance(block, Figure):
        return _figure(block, page)
    if isinstance(block, Fence):
        return _code(block, page, include_code, package)
    return block.text


def _admonition(box: Box, page: str, include_code, package: str) -> str:
    attributes = [".admonition", f".{box.kind}"]
    if box.title is not None:
        attributes.append(f'title="{box.title}"')
    if box.collapsed:
        attributes.append('collapsed="true"')
    inner = _blocks(box.body, page, include_code, package).strip("\n")
    return f"::: {{{' '.join(attributes)}}}\n{inner}\n:::\n\n"


def _figure(figure: Figure, page: str) -> str:
    caption_text = textwrap.dedent(figure.caption).strip() if figure.caption else ""
    caption_text = "\n".join(line.strip() for line in caption_text.splitlines())
    caption_div = f"::: caption\n{caption_text}\n:::\n" if caption_text else ""
    if figure.video:
        if figure.gif is None:
            raise PageError(f"{page}:{figure.line}: a <video> figure without a link to its GIF")
        return f'::: {{.animation gif="{figure.gif}"}}\n{caption_div}:::\n\n'
    if figure.image is None:
        raise PageError(f"{page}:{figure.line}: a <figure> without an image ![...](...)")
    return f"::: figure\n{figure.image}\n\n{caption_div}:::\n\n"


def _code(fence: Fence, page: str, include_code, package: str) -> str:
    snippets = fence.snippets
    if snippets is None:
        return fence.text
    try:
        code = include_code(fence.body.rstrip("\n").splitlines())
    except Exception as problem:  # the extension's own error, e.g. SnippetMissingError
        raise PageError(f"{page}: {snippets[0].text}: {problem}") from None
    files = ", ".join(dict.fromkeys(f"{package}/{s.file}" for s in snippets))
    body = "\n".join(code).strip("\n")
    language = fence.language or "text"
    return f'{fence.fence}{{.{language} file="{files}"}}\n{body}\n{fence.fence}\n'
