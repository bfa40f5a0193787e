"""A part of the tutorial (a section of mkdocs.yml's nav) as one Jupyter notebook.

The notebook follows the part's pages in order: each page's text as Markdown cells, with
the numbers quoted from the run (``run_numbers.fill_numbers``, as the site) and the math left
as ``$...$`` for Jupyter to render; each code block the page shows as a code cell holding
the package's own definitions (``code.PackageSource``). After a page come the cells its
recipe, ``docs/notebooks/<part>.md``, adds: make the data, train, print the numbers the text
quotes, draw the pictures. A recipe is Markdown:

    <!-- code: lines/datasets.py lines/training.py -->   where its cells' names are found
    <!-- without: load_mnist -->                         names never included
    # The title, and the cells that open the notebook
    <!-- after: data.md -->                              cells that follow that page

Written with nbformat, without outputs; cell ids are the page's name and the cell's
position in it, so the same sources give the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import yaml

from scratchnet.atomic import written_atomically
from scratchnet.docsite.code import (
    SNIPPET,
    CodeError,
    PackageSource,
    imports_cell,
    names_used,
)
from scratchnet.docsite.run_numbers import fill_numbers, load_sources
from scratchnet.user_errors import InputProblem

QUOTING_EXTENSION = "scratchnet.docsite.run_numbers"
SNIPPETS_EXTENSION = "pymdownx.snippets"
DIRECTIVE = re.compile(r"^<!-- (?P<key>code|without|after): (?P<value>.+?) -->\s*$", re.M)
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
KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}
# Pages whose content is a program running in the reader's browser (docs/explore/): a
# notebook cannot run them, so it names them and where they are on the website.
BROWSER_PAGES = "explore/"
TITLE = re.compile(r"^# (?P<title>.+)$", re.M)


class NotebookError(InputProblem, ValueError):
    """A page or recipe whose notebook cannot be made; the message names it and why."""


def write_part_notebook(
    config_file: str | Path,
    recipe_file: str | Path,
    notebook_file: str | Path,
    pages_dir: str | Path | None = None,
) -> None:
    """Write the notebook of ``recipe_file``'s part (its name is the recipe's stem) to
    ``notebook_file``, atomically. ``pages_dir`` defaults to docs/ beside the config."""
    notebook = part_notebook(config_file, recipe_file, pages_dir)
    text = nbformat.writes(notebook)
    with written_atomically(notebook_file) as partial:
        partial.write_text(text if text.endswith("\n") else text + "\n")


def part_notebook(
    config_file: str | Path, recipe_file: str | Path, pages_dir: str | Path | None = None
) -> nbformat.NotebookNode:
    """The notebook of ``recipe_file``'s part, as an nbformat node (validated)."""
    config_file, recipe_file = Path(config_file), Path(recipe_file)
    config = yaml.safe_load(config_file.read_text())
    pages_dir = Path(pages_dir) if pages_dir else config_file.parent / "docs"
    part = recipe_file.stem
    pages = part_pages(config, part, config_file)
    sources = load_sources(_extension_config(config, QUOTING_EXTENSION, config_file)["sources"])
    base = _extension_config(config, SNIPPETS_EXTENSION, config_file)["base_path"]
    base = base[0] if isinstance(base, list) else base
    recipe_text = fill_numbers(recipe_file.read_text(), sources, where=str(recipe_file))
    opening, after, modules, without = parse_recipe(recipe_text, recipe_file, pages)
    source = PackageSource(config_file.parent / base, without=tuple(without))
    writer = _CellWriter(source, modules, recipe_file)

    writer.markdown("opening", opening)
    for page in pages:
        text = fill_numbers((pages_dir / page).read_text(), sources, where=page)
        if page.startswith(BROWSER_PAGES):
            writer.browser_page(page, text)
            continue
        writer.page(page, text)
        if page in after:
            writer.recipe(page, after[page])
    cells = writer.cells
    if source.external_imports:  # the imports the package's code needs, first of all code
        first_code = next(i for i, cell in enumerate(cells) if cell.cell_type == "code")
        cell = nbformat.v4.new_code_cell(imports_cell(source.external_imports), id="imports")
        cells.insert(first_code, cell)
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {"kernelspec": KERNEL, "language_info": {"name": "python"}}
    nbformat.validate(notebook)
    return notebook


def part_pages(config: dict, part: str, config_file: Path) -> list[str]:
    """The pages of the nav section that ``extra.notebooks.parts`` names ``part``."""
    parts = ((config.get("extra") or {}).get("notebooks") or {}).get("parts") or {}
    titles = [title for title, name in parts.items() if name == part]
    if not titles:
        raise NotebookError(
            f"{config_file}: extra.notebooks.parts names no part {part!r}; it names "
            + (", ".join(map(repr, parts.values())) or "none")
        )

    def find(entries):
        for entry in entries:
            for title, value in entry.items():
                if title == titles[0] and isinstance(value, list):
                    return list(flatten(value))
                if isinstance(value, list):
                    found = find(value)
                    if found:
                        return found
        return None

    def flatten(entries):
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            yield from flatten(value) if isinstance(value, list) else [value]

    pages = find(config.get("nav") or [])
    if not pages:
        raise NotebookError(f"{config_file}: the nav has no section {titles[0]!r}")
    return pages


def parse_recipe(
    text: str, recipe_file: Path, pages: list[str]
) -> tuple[str, dict[str, str], list[str], list[str]]:
    """A recipe's opening text, its text after each page, the modules its names come
    from and the names it leaves out; a page not of the part, or out of order, fails."""
    modules, without, after = [], [], {}
    pieces = DIRECTIVE.split(text)  # text, key, value, text, key, value, ...
    opening, current = pieces[0], None
    for key, value, chunk in zip(pieces[1::3], pieces[2::3], pieces[3::3]):
        if key == "code":
            modules += value.split()
        elif key == "without":
            without += value.split()
        else:
            if value not in pages:
                raise NotebookError(
                    f"{recipe_file}: <!-- after: {value} --> names no page of this part; "
                    f"its pages are {', '.join(pages)}"
                )
            if current is not None and pages.index(value) <= pages.index(current):
                raise NotebookError(f"{recipe_file}: {value} comes before {current} in the nav")
            current = value
            after[value] = ""
        if current is None:
            opening += chunk
        else:
            after[current] += chunk
    return opening, after, modules, without


class _CellWriter:
    """Appends a notebook's cells, page by page, with ids stable across builds."""

    def __init__(self, source: PackageSource, modules: list[str], recipe_file: Path):
        self.source, self.modules, self.recipe_file = source, modules, recipe_file
        self.cells: list[nbformat.NotebookNode] = []
        self.assigned: set[str] = set()  # the recipe's own variables so far
        self._counts: dict[str, int] = {}

    def _id(self, where: str) -> str:
        slug = re.sub(r"[^A-Za-z0-9]+", "-", where).strip("-")
        self._counts[slug] = self._counts.get(slug, 0) + 1
        return f"{slug}-{self._counts[slug]}"

    def markdown(self, where: str, text: str) -> None:
        """A recipe's text: Markdown cells (its comments dropped) and code cells."""
        for kind, body in _blocks(COMMENT.sub("", text)):
            if kind == "markdown":
                self.cells.append(nbformat.v4.new_markdown_cell(body, id=self._id(where)))
            else:
                self.code(where, body)

    def code(self, where: str, text: str) -> None:
        """A recipe's own code cell, after the package's definitions it uses."""
        try:
            read, assigned = names_used(text)
        except SyntaxError as problem:
            raise NotebookError(
                f"{self.recipe_file}: a cell after {where} is not Python ({problem})"
            ) from None
        fresh = [name for name in read if name not in self.assigned]
        for module, definitions in self.source.cells_for_names(fresh, self.modules):
            self._package_cell(where, module, definitions)
        self.assigned |= assigned
        self.cells.append(nbformat.v4.new_code_cell(text, id=self._id(where)))

    def page(self, page: str, text: str) -> None:
        """A page's text and code; a section the source lacks fails naming the page."""
        for kind, body in _blocks(text):
            if kind == "markdown":
                body = for_jupyter(body)
                if body:
                    self.cells.append(nbformat.v4.new_markdown_cell(body, id=self._id(page)))
                continue
            lines = [line.strip() for line in body.strip().splitlines()]
            snippets = [SNIPPET.match(line) for line in lines]
            if not all(snippets):
                raise NotebookError(
                    f"{page}: a python block that is not only --8<-- lines; pages show the "
                    "package's code, included by section"
                )
            for snippet in snippets:
                try:
                    cells = self.source.section_cells(snippet["file"], snippet["section"])
                except (CodeError, SyntaxError) as problem:
                    raise NotebookError(f"{page}: {snippet[0]}: {problem}") from None
                for module, definitions in cells:
                    self._package_cell(page, module, definitions)

    def browser_page(self, page: str, text: str) -> None:
        """A page that runs in the browser: one cell saying so, with its title."""
        title = TITLE.search(text)
        name = title["title"] if title else page
        url = page.removesuffix(".md") + "/"
        body = f"## {name}\n\n> This page runs in your browser on the website (`{url}`)."
        self.cells.append(nbformat.v4.new_markdown_cell(body, id=self._id(page)))

    def recipe(self, page: str, text: str) -> None:
        self.markdown(f"after-{page}", text)

    def _package_cell(self, where: str, module: str, definitions: str) -> None:
        text = f"# src/scratchnet/{module}\n{definitions}"
        self.cells.append(nbformat.v4.new_code_cell(text, id=self._id(where)))


def _blocks(text: str):
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


def _extension_config(config: dict, name: str, config_file: Path) -> dict:
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    raise NotebookError(f"{config_file}: markdown_extensions lacks {name}, with its settings")
