"""A part's notebook assembled: its pages' cells, the recipe's after each page, the
imports first of all code; the same bytes from the same sources; bad input named."""

import nbformat
import pytest

from scratchnet.docsite.notebook import part_notebook, write_part_notebook

SNIPPET_PAGE = 'Loss {{ metrics.final_loss:.2f }}.\n\n```python\n--8<-- "helpers.py:x"\n```\n'


def test_a_part_notebook_follows_its_page_then_its_recipe(toy_site):
    config, recipe = toy_site(SNIPPET_PAGE)
    helpers = config.parent / "src" / "pkg" / "helpers.py"
    helpers.write_text(
        "# --8<-- [start:x]\ndef one():\n    return 1\n# --8<-- [end:x]\n\n\n" + helpers.read_text()
    )
    cells = part_notebook(config, "part").cells
    sources = [cell.source for cell in cells]
    assert [cell.cell_type for cell in cells] == ["markdown"] * 2 + ["code"] * 5
    assert sources[:3] == ["# Part", "Loss 1.18.", "import numpy as np"]  # imports first
    assert cells[2].id == "imports"
    assert sources[3] == "# src/scratchnet/helpers.py\ndef one():\n    return 1"
    # What the recipe's cell calls, after what that needs, then the cell itself.
    assert sources[4].startswith("# src/scratchnet/helpers.py\n# The scale.\nSCALE = 2")
    assert sources[5].startswith("# src/scratchnet/sub/b.py\ndef total(values):")
    assert sources[6] == "print(total([1]))"


def test_a_recipes_numbers_are_filled_and_its_without_names_left_out(toy_site):
    config, recipe = toy_site(
        "Text.\n",
        "<!-- code: sub/b.py helpers.py -->\n<!-- without: double -->\n"
        "# Loss {{ metrics.final_loss:.1f }}\n\n```python\nprint(SCALE, double)\n```\n",
    )
    sources = [cell.source for cell in part_notebook(config, "part").cells]
    assert sources[0] == "# Loss 1.2"
    assert sources[1] == "# src/scratchnet/helpers.py\n# The scale.\nSCALE = 2"
    assert "def double" not in "".join(sources)


def test_the_notebook_is_written_the_same_bytes_every_time(toy_site, tmp_path):
    config, recipe = toy_site("Text.\n")
    first, second = tmp_path / "part.ipynb", tmp_path / "again.ipynb"
    write_part_notebook(config, "part", first)
    write_part_notebook(config, "part", second)
    assert first.read_bytes() == second.read_bytes() and first.read_text().endswith("}\n")
    notebook = nbformat.reads(first.read_text(), as_version=4)
    assert notebook.metadata.kernelspec.name == "python3"
    assert all(cell.get("outputs", []) == [] for cell in notebook.cells)


@pytest.mark.parametrize(
    "page, expected",
    [
        ('```python\n--8<-- "sub/b.py:lop"\n```\n', 'p.md: --8<-- "sub/b.py:lop": sub/b.py has no'),
        ("{{ metrics.final_los }}", "p.md: {{ metrics.final_los }}: no value 'final_los'"),
        ("```python\nprint(1)\n```\n", "p.md:1: a python block that is not only --8<-- lines"),
    ],
)
def test_a_page_the_notebook_cannot_resolve_names_the_page_and_the_piece(toy_site, page, expected):
    config, recipe = toy_site(page)
    with pytest.raises(ValueError) as error:
        part_notebook(config, "part")
    assert expected in str(error.value)


def test_a_bad_recipe_fails_naming_its_file_and_line_and_writes_nothing(toy_site, tmp_path):
    config, recipe = toy_site("Text.\n", "# Part\n<!-- after: q.md -->\n")
    notebook = tmp_path / "part.ipynb"
    with pytest.raises(ValueError, match=rf"{recipe}:2: <!-- after: q.md --> names no page"):
        write_part_notebook(config, "part", notebook)
    assert not notebook.exists()
