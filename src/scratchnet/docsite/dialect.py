"""The pages' Markdown dialect, read once into its constructs for every writer but the
site's (which is Python-Markdown with mkdocs.yml's extensions): the notebook writer
(``jupyter_text``, ``cells``, ``exercise_cells``) and the PDF writer (``pandoc_text``)
each decide only how to write a construct, never how to find one.

A page is a sequence of blocks, each made of whole lines, which joined give the page
back as written (``"".join(b.text for b in read_page(text, where)) == text``):

- ``Fence``: a fenced code block (three or more backticks at the start of a line, closed
  by the same backticks); its ``snippets`` when every line is ``--8<-- "file:section"``
  (the site includes that section of src/scratchnet, with pymdownx.snippets);
- ``Box``: ``!!! kind "Title"`` (an admonition), ``??? kind "Title"`` (a collapsed
  block, pymdownx.details) or ``???+ kind "Title"`` (collapsible, shown open); the title
  is optional (the site then shows the kind, capitalised); the body is the lines indented
  by four spaces after it, read again as a page (so boxes nest: a hint in an exercise),
  and the blank lines after the body belong to the box;
- ``Exercise``: the box ``!!! exercise "Your turn: `name(args)`"``, at the top of a page
  (the notebook makes cells of it);
- ``Figure``: ``<figure>`` ... ``</figure>`` (an HTML block of md_in_html), with its image
  ``![alt](src){ attributes }`` or its ``<video>`` (and the link to its GIF), and its
  ``<figcaption>``;
- ``Prose``: the lines between them, left to the writers as they are.

A construct the site would read differently (an unclosed fence or figure, an exercise box
whose title names no function) is an error naming the page and the line. The numbers
(``{{ source.key }}``) are filled before a page is read (``run_numbers``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from scratchnet.user_errors import InputProblem

FENCE_OPEN = re.compile(r"^(?P<fence>`{3,})(?P<info>[^\n]*)$")
# As admonition and pymdownx.details read a header: the first class is the box's kind.
BOX_HEADER = re.compile(
    r'^(?P<marker>!!!|\?\?\?\+?) ?(?P<classes>[\w-]+(?: +[\w-]+)*)(?: +"(?P<title>.*?)")? *$'
)
EXERCISE_TITLE = re.compile(r"^Your turn: `(?P<name>\w+)\((?P<arguments>[^`]*)\)`$")
FIGURE_OPEN = re.compile(r"^ {0,3}<figure\b")
FIGURE_CLOSE = "</figure>"
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)]*)\)(?:\{[^}]*\})?")
FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(?P<text>.*?)</figcaption>", re.S)
GIF_LINK = re.compile(r"\]\((?P<gif>[^)\s]+\.gif)\)")
SNIPPET = re.compile(r'^--8<-- "(?P<file>[^":]+)(?::(?P<section>[\w-]+))?"$')
TITLE = re.compile(r"^# (?P<title>.+)$", re.M)
INDENT = " " * 4  # a box's body, as Python-Markdown's tab_length


class DialectError(InputProblem, ValueError):
    """A page the dialect cannot read as the site does; the message names page and line,
    ``reason`` says what is wrong."""

    def __init__(self, where: str, line: int, reason: str):
        super().__init__(f"{where}:{line}: {reason}")
        self.reason = reason


@dataclass(frozen=True)
class Prose:
    """Lines of text between constructs, as written (blank lines included)."""

    text: str
    line: int  # of the first line, 1-based in the page


@dataclass(frozen=True)
class Snippet:
    """One ``--8<-- "file:section"`` line of a code block; ``section`` None for a whole
    file."""

    file: str
    section: str | None
    text: str  # the line as written, without its indentation


@dataclass(frozen=True)
class Fence:
    """A fenced code block: ``fence`` (the backticks), ``info`` (what follows them, e.g.
    "python"), ``body`` (the lines between, each with its newline)."""

    text: str
    line: int
    fence: str
    info: str
    body: str

    @property
    def language(self) -> str:
        """The info's first word ("python", "sh"); "" for a bare fence."""
        words = self.info.split()
        return words[0] if words else ""

    @property
    def snippets(self) -> tuple[Snippet, ...] | None:
        """The sections the block includes, if each of its lines includes one."""
        lines = [line.strip() for line in self.body.splitlines()]
        found = [SNIPPET.match(line) for line in lines]
        if not lines or not all(found):
            return None
        return tuple(Snippet(m["file"], m["section"], m[0]) for m in found)


@dataclass(frozen=True)
class Figure:
    """``<figure>`` ... ``</figure>``: ``image`` (its Markdown ``![alt](src){...}``, or
    None), ``alt``, ``caption`` (the ``<figcaption>``'s text as written, or None),
    ``video`` (whether it holds a ``<video>``) and ``gif`` (the video's GIF link)."""

    text: str
    line: int
    image: str | None
    alt: str
    caption: str | None
    video: bool
    gif: str | None


@dataclass(frozen=True)
class Box:
    """An admonition (``marker`` "!!!"), a collapsed block ("???") or an open collapsible
    one ("???+"): its ``kind`` (first class), ``title`` as written (None without one)
    and ``body``, its indented lines read as blocks."""

    text: str
    line: int
    marker: str
    kind: str
    title: str | None
    body: tuple[Block, ...]

    @property
    def collapsible(self) -> bool:
        return self.marker != "!!!"

    @property
    def collapsed(self) -> bool:
        """Closed until the reader opens it (on the site, and in a notebook)."""
        return self.marker == "???"

    @property
    def heading(self) -> str:
        """The title the site shows: the kind, capitalised, when none is written."""
        return self.kind.capitalize() if self.title is None else self.title


@dataclass(frozen=True)
class Exercise(Box):
    """A *Your turn* box: the function ``name(arguments)`` the reader writes."""

    name: str
    arguments: str


Block = Prose | Fence | Figure | Box


def read_page(text: str, where: str) -> list[Block]:
    """The blocks of ``text``, a page (or recipe) named ``where`` in errors."""
    return _read(text.splitlines(keepends=True), 1, where, top=True)


def walk(blocks: Iterable[Block]) -> Iterator[Block]:
    """Every block, each box followed by the blocks of its body, in page order."""
    for block in blocks:
        yield block
        if isinstance(block, Box):
            yield from walk(block.body)


def page_title(text: str) -> str | None:
    """The page's title: its first ``# heading``."""
    title = TITLE.search(text)
    return title["title"] if title else None


def _read(lines: list[str], first: int, where: str, top: bool) -> list[Block]:
    blocks: list[Block] = []
    prose_start = index = 0

    def prose_until(end: int) -> None:
        if end > prose_start:
            blocks.append(Prose("".join(lines[prose_start:end]), first + prose_start))

    while index < len(lines):
        line = lines[index].rstrip("\n")
        at = (where, first + index)
        if fence := FENCE_OPEN.match(line):
            end = _fence_end(lines, index, fence["fence"], at)
            block = _fence(lines, index, end, first, fence)
        elif header := BOX_HEADER.match(line):
            end = _box_end(lines, index)
            block = _box(lines, index, end, first, header, where, top)
        elif FIGURE_OPEN.match(line):
            end = _figure_end(lines, index, at)
            block = _figure("".join(lines[index:end]), first + index)
        else:
            index += 1
            continue
        prose_until(index)
        blocks.append(block)
        index = prose_start = end
    prose_until(len(lines))
    return blocks


def _fence_end(lines: list[str], start: int, fence: str, at: tuple[str, int]) -> int:
    for index in range(start + 1, len(lines)):
        if lines[index].rstrip() == fence:
            return index + 1
    raise DialectError(*at, f"a code block opened with {fence} is never closed")


def _fence(lines: list[str], start: int, end: int, first: int, fence: re.Match) -> Fence:
    body = "".join(lines[start + 1 : end - 1])
    text = "".join(lines[start:end])
    return Fence(text, first + start, fence["fence"], fence["info"], body)


def _box_end(lines: list[str], start: int) -> int:
    """The line after the box: its body is indented, its blank lines are its own."""
    end = start + 1
    while end < len(lines) and (lines[end].startswith(INDENT) or not lines[end].strip()):
        end += 1
    return end


def _box(
    lines: list[str], start: int, end: int, first: int, header: re.Match, where: str, top: bool
) -> Box:
    last = end  # the body ends at its last indented line
    while last > start + 1 and not lines[last - 1].strip():
        last -= 1
    dedented = [line[len(INDENT) :] if line.strip() else "\n" for line in lines[start + 1 : last]]
    body = tuple(_read(dedented, first + start + 1, where, top=False))
    kind, title = header["classes"].split()[0], header["title"]
    fields = dict(
        text="".join(lines[start:end]),
        line=first + start,
        marker=header["marker"],
        kind=kind,
        title=title,
        body=body,
    )
    if kind != "exercise":
        return Box(**fields)
    exercise = EXERCISE_TITLE.match(title or "")
    if header["marker"] != "!!!" or exercise is None:
        raise DialectError(
            where,
            first + start,
            'an exercise box is !!! exercise "Your turn: `name(arguments)`", naming the '
            f"function to write; found {lines[start].strip()}",
        )
    if not top:
        raise DialectError(where, first + start, "an exercise box inside another box")
    return Exercise(**fields, name=exercise["name"], arguments=exercise["arguments"])


def _figure_end(lines: list[str], start: int, at: tuple[str, int]) -> int:
    for index in range(start, len(lines)):
        if FIGURE_CLOSE in lines[index]:
            return index + 1
    raise DialectError(*at, f"a <figure> that is never closed with {FIGURE_CLOSE}")


def _figure(text: str, line: int) -> Figure:
    image, caption, gif = IMAGE.search(text), FIGCAPTION.search(text), GIF_LINK.search(text)
    return Figure(
        text=text,
        line=line,
        image=image[0] if image else None,
        alt=image["alt"] if image else "",
        caption=caption["text"] if caption else None,
        video="<video" in text,
        gif=gif["gif"] if gif else None,
    )
