"""train-anim-strip.png: the training animation on paper, a few of its frames side by side.

Drawn from the same snapshots as train-anim.gif, with its colour scales: one column per
moment (the start, the first 100% accuracy, the end, and halfway between), showing the
hidden weights W1 and the output probabilities A2 with a dot on each image's predicted
class (green right, red wrong); beneath, the loss over the whole run with the moments
marked.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import Normalize
from matplotlib.figure import Figure

from scratchnet.lines.datasets import PIXEL_COLUMNS, read_csv
from scratchnet.lines.network import predict
from scratchnet.lines.snapshots import load_history
from scratchnet.lines.training import IterationHistory

from ..common import (
    CORRECT_COLOR,
    LOSS_COLOR,
    MARK_COLOR,
    PARAM_CMAP,
    WRONG_COLOR,
    new_figure,
    styled,
    symmetric_limit,
)
from ..strip import strip_moments
from .training_animation import PROBABILITY_CMAP


@styled
def draw(history: IterationHistory, labels: np.ndarray) -> Figure:
    """``history`` of a run (W1: (n + 1, h, 9), A2: (n + 1, 2, m), loss and accuracy:
    (n + 1,)); ``labels: (m,)`` the training images' classes."""
    shown = strip_moments(history.accuracy)
    limit = symmetric_limit(history.W1, history.b1, history.W2, history.b2)
    weights_norm, probability_norm = Normalize(-limit, limit), Normalize(0, 1)
    n_hidden, n_in = history.W1.shape[1:]
    fig = new_figure(9, 4.4)
    grid = fig.add_gridspec(3, len(shown), height_ratios=[n_hidden, 2.4, 4])
    top = []
    for column, iteration in enumerate(shown):
        weights = fig.add_subplot(grid[0, column])
        top.append(weights)
        image = weights.imshow(history.W1[iteration], cmap=PARAM_CMAP, norm=weights_norm)
        weights.set_title(
            f"iteration {iteration}\nloss {history.loss[iteration]:.2f}, "
            f"{history.accuracy[iteration]:.0%}",
            fontsize=9,
        )
        weights.set_xticks(range(n_in), PIXEL_COLUMNS, fontsize=5, rotation=90)
        weights.set_yticks(range(n_hidden), range(1, n_hidden + 1), fontsize=6)
        outputs = fig.add_subplot(grid[1, column])
        probabilities = history.A2[iteration]
        outputs.imshow(probabilities, cmap=PROBABILITY_CMAP, norm=probability_norm, aspect="auto")
        predicted = predict(probabilities)
        colors = np.where(predicted == labels, CORRECT_COLOR, WRONG_COLOR)
        outputs.scatter(np.arange(len(labels)), predicted, s=9, c=colors, linewidths=0)
        outputs.set_xticks([])
        outputs.set_yticks([0, 1], ["0", "1"], fontsize=6)
        if column == 0:
            weights.set_ylabel("$W_1$: hidden unit", fontsize=8)
            outputs.set_ylabel("$A_2$: class", fontsize=8)
    fig.colorbar(image, ax=top, shrink=0.9, label="weight", pad=0.02)
    loss = fig.add_subplot(grid[2, :])
    loss.plot(np.arange(len(history.loss)), history.loss, color=LOSS_COLOR)
    loss.plot(shown, history.loss[shown], "o", color=LOSS_COLOR, ms=5)
    for iteration in shown:
        loss.axvline(iteration, color=MARK_COLOR, ls=":", lw=0.8)
    loss.set(xlim=(0, len(history.loss) - 1), ylim=(0, history.loss.max() * 1.05))
    loss.set(xlabel="iteration", ylabel="loss")
    loss.set_xticks(shown)
    return fig


def from_files(inputs, params) -> Figure:
    return draw(load_history(inputs.history), read_csv(inputs.train).labels)
