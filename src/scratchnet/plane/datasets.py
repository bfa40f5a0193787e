"""Part three's data: points in the plane, two coordinates each, and their classes.

Four datasets, each drawn twice the same way (a training set, then a validation set of
as many points) from ``plane.seed``:

    moons     two interleaved half circles (scikit-learn's ``make_moons``)
    circles   a ring around a disc (``make_circles``)
    xor       four Gaussian blobs at (+-1, +-1), opposite corners one class
    spiral    arms winding out from the centre, one class each (cs231n's construction)

or the reader's own points (``csv_points``), split by class into training and
validation. Points keep their own units for every figure; the network sees them
standardised, each coordinate with the training set's mean and standard deviation.

A dataset is also written as a table of points (``write_points``: x1, x2, class, valid)
that a notebook holds as a cell and turns back into the same dataset (``from_rows``).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..atomic import save_npz, written_atomically
from ..digits.data import stratified_split
from ..user_errors import InputProblem
from .csv_points import read_points
from .seeding import generator


class Split(NamedTuple):
    """points: (n, 2) in the data's units; x: (n, 2) standardised; labels: (n,) in 0..k-1."""

    points: np.ndarray
    x: np.ndarray
    labels: np.ndarray


class PlaneData(NamedTuple):
    """A dataset ready to train on: its ``name`` (shown in titles: "moons", or the
    reader's file name), the ``train`` and ``valid`` splits, the training set's ``mean``
    and ``std`` (2,) that standardise a point, and the number of ``classes``."""

    name: str
    train: Split
    valid: Split
    mean: np.ndarray
    std: np.ndarray
    classes: int

    def standardise(self, points: np.ndarray) -> np.ndarray:
        """Points ``(..., 2)`` in the data's units as the network sees them."""
        return (points - self.mean) / self.std


# --8<-- [start:moons]
def moons(points: int, noise: float, rng: np.random.Generator):
    """Two interleaved half circles, ``points`` each, plus N(0, noise^2) on each
    coordinate: class 0 the upper one, class 1 the lower."""
    from sklearn.datasets import make_moons  # imported here: slow, and a CSV needs none

    return make_moons((points, points), noise=noise, random_state=_sklearn_seed(rng))
    # --8<-- [end:moons]


# --8<-- [start:circles]
def circles(points: int, noise: float, factor: float, rng: np.random.Generator):
    """A ring of radius 1 (class 0) around a circle of radius ``factor`` (class 1),
    ``points`` each, plus N(0, noise^2) on each coordinate."""
    from sklearn.datasets import make_circles

    return make_circles(
        (points, points), noise=noise, factor=factor, random_state=_sklearn_seed(rng)
    )
    # --8<-- [end:circles]


# --8<-- [start:xor]
def xor(points: int, noise: float, rng: np.random.Generator):
    """Four round Gaussian blobs of standard deviation ``noise`` centred at (+-1, +-1):
    class 0 at (1, 1) and (-1, -1), class 1 at (1, -1) and (-1, 1); ``points`` per class,
    half in each of its blobs (the first one takes the odd point)."""
    centres = np.array([[1, 1], [-1, -1], [1, -1], [-1, 1]], dtype=float)
    sizes = [points - points // 2, points // 2] * 2
    xy = np.concatenate([c + noise * rng.standard_normal((n, 2)) for c, n in zip(centres, sizes)])
    return xy, np.repeat([0, 0, 1, 1], sizes)
    # --8<-- [end:xor]


# --8<-- [start:spiral]
def spiral(points: int, noise: float, arms: int, rng: np.random.Generator):
    """``arms`` spiral arms of ``points`` each, as cs231n draws them: along arm j the
    radius grows evenly from 0 to 1 while the angle runs from 4j to 4(j + 1) radians,
    plus N(0, noise^2) radians."""
    radius = np.linspace(0, 1, points)
    xy, labels = [], []
    for arm in range(arms):
        angle = np.linspace(4 * arm, 4 * (arm + 1), points) + noise * rng.standard_normal(points)
        xy.append(np.column_stack([radius * np.sin(angle), radius * np.cos(angle)]))
        labels.append(np.full(points, arm))
    return np.concatenate(xy), np.concatenate(labels)
    # --8<-- [end:spiral]


# Each dataset by name: how it is drawn, and its name in titles. "capacity" is the moons
# again, drawn apart with more noise, for the networks of growing width.
MAKERS = {"moons": moons, "circles": circles, "xor": xor, "spiral": spiral, "capacity": moons}
TITLES = {"moons": "moons", "circles": "circles", "xor": "XOR", "spiral": "spiral"}
TITLES["capacity"] = "noisier moons"


def _sklearn_seed(rng: np.random.Generator) -> int:
    """An integer seed for scikit-learn, drawn from ``rng`` (it takes no Generator)."""
    return int(rng.integers(2**31))


def make_dataset(name: str, settings: dict, *, seed: int) -> PlaneData:
    """Dataset ``name`` (a key of ``MAKERS``) drawn twice with ``settings`` (its maker's
    arguments: points per class, noise, ...): for training from the generator of
    (``seed``, ``name``, "train"), for validation from (``seed``, ``name``, "valid"), so
    that every dataset, the noisier moons too, is drawn apart from the others."""
    make = MAKERS[name]
    train = make(**settings, rng=generator(seed, name, "train"))
    valid = make(**settings, rng=generator(seed, name, "valid"))
    return standardised(TITLES[name], train, valid)


def read_dataset(path: str | Path, *, valid_fraction: float, seed: int) -> PlaneData:
    """The reader's points file, checked (``csv_points``), split by class: each class's
    points shuffled by the generator of (``seed``, "csv") and ``valid_fraction`` of them
    kept for validation. Named after the file."""
    points, labels = read_points(path)
    train, valid = stratified_split(labels, (valid_fraction,), generator(seed, "csv"))
    for split, index in (("training", train), ("validation", valid)):
        missing = np.setdiff1d(np.unique(labels), labels[index])
        if len(missing):
            raise InputProblem(
                f"{path}: the {split} set has no point of class {missing[0]} (plane."
                f"valid_fraction is {valid_fraction}); expected a fraction that leaves each "
                "class points in both sets"
            )
    return standardised(
        Path(path).name, (points[train], labels[train]), (points[valid], labels[valid])
    )


# --8<-- [start:standardised]
def standardised(name: str, train: tuple, valid: tuple) -> PlaneData:
    """A ``PlaneData`` from ``(points (n, 2), labels (n,))`` for training and validation,
    each coordinate standardised with the training points' mean and standard deviation."""
    points = np.asarray(train[0], dtype=np.float64)
    mean, std = points.mean(axis=0), points.std(axis=0)
    if (std == 0).any():
        raise InputProblem(f"{name}: every training point has the same x{np.argmin(std) + 1}")
    splits = [
        Split(xy, (xy - mean) / std, np.asarray(labels, dtype=np.int64))
        for xy, labels in ((points, train[1]), (np.asarray(valid[0], dtype=np.float64), valid[1]))
    ]
    classes = int(max(splits[0].labels.max(), splits[1].labels.max())) + 1
    return PlaneData(name, *splits, mean, std, classes)
    # --8<-- [end:standardised]


# The columns of a dataset's table of points: its coordinates, its class, and 1 for a
# validation point (0 for a training point).
POINTS_COLUMNS = ("x1", "x2", "class", "valid")


def write_points(data: PlaneData, path: str | Path) -> None:
    """Write ``data``'s points to the CSV ``path`` (``POINTS_COLUMNS``), the training
    points then the validation points, each in its split's order, every coordinate in
    the data's units as Python's ``repr`` writes it (read back, the very same float)."""
    with written_atomically(path) as partial, open(partial, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(POINTS_COLUMNS)
        for valid, split in enumerate((data.train, data.valid)):
            for (x1, x2), label in zip(split.points, split.labels):
                writer.writerow([repr(float(x1)), repr(float(x2)), int(label), valid])


def from_rows(rows: np.ndarray, name: str) -> PlaneData:
    """The dataset ``name`` whose table of points has the rows ``rows: (n, 4)``, as
    numbers: x1, x2, class, and valid (1 for a validation point). Standardised with the
    training points' mean and spread, as the pipeline's was."""
    rows = np.asarray(rows, dtype=np.float64)
    valid = rows[:, 3] == 1
    train = (rows[~valid, :2], rows[~valid, 2].astype(np.int64))
    return standardised(name, train, (rows[valid, :2], rows[valid, 2].astype(np.int64)))


def save_data(data: PlaneData, path: str | Path) -> None:
    """Write ``data`` to the ``.npz`` at ``path``: its splits' arrays (``train_points``,
    ``train_x``, ``train_labels``, ``valid_...``), ``mean``, ``std`` and, as JSON, the
    name and the number of classes."""
    arrays = {
        f"{split}_{field}": array
        for split in ("train", "valid")
        for field, array in getattr(data, split)._asdict().items()
    }
    about = json.dumps({"name": data.name, "classes": data.classes})
    save_npz(path, {**arrays, "mean": data.mean, "std": data.std, "about": np.array(about)})


def load_data(path: str | Path) -> PlaneData:
    """Read a dataset written by ``save_data``."""
    with np.load(path) as arrays:
        splits = [
            Split(*(arrays[f"{split}_{field}"] for field in Split._fields))
            for split in ("train", "valid")
        ]
        about = json.loads(str(arrays["about"]))
        return PlaneData(about["name"], *splits, arrays["mean"], arrays["std"], about["classes"])
