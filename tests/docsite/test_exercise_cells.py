"""A page's Your turn box as notebook cells: the box's text with its hints collapsed, the
function's cell to write (tag and name in its metadata), the check's cell, the checker
once before the first exercise; a box whose tutorial function is not shown after it
fails the build."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from scratchnet.docsite.cells import CellError, CellWriter
from scratchnet.docsite.dialect import Exercise, read_page
from scratchnet.docsite.exercise_cells import exercise_markdown
from scratchnet.docsite.linker import PackageSource
from scratchnet.docsite.recipe import Recipe

BOX = (
    '!!! exercise "Your turn: `double(x)`"\n'
    "    Write `double(x)`: x is (n,).\n\n"
    '    ??? tip "Hint 1: the equation"\n'
    "        $2x$, entry by entry.\n\n"
    '    Write it in <a class="exercise-notebook" href="../notebooks/part.ipynb" download>this\n'
    "    part's notebook</a>, where `check(double)` tries it.\n"
)
SOLUTION = '```python\n--8<-- "net.py:double"\n```\n'


@pytest.fixture
def package(tmp_path) -> Path:
    """net.py, the tutorial's ``double`` (a section); exercises/part.py, its checker."""
    root = tmp_path / "pkg"
    (root / "exercises").mkdir(parents=True)
    (root / "net.py").write_text(
        "import numpy as np\n\n\n# --8<-- [start:double]\ndef double(x: np.ndarray) -> "
        'np.ndarray:\n    """Twice x. x: (n,)."""\n    return 2 * x\n    # --8<-- [end:double]\n'
    )
    (root / "exercises" / "__init__.py").write_text("")
    (root / "exercises" / "part.py").write_text(
        "from ..net import double\n\nREFERENCES = {'double': double}\n\n\n"
        "def check(function):\n    return REFERENCES[function.__name__] is function\n"
    )
    return root


def writer(package: Path) -> CellWriter:
    recipe = Recipe(Path("part.md"), "", {}, ["net.py", "exercises/part.py"], [])
    return CellWriter(PackageSource(package), recipe)


def test_a_box_becomes_its_text_the_function_to_write_and_its_check(package):
    cells = writer(package)
    cells.page("p.md", f"Intro.\n\n{BOX}\n{SOLUTION}\nAfter.")
    kinds = [(c.cell_type, c.metadata.get("tags")) for c in cells.cells]
    assert kinds == [
        ("markdown", None),  # Intro.
        ("markdown", None),  # what the collapsed cells are
        ("code", ["checker"]),  # the tutorial's double, which the checker needs
        ("code", ["checker"]),  # the checker
        ("markdown", None),  # the box
        ("code", ["exercise"]),
        ("code", ["check"]),
        ("code", None),  # the solution: double again, for the cells below
        ("markdown", None),  # After.
    ]
    checker = [c for c in cells.cells if c.metadata.get("tags") == ["checker"]]
    assert all(c.metadata["jupyter"] == {"source_hidden": True} for c in checker)
    assert "def check(function)" in checker[-1].source
    stub, check = cells.cells[5], cells.cells[6]
    assert stub.metadata["exercise"] == check.metadata["exercise"] == "double"
    assert stub.source == (
        'def double(x: np.ndarray) -> np.ndarray:\n    """Twice x. x: (n,)."""\n'
        "    # Your code here.\n    raise NotImplementedError"
    )
    assert check.source == "check(double)"
    assert cells.cells[7].source.startswith("# src/scratchnet/net.py\ndef double(")
    nbformat.validate(nbformat.v4.new_notebook(cells=cells.cells))


def test_the_checker_is_written_once_before_the_first_exercise(package):
    cells = writer(package)
    cells.page("p.md", f"{BOX}\n{SOLUTION}\n{BOX}\n{SOLUTION}")
    tags = [c.metadata.get("tags") for c in cells.cells]
    assert tags.count(["checker"]) == 2 and tags.count(["exercise"]) == 2
    assert tags.index(["checker"]) < tags.index(["exercise"])


def test_the_boxs_hints_are_collapsed_and_its_link_says_what_to_do_in_the_notebook():
    (box,) = read_page(BOX, "p.md")
    assert isinstance(box, Exercise) and box.name == "double"
    assert exercise_markdown(box) == (
        "**Your turn: `double(x)`**\n\nWrite `double(x)`: x is (n,).\n\n"
        "<details>\n<summary>Hint 1: the equation</summary>\n\n$2x$, entry by entry.\n\n"
        "</details>\n\nWrite it in the cell below, then run the cell after it: "
        "`check(double)` tries it on small cases and names the mistake if there is one."
    )


def test_a_box_without_its_solution_after_it_fails_naming_page_and_module(package):
    with pytest.raises(CellError, match=r"p.md: the exercise double has no solution after "):
        writer(package).page("p.md", f"{SOLUTION}\n{BOX}\nNo code after the box.")


def test_a_box_for_a_function_the_package_lacks_fails_naming_it(package):
    box = BOX.replace("`double(x)`", "`triple(x)`")
    with pytest.raises(CellError, match=r"p.md: the exercise triple is no function of"):
        writer(package).page("p.md", box)
