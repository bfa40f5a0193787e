"""Score trained parameters on a dataset: per-image predictions and accuracy."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..atomic import written_atomically
from .datasets import Dataset
from .network import Params, forward, predict


class Predictions(NamedTuple):
    """labels, predicted: (m,) ints; probabilities: (n_out, m), the softmax output A2."""

    labels: np.ndarray
    predicted: np.ndarray
    probabilities: np.ndarray

    @property
    def accuracy(self) -> float:
        """Fraction of images predicted correctly."""
        return float(np.mean(self.predicted == self.labels))


def evaluate(params: Params, dataset: Dataset) -> Predictions:
    """Run the network on every image of ``dataset``."""
    A2 = forward(params, dataset.x0()).A2
    return Predictions(dataset.labels, predict(A2), A2)


def write_predictions(predictions: Predictions, path: str | Path) -> None:
    """CSV, one row per image: index, class, predicted, p_0, p_1, ..."""
    n_out = predictions.probabilities.shape[0]
    with written_atomically(path) as partial, open(partial, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["index", "class", "predicted", *(f"p_{k}" for k in range(n_out))])
        for index, (label, guess, p) in enumerate(
            zip(predictions.labels, predictions.predicted, predictions.probabilities.T)
        ):
            writer.writerow([index, int(label), int(guess), *(f"{v:.6f}" for v in p)])


def read_predictions(path: str | Path) -> Predictions:
    """Read a CSV written by ``write_predictions``; a malformed file raises ``ValueError``."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    try:
        p_columns = sorted(k for k in rows[0] if k.startswith("p_"))
        labels = np.array([int(r["class"]) for r in rows])
        predicted = np.array([int(r["predicted"]) for r in rows])
        probabilities = np.array([[float(r[k]) for r in rows] for k in p_columns])
    except (IndexError, KeyError, TypeError, ValueError) as problem:
        raise ValueError(f"{path}: not a predictions file written by this pipeline ({problem!r})")
    return Predictions(labels, predicted, probabilities)
