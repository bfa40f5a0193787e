"""Markdown as notebook cells: a page's prose made fit for Jupyter (headings one level
down, figures as their captions, admonitions as quotes), its "Your turn" boxes as
exercises (``exercise_cells``), its python fences as the package's code, and a recipe's
fences as its own cells, each cell with an id that is the same from the same sources
(the page's name and the cell's position in it).

The notebook has one namespace, so an exercise's cell, which defines the function under
the tutorial's name, must come before the tutorial's own definition of it: the page
shows that after the box, as the solution, and the cells below run the tutorial's
version. A page whose box is not followed by its solution fails the build. The checker
(the package's ``exercises`` modules, with what they need) is written once, before the
first exercise, in cells shown collapsed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

import nbformat

from scratchnet.docsite import exercise_cells
from scratchnet.docsite.definitions import SNIPPET, CodeError, Definition
from scratchnet.docsite.linker import PackageSource, names_used
from scratchnet.docsite.recipe import Recipe
from scratchnet.user_errors import InputProblem

FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
FIGURE = re.compile(r"<figure\b[^>]*>(?P<body>.*?)</figure>", re.S)
FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(?P<text>.*?)</figcaption>", re.S)
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\([^)]*\)(\{[^}]*\})?")
PAGE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?![a-z]+://)[^)]*\)")
ATTR_LIST = re.compile(r"\{\s*[:.#][^}]*\}|\{\s*\w+=\"[^\"]*\"\s*\}")
ADMONITION = re.compile(
    r'^!!! (?P<kind>\w+)(?: "(?P<title>[^"]*)")?\n(?P<body>(?:    .*\n|\n)*)', re.M
)
HEADING = re.compile(r"^(#{1,5}) ", re.M)
COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
TITLE = re.compile(r"^# (?P<title>.+)$", re.M)


CHECKER_TEXT = """**The exercises' checker.** The collapsed cells below are the package's own code
(`src/scratchnet/exercises/`, with the tutorial's functions it compares against): open
them to see how your functions are judged. Each exercise's cell defines a function under
the tutorial's name; the tutorial's own code after its check defines the name again, so
the cells further down always run the tutorial's version. Every function of yours that
passes its check is kept in `yours`, under its name."""


class CellError(InputProblem, ValueError):
    """A page or recipe cell that cannot become cells; the message names it and why."""


class CellWriter:
    """Appends a notebook's cells, page by page, with ids stable across builds; the
    package's definitions a cell needs go in cells of their own right before it."""

    def __init__(self, source: PackageSource, recipe: Recipe):
        self.source, self.recipe = source, recipe
        self.cells: list[nbformat.NotebookNode] = []
        self.assigned: set[str] = set()  # the recipe's own variables so far
        self._counts: dict[str, int] = {}
        self._checker_written = False

    def _id(self, where: str) -> str:
        slug = re.sub(r"[^A-Za-z0-9]+", "-", where).strip("-")
        self._counts[slug] = self._counts.get(slug, 0) + 1
        return f"{slug}-{self._counts[slug]}"

    def markdown(self, where: str, text: str) -> None:
        """A recipe's text: Markdown cells (its comments dropped) and code cells."""
        for kind, body in blocks(COMMENT.sub("", text)):
            if kind == "markdown":
                self.cells.append(nbformat.v4.new_markdown_cell(body, id=self._id(where)))
            else:
                self.code(where, body)

    def code(self, where: str, text: str) -> None:
        """A recipe's own code cell, after the package's definitions it uses."""
        try:
            read, assigned = names_used(text)
        except SyntaxError as problem:
            place = (
                f"after {where.removeprefix('after-')}" if where != "opening" else "in the opening"
            )
            raise CellError(
                f"{self.recipe.file}: a cell {place} is not Python ({problem})"
            ) from None
        fresh = [name for name in read if name not in self.assigned]
        for module, definitions in self.source.cells_for_names(fresh, self.recipe.modules):
            self._package_cell(where, module, definitions)
        self.assigned |= assigned
        self.cells.append(nbformat.v4.new_code_cell(text, id=self._id(where)))

    def page(self, page: str, text: str) -> None:
        """A page's text, exercises and code; a section the source lacks, or an exercise
        of a tutorial function whose solution does not follow it, fails naming the page."""
        unsolved: dict[str, str] = {}  # exercise -> the module whose definition must follow
        for kind, body in blocks(text):
            if kind == "markdown":
                for what, content in exercise_cells.split_exercises(body):
                    if what == "exercise":
                        unsolved.update(self.exercise(page, content))
                        continue
                    prose = for_jupyter(content)
                    if prose:
                        self.cells.append(nbformat.v4.new_markdown_cell(prose, id=self._id(page)))
                continue
            lines = [line.strip() for line in body.strip().splitlines()]
            snippets = [SNIPPET.match(line) for line in lines]
            if not all(snippets):
                raise CellError(
                    f"{page}: a python block that is not only --8<-- lines; pages show the "
                    "package's code, included by section"
                )
            for snippet in snippets:
                try:
                    cells = self.source.section_cells(snippet["file"], snippet["section"])
                except (CodeError, SyntaxError) as problem:
                    raise CellError(f"{page}: {snippet[0]}: {problem}") from None
                for module, definitions in cells:
                    self._package_cell(page, module, definitions)
                    for name in names_used(definitions)[1]:
                        unsolved.pop(name, None)
        if unsolved:
            name, module = next(iter(unsolved.items()))
            raise CellError(
                f"{page}: the exercise {name} has no solution after its box; show the "
                f"section of {module} that defines it, so the cells below run the tutorial's"
            )

    def exercise(self, page: str, box) -> dict[str, str]:
        """A Your turn box: its text, the function's cell to complete, the check's cell.
        Returns ``{name: module}`` if the tutorial's code defines the name (and so must
        define it again after the box), else nothing."""
        name = box["name"]
        definition = self._definition(page, name)
        if not self._checker_written:
            self._checker(page)
        self.cells.append(
            nbformat.v4.new_markdown_cell(exercise_cells.exercise_markdown(box), id=self._id(page))
        )
        lines = self.source.module(definition.module).lines
        for tag, text in (
            (exercise_cells.EXERCISE_TAG, exercise_cells.stub(lines, definition.node)),
            (exercise_cells.CHECK_TAG, f"check({name})"),
        ):
            metadata = {"tags": [tag], "exercise": name}
            self.cells.append(nbformat.v4.new_code_cell(text, id=self._id(page), metadata=metadata))
        tutorials = not definition.module.startswith("exercises/")
        return {name: definition.module} if tutorials else {}

    def _definition(self, page: str, name: str) -> Definition:
        """The reference of the exercise ``name``: the function the recipe's modules give
        that name (the tutorial's own, or the exercises module's for part two's)."""
        for relative in self.recipe.modules:
            found = self.source.graph.resolve(self.source.module(relative), name)
            if isinstance(found, Definition) and isinstance(found.node, ast.FunctionDef):
                return found
        raise CellError(
            f"{page}: the exercise {name} is no function of the recipe's modules "
            f"({', '.join(self.recipe.modules)})"
        )

    def _checker(self, page: str) -> None:
        """The checker and what it needs, before the first exercise, collapsed."""
        self._checker_written = True
        cells = self.source.cells_for_names(["check"], self.recipe.modules)
        if not cells:
            raise CellError(f"{page}: an exercise, but no module of the recipe defines check")
        self.cells.append(nbformat.v4.new_markdown_cell(CHECKER_TEXT, id=self._id(page)))
        for module, definitions in cells:
            self._package_cell(page, module, definitions)
            self.cells[-1].metadata = {"jupyter": {"source_hidden": True}, "tags": ["checker"]}

    def browser_page(self, page: str, text: str) -> None:
        """A page that runs in the browser: one cell saying so, with its title."""
        title = TITLE.search(text)
        name = title["title"] if title else page
        url = page.removesuffix(".md") + "/"
        body = f"## {name}\n\n> This page runs in your browser on the website (`{url}`)."
        self.cells.append(nbformat.v4.new_markdown_cell(body, id=self._id(page)))

    def recipe_after(self, page: str, text: str) -> None:
        """The recipe's cells that follow ``page``."""
        self.markdown(f"after-{page}", text)

    def _package_cell(self, where: str, module: str, definitions: str) -> None:
        text = f"# src/scratchnet/{module}\n{definitions}"
        self.cells.append(nbformat.v4.new_code_cell(text, id=self._id(where)))


def blocks(text: str) -> Iterator[tuple[str, str]]:
    """``("markdown", text)`` and ``("code", body)`` pieces of Markdown, in order: each
    python fence is code; other fences stay in the Markdown around them."""
    position, markdown = 0, []
    for fence in FENCE.finditer(text):
        if fence["lang"] != "python":
            continue
        markdown.append(text[position : fence.start()])
        chunk = "".join(markdown).strip()
        if chunk:
            yield "markdown", chunk
        markdown = []
        yield "code", fence["body"].rstrip("\n")
        position = fence.end()
    chunk = (text[position:]).strip()
    if chunk:
        yield "markdown", chunk


def for_jupyter(markdown: str) -> str:
    """A page's Markdown as Jupyter and Colab render it: headings one level down (the
    notebook's title is the only top one), each figure as its caption (the notebook
    draws its own pictures), links to other pages as their text, no attribute lists,
    admonitions as quotes. Fenced blocks (shell commands) are left as they are."""
    pieces, position = [], 0
    for fence in FENCE.finditer(markdown):
        pieces.append(_prose_for_jupyter(markdown[position : fence.start()]))
        pieces.append(fence[0])
        position = fence.end()
    pieces.append(_prose_for_jupyter(markdown[position:]))
    return "".join(pieces).strip()


def _prose_for_jupyter(text: str) -> str:
    def figure(match: re.Match) -> str:
        caption = FIGCAPTION.search(match["body"])
        alt = IMAGE.search(match["body"])
        words = caption["text"] if caption else (alt["alt"] if alt else "")
        words = " ".join(re.sub(r"<[^>]+>", "", words).split())  # a video's <a> too
        return f"> *Figure on the website:* {words}"

    def admonition(match: re.Match) -> str:
        title = match["title"] or match["kind"].capitalize()
        body = "\n".join(line[4:] for line in match["body"].rstrip("\n").splitlines())
        quoted = "\n".join(f"> {line}" if line else ">" for line in body.splitlines())
        return f"> **{title}**\n>\n{quoted}\n\n"

    text = FIGURE.sub(figure, text)
    text = IMAGE.sub(lambda m: f"*(Figure on the website: {m['alt']})*", text)
    text = PAGE_LINK.sub(lambda m: m["text"], text)
    text = ATTR_LIST.sub("", text)
    text = ADMONITION.sub(admonition, text + "\n")  # its body may be the text's last line
    return HEADING.sub(lambda m: "#" + m[1] + " ", text)
