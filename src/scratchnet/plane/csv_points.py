"""The reader's own points: a CSV file of x1, x2 and class, read and checked row by row.

The file has the header ``x1,x2,class``, then one point a row: two finite numbers in any
units, and its class, an integer. The classes are 0 to k-1 for some k from 2 to 10, each
with at least ``MIN_PER_CLASS`` points; at most ``MAX_POINTS`` points in all. Every
refusal is one line naming the file, the row (or the class) and what was expected.

Cheap and light (numpy and the standard library): the workflow reads the whole file
with it while it parses, before any job runs.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from .. import user_csv
from ..user_errors import InputProblem

HEADER = ("x1", "x2", "class")
MAX_POINTS = 10_000
MAX_CLASSES = 10
MIN_PER_CLASS = 10


class PointsError(InputProblem, ValueError):
    """A points file that cannot be used; the message names the file, row and problem."""


def read_points(path: str | Path) -> tuple[np.ndarray, np.ndarray]:
    """``(points (n, 2) float64 in the file's units, labels (n,) int64)`` from ``path``,
    checked; raises ``PointsError`` at the first problem."""
    points, labels, first = [], [], None
    for number, row in user_csv.data_rows(path, HEADER, PointsError):
        first = first or row
        if len(labels) == MAX_POINTS:
            raise PointsError(
                f"{user_csv.place(path, number)}: point {MAX_POINTS + 1}; expected at most "
                f"{MAX_POINTS} points"
            )
        user_csv.check_length(path, number, row, HEADER, PointsError)
        points.append(
            [_coordinate(path, number, column, row[i]) for i, column in enumerate(HEADER[:2])]
        )
        labels.append(_label(path, number, row[2]))
    if not labels:
        raise user_csv.no_rows(path, "points", PointsError)
    points, labels = np.array(points), np.array(labels, dtype=np.int64)
    _check_classes(path, labels)
    _check_spread(path, points, first)
    return points, labels


def check_points_file(path: str | Path) -> None:
    """Raise ``PointsError`` if ``path`` is not a points file this part can use."""
    read_points(path)


def _coordinate(path: Path, number: int, column: str, cell: str) -> float:
    value = user_csv.parse_number(path, number, column, cell, PointsError)
    if not math.isfinite(value):
        where = user_csv.place(path, number, column)
        raise PointsError(f"{where}: {cell.strip()} is not a finite number")
    return value


def _label(path: Path, number: int, cell: str) -> int:
    label = cell.strip()
    where = user_csv.place(path, number, "class")
    if not (label.isascii() and label.isdigit()):
        raise PointsError(
            f"{where}: {cell!r} is not a class; expected an integer 0 to {MAX_CLASSES - 1}"
        )
    if int(label) >= MAX_CLASSES:
        raise PointsError(
            f"{where}: class {label}; expected at most {MAX_CLASSES} classes, "
            f"numbered 0 to {MAX_CLASSES - 1}"
        )
    return int(label)


def _check_classes(path: Path, labels: np.ndarray) -> None:
    """Classes 0 to k-1, k from 2 to 10, each with at least ``MIN_PER_CLASS`` points."""
    counts = np.bincount(labels)
    present = np.flatnonzero(counts)
    if len(present) == 1:
        raise PointsError(
            f"{path}: every point is of class {present[0]}; expected at least 2 classes"
        )
    k = len(counts)
    if len(present) < k:
        missing = int(np.flatnonzero(counts == 0)[0])
        raise PointsError(
            f"{path}: class {missing} has no points; expected classes numbered 0 to {k - 1} "
            "with none missing"
        )
    if counts.min() < MIN_PER_CLASS:
        few = int(np.argmin(counts))
        raise PointsError(
            f"{path}: class {few} has {counts[few]} points; expected at least "
            f"{MIN_PER_CLASS} of each class"
        )


def _check_spread(path: Path, points: np.ndarray, first: list[str]) -> None:
    """Each coordinate takes more than one value: standardising divides by its spread.
    The value is quoted as the first row writes it."""
    for column, values, cell in zip(HEADER, points.T, first):
        if values.min() == values.max():
            raise PointsError(
                f"{path}, column {column}: every point has {column} = {cell.strip()}; "
                "expected points that differ in it"
            )
