"""The tutorial's 3x3 images of vertical (class 0) and horizontal (class 1) lines.

A dataset is ``images: (m, 3, 3)`` with values in [0, 1] (indexed ``[row, column]``) and
``labels: (m,)`` in {0, 1}. On disk it is a CSV, one row per image: nine pixel columns
named ``column_row`` (``1_1, 1_2, 1_3, 2_1, ...``, i.e. column-major, 1-based) then
``class``. The network sees the same column-major order: ``x0[:, k]`` is image ``k``.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .. import user_csv
from ..atomic import written_atomically
from ..user_errors import InputProblem

SIDE = 3
PIXEL_COLUMNS = tuple(f"{col}_{row}" for col in range(1, SIDE + 1) for row in range(1, SIDE + 1))
HEADER = (*PIXEL_COLUMNS, "class")
VERTICAL, HORIZONTAL = 0, 1
CLASS_NAMES = {VERTICAL: "vertical", HORIZONTAL: "horizontal"}

# Dimmed training variants, as the tutorial lists them.
VERTICAL_VARIANTS = ((1, 0.9, 1), (0.8, 0.9, 0.7), (0.95, 0.85, 0.9))  # top to bottom
HORIZONTAL_VARIANTS = (  # (row, intensities left to right)
    (0, (0.95, 0.8, 0.9)),
    (1, (0.9, 0.95, 0.85)),
    (2, (0.8, 0.85, 0.9)),
    (0, (0.85, 0.9, 0.95)),
    (1, (0.9, 0.8, 0.9)),
    (2, (0.8, 0.95, 0.9)),
    (0, (0.9, 0.85, 0.8)),
    (1, (0.8, 0.85, 0.9)),
    (2, (0.85, 0.9, 0.8)),
)


class Dataset(NamedTuple):
    """images: (m, 3, 3) floats in [0, 1]; labels: (m,) ints in {0, 1}."""

    images: np.ndarray
    labels: np.ndarray

    def x0(self) -> np.ndarray:
        """The network's input matrix, (9, m): column k is image k flattened column-major."""
        return self.images.transpose(0, 2, 1).reshape(len(self.images), SIDE * SIDE).T


class DatasetError(InputProblem, ValueError):
    """A dataset file that cannot be used; the message names the file and row."""


def vertical_line(column: int, intensities=(1, 1, 1)) -> np.ndarray:
    """A (3, 3) image with ``intensities`` (top to bottom) down ``column``."""
    image = np.zeros((SIDE, SIDE))
    image[:, column] = intensities
    return image


def horizontal_line(row: int, intensities=(1, 1, 1)) -> np.ndarray:
    """A (3, 3) image with ``intensities`` (left to right) along ``row``."""
    image = np.zeros((SIDE, SIDE))
    image[row, :] = intensities
    return image


def training_set() -> Dataset:
    """The 24 training images: 12 vertical then 12 horizontal, pure lines first."""
    vertical = [vertical_line(c) for c in range(SIDE)] + [
        vertical_line(c, v) for c in range(SIDE) for v in VERTICAL_VARIANTS
    ]
    horizontal = [horizontal_line(r) for r in range(SIDE)] + [
        horizontal_line(r, v) for r, v in HORIZONTAL_VARIANTS
    ]
    labels = [VERTICAL] * len(vertical) + [HORIZONTAL] * len(horizontal)
    return Dataset(np.stack(vertical + horizontal), np.array(labels))


def one_dim_pixel_set(dim: float) -> Dataset:
    """Validation set 1, 18 images: each of the 6 full-intensity lines with one pixel set
    to ``dim``, at each of the 3 positions along the line (vertical lines first)."""
    images, labels = [], []
    for line, label in ((vertical_line, VERTICAL), (horizontal_line, HORIZONTAL)):
        for index in range(SIDE):
            for position in range(SIDE):
                intensities = np.ones(SIDE)
                intensities[position] = dim
                images.append(line(index, intensities))
                labels.append(label)
    return Dataset(np.stack(images), np.array(labels))


def noisy_copy(dataset: Dataset, noise_sd: float, seed: int) -> Dataset:
    """Validation set 2: ``dataset`` plus Gaussian noise N(0, noise_sd^2), clipped to [0, 1]."""
    rng = np.random.default_rng(seed)
    noise = rng.normal(0.0, noise_sd, size=dataset.images.shape)
    return Dataset(np.clip(dataset.images + noise, 0.0, 1.0), dataset.labels.copy())


def from_rows(rows: np.ndarray) -> Dataset:
    """The dataset whose CSV has the rows ``rows: (m, 10)``, as numbers: nine pixels
    column-major, then the class (a notebook holds a reader's own data this way)."""
    rows = np.asarray(rows, dtype=float)
    pixels = rows[:, : SIDE * SIDE].reshape(len(rows), SIDE, SIDE)
    return Dataset(pixels.transpose(0, 2, 1), rows[:, -1].astype(int))  # column-major back


def write_csv(dataset: Dataset, path: str | Path) -> None:
    """Write one row per image (column-major pixels, then class); exact float round trip."""
    flat = dataset.x0().T
    with written_atomically(path) as partial, open(partial, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        for pixels, label in zip(flat, dataset.labels):
            writer.writerow([repr(float(v)) for v in pixels] + [int(label)])


def check_header(path: str | Path) -> None:
    """Check that ``path`` is a file whose first row is the dataset header, without reading
    the rest (a build checks this before any job runs); raises ``DatasetError`` naming the
    file and problem."""
    user_csv.check_header(path, HEADER, DatasetError)


def read_csv(path: str | Path) -> Dataset:
    """Read and check a dataset CSV; raises ``DatasetError`` naming the file, row and problem."""
    checked = []
    for number, row in user_csv.data_rows(path, HEADER, DatasetError):
        checked.append([*_parse_pixels(path, number, row), _parse_label(path, number, row[-1])])
    if not checked:
        raise user_csv.no_rows(path, "images", DatasetError)
    return from_rows(np.array(checked))


def _parse_pixels(path: Path, number: int, row: list[str]) -> list[float]:
    user_csv.check_length(path, number, row, HEADER, DatasetError)
    values = []
    for name, cell in zip(PIXEL_COLUMNS, row):
        value = user_csv.parse_number(path, number, name, cell, DatasetError)
        if math.isnan(value) or not 0.0 <= value <= 1.0:
            where = user_csv.place(path, number, name)
            raise DatasetError(f"{where}: {cell} is outside [0, 1]")
        values.append(value)
    return values


def _parse_label(path: Path, number: int, cell: str) -> int:
    if cell.strip() not in ("0", "1"):
        where = user_csv.place(path, number, "class")
        raise DatasetError(f"{where}: {cell!r} is not 0 or 1")
    return int(cell)
