"""A recipe's data directive as a cell: a CSV's rows as a numpy array that reads back as
the very floats of the file, in its place among the recipe's cells, only in the branch
of a condition the run takes; a file that cannot become a cell named with the recipe's
line as the file has it."""

from pathlib import Path

import numpy as np
import pytest

from scratchnet.docsite.cells import CellWriter
from scratchnet.docsite.data_cells import DataCellError, data_cell
from scratchnet.docsite.linker import PackageSource
from scratchnet.docsite.notebook import part_notebook
from scratchnet.docsite.recipe import DataFile, Recipe

RECIPE = Path("docs/notebooks/part.md")
# Values a careless writer would change: more digits than str() of a float32 keeps, a
# sum that is not 0.3, the smallest normal float, a negative zero, an integer.
CSV = "x,y,class\n0.1,0.30000000000000004,1\n2.2250738585072014e-308,-0.0,0\n1e-05,7,1\n"


def run(source: str) -> dict:
    namespace = {"np": np}
    exec(source, namespace)
    return namespace


def test_the_cell_defines_the_rows_as_the_files_very_floats(tmp_path):
    (tmp_path / "points.csv").write_text(CSV)
    source = data_cell(DataFile("points", "points.csv", 7), RECIPE, tmp_path)
    assert source.splitlines()[0] == "# points.csv: 3 rows of 3 columns, x, y, class"
    assert source.splitlines()[1] == "points = np.array(["
    rows = run(source)["points"]
    expected = np.loadtxt(tmp_path / "points.csv", delimiter=",", skiprows=1)
    assert rows.dtype == np.float64 and rows.shape == (3, 3)
    assert rows.tobytes() == expected.tobytes()  # bit for bit, -0.0 included
    assert "open(" not in source and "loadtxt" not in source  # it reads no file


@pytest.mark.parametrize(
    "text, problem",
    [
        (None, "points.csv: no such file (build it before the notebook)"),
        ("", "points.csv: the file is empty; expected a row of column names"),
        ("x,class\n", "points.csv: column names but no rows"),
        ("x,class\n1,0\n2\n", "points.csv, row 3: 1 values; the first row names 2 columns"),
        ("x,class\n1,zero\n", "points.csv, row 2, column class: 'zero' is not a number"),
        ("x,class\nnan,0\n", "points.csv, row 2, column x: 'nan' is not a finite number"),
        ("x,class\n1,-inf\n", "points.csv, row 2, column class: '-inf' is not a finite number"),
    ],
)
def test_a_file_that_cannot_be_a_cell_names_the_directive_and_the_row(tmp_path, text, problem):
    if text is not None:
        (tmp_path / "points.csv").write_text(text)
    with pytest.raises(DataCellError) as error:
        data_cell(DataFile("points", "points.csv", 7), RECIPE, tmp_path)
    directive = f"{RECIPE}:7: <!-- data: points = points.csv -->"
    assert str(error.value) == f"{directive}: {tmp_path / problem}"


def test_the_writer_puts_the_cell_where_the_directive_stands(toy_package, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where a notebook is built: the data files' folder
    Path("points.csv").write_text(CSV)
    data = DataFile("points", "points.csv", 3)
    recipe = Recipe(RECIPE, "", {}, ["sub/b.py"], [], [data])
    writer = CellWriter(PackageSource(toy_package), recipe)
    writer.recipe_after("p.md", f"The points:\n\n{data.directive}\n```python\nprint(points)\n```\n")
    cells = writer.cells
    assert [cell.cell_type for cell in cells] == ["markdown", "code", "code"]
    assert cells[0].source == "The points:"
    assert cells[1].source == data_cell(data, RECIPE) and cells[1].id == "after-p-md-2"
    assert cells[2].source == "print(points)"
    assert writer.source.external_imports == {"import numpy as np"}


RECIPE_WITH_DATA = """# Part
<!-- code: sub/b.py -->
<!-- after: p.md -->
{{ if metrics.data.tutorial }}
The tutorial's points, made by its code:

```python
points = total([1])
```
{{ else }}
Your points:

<!-- data: points = yours.csv -->
{{ end }}
<!-- data: more = {name}.csv -->

```python
print(points, more)
```
"""


def test_a_notebook_holds_the_data_of_the_branch_its_run_takes(toy_site, monkeypatch):
    config, recipe = toy_site("Text.\n", RECIPE_WITH_DATA.replace("{name}", "more"))
    monkeypatch.chdir(config.parent)
    Path("more.csv").write_text(CSV)  # yours.csv is absent: its branch is not taken
    cells = part_notebook(config, "part").cells
    sources = [cell.source for cell in cells]
    assert "points = total([1])" in sources
    assert not any("yours.csv" in source for source in sources)
    more = next(source for source in sources if source.startswith("# more.csv: "))
    assert sources.index(more) == len(sources) - 2 and sources[-1] == "print(points, more)"
    first_code = next(cell for cell in cells if cell.cell_type == "code")
    assert first_code.source == "import numpy as np"  # the imports cell, first of all code


def test_a_missing_data_file_names_its_line_as_the_recipe_has_it(toy_site, monkeypatch):
    """The branch not taken moves the lines after it; the error names the file's line."""
    config, recipe = toy_site("Text.\n", RECIPE_WITH_DATA.replace("{name}", "absent"))
    monkeypatch.chdir(config.parent)
    line = RECIPE_WITH_DATA.splitlines().index("<!-- data: more = {name}.csv -->") + 1
    with pytest.raises(DataCellError, match=rf"^{recipe}:{line}: <!-- data: more = absent.csv"):
        part_notebook(config, "part")


def test_a_bad_directive_in_the_branch_not_taken_fails_too(toy_site, monkeypatch):
    text = RECIPE_WITH_DATA.replace("points = yours.csv", "points=yours.csv")
    config, recipe = toy_site("Text.\n", text)
    monkeypatch.chdir(config.parent)
    with pytest.raises(ValueError, match=rf"^{recipe}:13: malformed directive <!-- data: points="):
        part_notebook(config, "part")
