"""A part of the tutorial (a section of mkdocs.yml's nav) as one Jupyter notebook.

The notebook follows the part's pages in order (``parts``): each page's text as Markdown
cells, with the numbers quoted from the run (as the site) and the math left as
``$...$`` for Jupyter to render; each code block the page shows as code cells holding
the package's own definitions (``cells``, ``linker``). After a page come the cells its
recipe (``recipe``: the file the part declares, e.g. ``docs/notebooks/lines.md``) adds:
make the data, train, print the numbers the text quotes, draw the pictures. The imports
the package's code needs come first of all code.

Written with nbformat, without outputs, so the same sources give the same bytes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import nbformat

from scratchnet.atomic import written_atomically
from scratchnet.docsite.cells import CellWriter
from scratchnet.docsite.linker import PackageSource, imports_cell
from scratchnet.docsite.parts import read_part
from scratchnet.docsite.recipe import parse_recipe
from scratchnet.docsite.run_numbers import fill_numbers

KERNEL = {"display_name": "Python 3", "language": "python", "name": "python3"}


def write_part_notebook(
    config_file: str | Path,
    part_name: str,
    notebook_file: str | Path,
    pages_dir: str | Path | None = None,
) -> None:
    """Write the notebook of the part ``part_name`` (its key in mkdocs.yml's
    ``extra.parts``) to ``notebook_file``, atomically. ``pages_dir`` defaults to docs/
    beside the config."""
    notebook = part_notebook(config_file, part_name, pages_dir)
    text = nbformat.writes(notebook)
    with written_atomically(notebook_file) as partial:
        partial.write_text(text if text.endswith("\n") else text + "\n")


def part_notebook(
    config_file: str | Path, part_name: str, pages_dir: str | Path | None = None
) -> nbformat.NotebookNode:
    """The notebook of the part ``part_name``, as an nbformat node (validated); its
    recipe is the file the part declares, under docs/ beside the config."""
    part = read_part(config_file, part_name, pages_dir)
    recipe_file = Path(config_file).parent / "docs" / part.declared.notebook
    as_written = recipe_file.read_text()
    # Every directive checked as the file has it, in both branches of a condition, so an
    # error names its line there (filling the numbers drops the branch not taken).
    checked = parse_recipe(as_written, recipe_file, part.pages, part.code_root)
    filled = fill_numbers(as_written, part.number_sources, where=str(recipe_file))
    recipe = replace(parse_recipe(filled, recipe_file, part.pages), data=checked.data)
    source = PackageSource(part.code_root, without=tuple(recipe.without))
    writer = CellWriter(source, recipe)

    writer.markdown("opening", recipe.opening)
    for page in part.pages:
        text = part.page_text(page)
        if part.runs_in_browser(page):
            writer.browser_page(page, text)
            continue
        writer.page(page, text)
        if page in recipe.after:
            writer.recipe_after(page, recipe.after[page])
    cells = writer.cells
    if source.external_imports:  # the imports the package's code needs, first of all code
        first_code = next(i for i, cell in enumerate(cells) if cell.cell_type == "code")
        cell = nbformat.v4.new_code_cell(imports_cell(source.external_imports), id="imports")
        cells.insert(first_code, cell)
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {"kernelspec": KERNEL, "language_info": {"name": "python"}}
    nbformat.validate(notebook)
    return notebook
