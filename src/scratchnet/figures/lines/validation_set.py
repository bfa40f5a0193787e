"""valid-set1.png / valid-set2.png: validation images with class and prediction."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from scratchnet.lines.datasets import Dataset, read_csv
from scratchnet.lines.evaluation import Predictions, read_predictions

from ..common import styled
from ..image_grid import draw_image_grid


@styled
def draw(dataset: Dataset, predictions: Predictions) -> Figure:
    """A three-row grid, each image titled "Class: k Pred: p"; wrong ones framed in red."""
    if not np.array_equal(predictions.labels, dataset.labels):
        raise ValueError("the predictions are for another dataset: their labels differ")
    titles = [
        f"Class: {label} Pred: {guess}"
        for label, guess in zip(dataset.labels, predictions.predicted)
    ]
    wrong = predictions.predicted != dataset.labels
    # Wider panels than the training set's: "Class: k Pred: p" is a long title.
    fig = draw_image_grid(dataset.images, titles, wrong=wrong, panel_inches=1.35)
    n_wrong = int(wrong.sum())
    summary = f"{len(wrong) - n_wrong}/{len(wrong)} correct"
    if n_wrong:
        summary += f", {n_wrong} wrong (red frame)"
    fig.suptitle(summary, fontsize=10)
    return fig


def from_files(inputs, params) -> Figure:
    return draw(read_csv(inputs.dataset), read_predictions(inputs.predictions))
