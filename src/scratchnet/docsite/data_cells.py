"""A CSV file of the run as a notebook's code cell: a recipe's ``<!-- data: name = file -->``
(``recipe``) becomes a cell defining ``name`` as a numpy array of the file's rows, so a
notebook opened alone (on Colab, say, with no file beside it) holds the run's own data
and reads no file.

Each value is written as Python's ``repr`` of the float the file holds, which reads back
as that very float: the notebook computes from the cell what the pipeline computed from
the file. The file's first row names its columns; the cell's comment lists them.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

from scratchnet.docsite.recipe import DataFile
from scratchnet.user_errors import InputProblem

# What the cell needs, for the notebook's imports cell.
IMPORT = "import numpy as np"


class DataCellError(InputProblem, ValueError):
    """A data directive's file that cannot become a cell; the message names the recipe's
    file and line, the data file and what is wrong with it."""


def data_cell(data: DataFile, recipe_file: str | Path, folder: str | Path = ".") -> str:
    """The source of the cell ``data`` (a directive of ``recipe_file``) makes from its file,
    read under ``folder``: a comment naming the file, its rows and columns, then
    ``name = np.array([...])``, a line per row, shape (rows, columns)."""
    where = f"{recipe_file}:{data.line}: {data.directive}"
    columns, rows = read_rows(Path(folder) / data.file, where)
    body = "".join(f"    [{', '.join(map(repr, row))}],\n" for row in rows)
    return (
        f"# {data.file}: {len(rows)} rows of {len(columns)} columns, "
        f"{', '.join(columns)}\n{data.name} = np.array([\n{body}])"
    )


def read_rows(path: Path, where: str) -> tuple[list[str], list[list[float]]]:
    """The column names (the first row) and the rows of the CSV ``path``, as floats;
    a missing file, a ragged row or a value that is not a finite number fails with
    ``where`` (the directive) first."""
    if not path.is_file():
        raise DataCellError(f"{where}: {path}: no such file (build it before the notebook)")
    with open(path, newline="") as f:
        table = list(csv.reader(f))
    if not table:
        raise DataCellError(f"{where}: {path}: the file is empty; expected a row of column names")
    columns, rows = [name.strip() for name in table[0]], []
    for number, row in enumerate(table[1:], start=2):
        if len(row) != len(columns):
            raise DataCellError(
                f"{where}: {path}, row {number}: {len(row)} values; the first row names "
                f"{len(columns)} columns"
            )
        rows.append(
            [
                _number(cell, f"{where}: {path}, row {number}, column {name}")
                for name, cell in zip(columns, row)
            ]
        )
    if not rows:
        raise DataCellError(f"{where}: {path}: column names but no rows")
    return columns, rows


def _number(cell: str, where: str) -> float:
    try:
        value = float(cell)
    except ValueError:
        raise DataCellError(f"{where}: {cell!r} is not a number") from None
    if not math.isfinite(value):  # repr would write nan or inf, which Python cannot read
        raise DataCellError(f"{where}: {cell!r} is not a finite number")
    return value
