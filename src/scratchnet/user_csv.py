"""A reader's CSV file, checked as it is read: the sentences every part's checks share.

Each problem is one line that names the file, the row (1 is the header) and the column
where it is, then what was found and what was expected: ``mine.csv, row 3, column x1:
'a' is not a number``. Part one's images and part three's points are read through these
functions, so the same mistake reads the same in both. ``error`` is the part's own
exception class (an ``InputProblem``), which a job logs as that one line.

A file that starts with a byte-order mark (as spreadsheets write UTF-8) is read as if it
had none. Imports the standard library only: the workflow checks files with it while it
parses, before any job runs.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

ENCODING = "utf-8-sig"  # utf-8, without the byte-order mark spreadsheets put first


def place(path: str | Path, row: int | None = None, column: str | None = None) -> str:
    """Where a problem is: ``path``, ``path, row 3`` or ``path, row 3, column x1``."""
    where = str(path)
    if row is not None:
        where += f", row {row}"
    if column is not None:
        where += f", column {column}"
    return where


def check_header(path: str | Path, header: Sequence[str], error: type[Exception]) -> None:
    """Check that ``path`` is a file whose first row is ``header`` (cells stripped of
    spaces), reading that row only."""
    for _ in data_rows(path, header, error):
        return


def data_rows(
    path: str | Path, header: Sequence[str], error: type[Exception]
) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells)`` for each row after the header (numbers from 2), read one at
    a time; the header is checked first."""
    path = Path(path)
    if not path.is_file():
        raise error(f"{place(path)}: no such file")
    with open(path, newline="", encoding=ENCODING) as f:
        try:
            rows = csv.reader(f)
            _check_first_row(path, next(rows, None), header, error)
            yield from enumerate(rows, start=2)
        except UnicodeDecodeError:
            raise error(f"{place(path)}: not UTF-8 text; expected a CSV file") from None


def check_length(
    path: str | Path, number: int, row: list[str], header: Sequence[str], error: type[Exception]
) -> None:
    """Row ``number`` has one value per column of ``header``."""
    if len(row) != len(header):
        raise error(f"{place(path, number)}: {len(row)} values; expected {len(header)}")


# A number as a CSV file writes it: 3, -0.5, .5, 2.5e3 (spaces around are dropped); and
# nan and inf, which each part then refuses in its own words. Stricter than Python's
# float(), which also takes 1_000, and than JavaScript's Number(), which takes 0x10 and
# reads an empty cell as 0: the browser's check of a reader's file uses this pattern.
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?(nan|inf|infinity)", re.I)


def parse_number(
    path: str | Path, number: int, column: str, cell: str, error: type[Exception]
) -> float:
    """The cell as a float, if it is a number as ``NUMBER`` says (NaN and infinities
    included: each part says what it allows)."""
    if not NUMBER.fullmatch(cell.strip()):
        raise error(f"{place(path, number, column)}: {cell!r} is not a number")
    return float(cell)


def no_rows(path: str | Path, things: str, error: type[Exception]) -> Exception:
    """The error for a file with a header and nothing else: "no images", "no points"."""
    return error(f"{place(path)}: header only, no {things}")


def _check_first_row(
    path: str | Path, first: list[str] | None, header: Sequence[str], error: type[Exception]
) -> None:
    expected = ",".join(header)
    if first is None:
        raise error(f"{place(path)}: the file is empty; expected a header row {expected}")
    if tuple(cell.strip() for cell in first) != tuple(header):
        raise error(f"{place(path, 1)}: header is {','.join(first)!r}; expected {expected!r}")
