"""Markdown as notebook cells: a page, read into its constructs (``dialect``), as
Markdown cells Jupyter renders (``jupyter_text``), its "Your turn" boxes as exercises
(``exercise_cells``), its python fences as the package's code, and a recipe's fences as
its own cells, each cell with an id that is the same from the same sources (the page's
name and the cell's position in it).

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
from collections.abc import Callable, Iterator

import nbformat

from scratchnet.docsite import data_cells, exercise_cells
from scratchnet.docsite.definitions import CodeError, Definition
from scratchnet.docsite.dialect import (
    Block,
    DialectError,
    Exercise,
    Fence,
    page_title,
    read_page,
    walk,
)
from scratchnet.docsite.jupyter_text import jupyter_markdown
from scratchnet.docsite.linker import PackageSource, names_used
from scratchnet.docsite.recipe import DataFile, Recipe
from scratchnet.user_errors import InputProblem

COMMENT = re.compile(r"<!--.*?-->\n?", re.S)
# A recipe's data directive where it stands (the recipe keeps it in its text, as
# DataFile.directive writes it): split out with its name and file.
DATA_IN_PLACE = re.compile(r"^<!-- data: (\S+) = (\S+) -->\n?", re.M)


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
        """A recipe's text: Markdown cells (its comments dropped, as written), code cells
        (its python fences) and data cells (its data directives)."""
        pieces = DATA_IN_PLACE.split(text)  # text, name, file, text, ...
        for index in range(0, len(pieces), 3):
            self._recipe_text(where, pieces[index])
            if index + 1 < len(pieces):
                self.data(where, self.recipe.data_file(pieces[index + 1], pieces[index + 2]))

    def _recipe_text(self, where: str, text: str) -> None:
        try:
            constructs = read_page(COMMENT.sub("", text), str(self.recipe.file))
        except DialectError as problem:  # its lines counted from the recipe's part
            raise CellError(f"{self.recipe.file}: {_place(where)}: {problem.reason}") from None
        for run in runs(constructs, _is_python):
            if isinstance(run, Fence):
                self.code(where, run.body.rstrip("\n"))
            else:
                self._markdown_cell(where, "".join(block.text for block in run))

    def data(self, where: str, data: DataFile) -> None:
        """A data directive's cell: its file's rows, read from the current directory (the
        one the notebook is built in), as a numpy array."""
        self.source.external_imports.add(data_cells.IMPORT)
        self.assigned.add(data.name)
        text = data_cells.data_cell(data, self.recipe.file)
        self.cells.append(nbformat.v4.new_code_cell(text, id=self._id(where)))

    def code(self, where: str, text: str) -> None:
        """A recipe's own code cell, after the package's definitions it uses."""
        try:
            read, assigned = names_used(text)
        except SyntaxError as problem:
            raise CellError(
                f"{self.recipe.file}: a cell {_place(where)} is not Python ({problem})"
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
        for run in runs(read_page(text, page), _is_cells):
            if isinstance(run, Exercise):
                _check_code_apart(page, list(run.body))
                unsolved.update(self.exercise(page, run))
            elif isinstance(run, Fence):
                for module, definitions in self._snippet_cells(page, run):
                    self._package_cell(page, module, definitions)
                    for name in names_used(definitions)[1]:
                        unsolved.pop(name, None)
            else:
                _check_code_apart(page, run)
                self._markdown_cell(page, jupyter_markdown(run))
        if unsolved:
            name, module = next(iter(unsolved.items()))
            raise CellError(
                f"{page}: the exercise {name} has no solution after its box; show the "
                f"section of {module} that defines it, so the cells below run the tutorial's"
            )

    def _snippet_cells(self, page: str, fence: Fence) -> list[tuple[str, str]]:
        """The package's cells for a page's python block, each ``(module, text)``."""
        snippets = fence.snippets
        if snippets is None:
            raise CellError(
                f"{page}:{fence.line}: a python block that is not only --8<-- lines; pages "
                "show the package's code, included by section"
            )
        cells = []
        for snippet in snippets:
            if snippet.section is None:
                raise CellError(
                    f"{page}:{fence.line}: {snippet.text} includes a whole file; the "
                    "notebook takes the package's code by section (file:section)"
                )
            try:
                cells += self.source.section_cells(snippet.file, snippet.section)
            except (CodeError, SyntaxError) as problem:
                raise CellError(f"{page}: {snippet.text}: {problem}") from None
        return cells

    def _markdown_cell(self, where: str, text: str) -> None:
        text = text.strip()
        if text:
            self.cells.append(nbformat.v4.new_markdown_cell(text, id=self._id(where)))

    def exercise(self, page: str, box: Exercise) -> dict[str, str]:
        """A Your turn box: its text, the function's cell to complete, the check's cell.
        Returns ``{name: module}`` if the tutorial's code defines the name (and so must
        define it again after the box), else nothing."""
        name = box.name
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
        name = page_title(text) or page
        url = page.removesuffix(".md") + "/"
        body = f"## {name}\n\n> This page runs in your browser on the website (`{url}`)."
        self.cells.append(nbformat.v4.new_markdown_cell(body, id=self._id(page)))

    def recipe_after(self, page: str, text: str) -> None:
        """The recipe's cells that follow ``page``."""
        self.markdown(f"after-{page}", text)

    def _package_cell(self, where: str, module: str, definitions: str) -> None:
        text = f"# src/scratchnet/{module}\n{definitions}"
        self.cells.append(nbformat.v4.new_code_cell(text, id=self._id(where)))


def runs(constructs: list[Block], apart: Callable[[Block], bool]) -> Iterator[Block | list[Block]]:
    """The constructs in order: each for which ``apart`` holds alone, and the runs of
    the others between them as lists (each run one Markdown cell)."""
    run: list[Block] = []
    for block in constructs:
        if apart(block):
            if run:
                yield run
            run = []
            yield block
        else:
            run.append(block)
    if run:
        yield run


def _is_python(block: Block) -> bool:
    return isinstance(block, Fence) and block.language == "python"


def _is_cells(block: Block) -> bool:
    """A page's construct that is cells of its own: python code, an exercise."""
    return _is_python(block) or isinstance(block, Exercise)


def _check_code_apart(page: str, blocks: list[Block]) -> None:
    """The code a notebook runs stands apart from the Markdown around it: a python block
    in a box (where ``blocks`` have one) or a block of sections in another language
    fails, naming the page and line."""
    for block in walk(blocks):
        if _is_python(block):
            raise CellError(
                f"{page}:{block.line}: a python block inside a box; the notebook runs a "
                "page's code in cells of its own, so show it outside the box"
            )
        if isinstance(block, Fence) and block.snippets:
            raise CellError(
                f"{page}:{block.line}: a {block.language or 'plain'} block of --8<-- lines; "
                "the notebook includes the package's python sections only"
            )


def _place(where: str) -> str:
    """A recipe's part, as an error names it: "after data.md", "in the opening"."""
    return f"after {where.removeprefix('after-')}" if where != "opening" else "in the opening"
