"""A page of the site as pandoc Markdown: MkDocs' own syntax in the forms pandoc reads.

The page arrives with its numbers filled (``run_numbers``). What pandoc would misread is
rewritten here, as text; what is left to decide on paper is the Lua filter's
(``pdf_filter.lua``), which reads the classes and attributes written here:

- ``!!! kind "Title"`` and collapsible ``??? kind "Title"`` (``???+`` open) blocks, their
  body indented by four spaces -> ``::: {.admonition .kind title="Title"}`` divs;
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

from scratchnet.docsite.parts import Part
from scratchnet.user_errors import InputProblem

ADMONITION = re.compile(
    r'^(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*\n'
    r"(?P<body>(?:(?: {4}.*)?\n)*)",
    re.M,
)
FIGURE = re.compile(r"^[ \t]*<figure\b[^>]*>(?P<body>.*?)</figure>[ \t]*$", re.M | re.S)
FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(?P<text>.*?)</figcaption>", re.S)
IMAGE = re.compile(r"!\[[^\]]*\]\([^)\s]+\)(?:\{[^}]*\})?")
GIF_LINK = re.compile(r"\]\((?P<gif>[^)\s]+\.gif)\)")
FENCE = re.compile(
    r"^(?P<fence>```+)(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S
)
SNIPPET = re.compile(r'^--8<-- "(?P<file>[^":]+)(?::(?P<section>[\w-]+))?"$')
TITLE = re.compile(r"^# (?P<title>.+)$", re.M)
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
    pieces, position = [], 0
    for fence in FENCE.finditer(text):  # prose and code apart: a fence may hold "!!!"
        pieces.append(_prose(text[position : fence.start()], page))
        pieces.append(_code(fence, page, include_code, package))
        position = fence.end()
    pieces.append(_prose(text[position:], page))
    return "".join(pieces)


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


def _prose(text: str, page: str) -> str:
    text = FIGURE.sub(lambda match: _figure(match, page), text)
    return _admonitions(text)


def _admonitions(text: str) -> str:
    def div(match: re.Match) -> str:
        body = textwrap.dedent(match["body"]).strip("\n")
        attributes = [".admonition", f".{match['kind']}"]
        if match["title"] is not None:
            attributes.append(f'title="{match["title"]}"')
        if match["marker"] == "???":
            attributes.append('collapsed="true"')
        inner = _admonitions(body + "\n").strip("\n")  # boxes in boxes (a hint)
        return f"::: {{{' '.join(attributes)}}}\n{inner}\n:::\n\n"

    return ADMONITION.sub(div, text)


def _figure(match: re.Match, page: str) -> str:
    body = match["body"]
    caption = FIGCAPTION.search(body)
    caption_text = textwrap.dedent(caption["text"]).strip() if caption else ""
    caption_text = "\n".join(line.strip() for line in caption_text.splitlines())
    caption_div = f"::: caption\n{caption_text}\n:::\n" if caption_text else ""
    if "<video" in body:
        gif = GIF_LINK.search(body)
        if gif is None:
            raise PageError(f"{page}: a <video> figure without a link to its GIF")
        return f'::: {{.animation gif="{gif["gif"]}"}}\n{caption_div}:::\n'
    image = IMAGE.search(body)
    if image is None:
        raise PageError(f"{page}: a <figure> without an image ![...](...)")
    return f"::: figure\n{image[0]}\n\n{caption_div}:::\n"


def _code(fence: re.Match, page: str, include_code, package: str) -> str:
    lines = fence["body"].rstrip("\n").splitlines()
    snippets = [SNIPPET.match(line.strip()) for line in lines]
    if not lines or not all(snippets):
        return fence[0]
    try:
        code = include_code(lines)
    except Exception as problem:  # the extension's own error, e.g. SnippetMissingError
        raise PageError(f"{page}: {lines[0].strip()}: {problem}") from None
    files = ", ".join(dict.fromkeys(f"{package}/{s['file']}" for s in snippets))
    language = fence["info"].strip().split()[0] if fence["info"].strip() else "text"
    body = "\n".join(code).strip("\n")
    return f'{fence["fence"]}{{.{language} file="{files}"}}\n{body}\n{fence["fence"]}'
