"""confusion-matrix.png: the reference model's test predictions, true digit by predicted."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ..common import new_figure, styled


def confusion_matrix(labels: np.ndarray, predicted: np.ndarray) -> np.ndarray:
    """(10, 10) counts: row = true digit, column = predicted digit."""
    counts = np.zeros((10, 10), dtype=int)
    np.add.at(counts, (labels, predicted), 1)
    return counts


@styled
def draw(labels: np.ndarray, predicted: np.ndarray) -> Figure:
    counts = confusion_matrix(labels, predicted)
    fig = new_figure(5.6, 5)
    ax = fig.subplots()
    # Off the diagonal is what matters: scaled to the largest mistake, the diagonal capped.
    largest_mistake = (counts - np.diag(np.diag(counts))).max() or 1
    ax.imshow(np.minimum(counts, largest_mistake * 2), cmap="Blues")
    for (true, pred), count in np.ndenumerate(counts):
        if count:
            on_dark = count > largest_mistake
            ax.text(
                pred,
                true,
                str(count),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if on_dark else "black",
            )
    ax.set(xticks=range(10), yticks=range(10), xlabel="predicted digit", ylabel="true digit")
    accuracy = np.trace(counts) / counts.sum()
    ax.set_title(f"Test set: {np.trace(counts)} of {counts.sum()} right ({accuracy:.1%})")
    return fig


def from_files(inputs, params) -> Figure:
    with np.load(inputs.predictions) as arrays:
        return draw(arrays["labels"], arrays["predicted"])
