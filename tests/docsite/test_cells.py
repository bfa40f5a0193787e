"""Markdown as notebook cells: python fences split out, a page's code as the package's
definitions, a recipe's as its own cells, stable ids; code the notebook cannot run apart
named with its page and line. (The Markdown itself: test_jupyter_text.py.)"""

from pathlib import Path

import pytest

from scratchnet.docsite.cells import CellError, CellWriter
from scratchnet.docsite.linker import PackageSource
from scratchnet.docsite.recipe import Recipe


def writer(toy_package, modules=("sub/b.py",)) -> CellWriter:
    recipe = Recipe(Path("part.md"), "", {}, list(modules), [])
    return CellWriter(PackageSource(toy_package), recipe)


def test_a_pages_snippet_becomes_the_packages_cells_with_stable_ids(toy_package):
    cells = writer(toy_package)
    cells.page("a/p.md", 'Text.\n\n```python\n--8<-- "sub/b.py:loop"\n```\n\nMore.')
    assert [(cell.cell_type, cell.id) for cell in cells.cells] == [
        ("markdown", "a-p-md-1"),
        ("code", "a-p-md-2"),
        ("code", "a-p-md-3"),
        ("markdown", "a-p-md-4"),
    ]
    assert cells.cells[1].source.startswith("# src/scratchnet/helpers.py\n# The scale.")
    assert cells.cells[2].source.startswith("# src/scratchnet/sub/b.py\ndef total(values):")


def test_a_recipes_python_fences_are_cells_and_other_fences_stay_in_its_markdown(toy_package):
    cells = writer(toy_package)
    text = "Intro.\n\n```sh\nls\n```\n\n```python\nx = 1\n\n```\nEnd.\n```python\ny = 2\n```\n"
    cells.markdown("opening", text)
    assert [(cell.cell_type, cell.source) for cell in cells.cells] == [
        ("markdown", "Intro.\n\n```sh\nls\n```"),
        ("code", "x = 1"),
        ("markdown", "End."),
        ("code", "y = 2"),
    ]


def test_a_recipe_cell_comes_after_the_definitions_it_uses_not_yet_defined(toy_package):
    cells = writer(toy_package)
    cells.markdown("opening", "<!-- a note -->\n# Part\n\n```python\nn = total([1])\n```\n")
    cells.recipe_after("p.md", "```python\nprint(n, total([2]))\n```")
    sources = [cell.source for cell in cells.cells]
    assert sources[0] == "# Part"
    assert sources[1].startswith("# src/scratchnet/helpers.py") and "def total" in sources[2]
    assert sources[3:] == ["n = total([1])", "print(n, total([2]))"]
    assert [cell.id for cell in cells.cells][3:] == ["opening-4", "after-p-md-1"]


def test_a_browser_page_is_one_cell_naming_it_and_its_address(toy_package):
    cells = writer(toy_package)
    cells.browser_page("explore/replay.md", "# Replay the training\n\nA canvas.")
    assert cells.cells[0].source == (
        "## Replay the training\n\n> This page runs in your browser on the website "
        "(`explore/replay/`)."
    )


BOXED_CODE = '!!! note\n    Text.\n\n    ```python\n    --8<-- "sub/b.py:loop"\n    ```\n'


@pytest.mark.parametrize(
    "page, expected",
    [
        ("```python\nprint(1)\n```\n", "p.md:1: a python block that is not only --8<-- lines"),
        ('```python\n--8<-- "sub/b.py:lop"\n```\n', 'p.md: --8<-- "sub/b.py:lop": sub/b.py has'),
        ('Text.\n\n```python\n--8<-- "sub/b.py"\n```\n', 'p.md:3: --8<-- "sub/b.py" includes a'),
        (BOXED_CODE, "p.md:4: a python block inside a box"),
        ('```yaml\n--8<-- "sub/c.yaml:x"\n```\n', "p.md:1: a yaml block of --8<-- lines"),
    ],
)
def test_a_page_the_cells_cannot_resolve_names_the_page_and_the_piece(toy_package, page, expected):
    with pytest.raises(CellError) as error:
        writer(toy_package).page("p.md", page)
    assert str(error.value).startswith(expected)


def test_a_recipe_cell_that_is_not_python_names_the_recipe_and_the_page(toy_package):
    with pytest.raises(CellError, match=r"part\.md: a cell after p\.md is not Python \('\('"):
        writer(toy_package).recipe_after("p.md", "```python\nprint(\n```")
    with pytest.raises(CellError, match=r"part\.md: a cell in the opening is not Python"):
        writer(toy_package).markdown("opening", "```python\n1 +\n```")
    with pytest.raises(CellError, match=r"part\.md: after p\.md: a code block opened with ``` is"):
        writer(toy_package).recipe_after("p.md", "Text.\n\n```python\nprint(1)\n")
