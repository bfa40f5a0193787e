"""digits-anim-strip.png: the templates' animation on paper, a few of its frames as rows.

Drawn from the same snapshots as digits-anim.gif, with its one colour scale: a row of the
ten weight images per moment (the start, the first 100% training accuracy if reached, the
end, and halfway between), titled with the epoch and the validation accuracy then.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ...digits.runs import SavedRun, load_run
from ..common import PARAM_CMAP, new_figure, styled, symmetric_limit
from ..strip import strip_moments


@styled
def draw(run: SavedRun) -> Figure:
    """``run.snapshots["W1"]: (epochs + 1, side * side, 10)``; its history's accuracy and
    val_accuracy: (epochs + 1,)."""
    W = run.snapshots["W1"]
    side = int(np.sqrt(W.shape[1]))
    shown = strip_moments(run.history.accuracy)
    limit = symmetric_limit(W)
    fig = new_figure(9, 0.95 * len(shown) + 0.5)
    axes = fig.subplots(len(shown), 10, squeeze=False)
    for row, epoch in zip(axes, shown):
        for digit, ax in enumerate(row):
            image = ax.imshow(
                W[epoch][:, digit].reshape(side, side), cmap=PARAM_CMAP, vmin=-limit, vmax=limit
            )
            ax.set_xticks([])
            ax.set_yticks([])
        accuracy = run.history.val_accuracy[epoch]
        row[0].set_ylabel(
            f"epoch {epoch}\n{accuracy:.1%}", fontsize=8, rotation=0, ha="right", va="center"
        )
    for digit, ax in enumerate(axes[0]):
        ax.set_title(f"digit {digit}", fontsize=9)
    fig.colorbar(image, ax=axes, shrink=0.6, label="weight", pad=0.02)
    fig.suptitle("Softmax regression's weight images, by epoch (with the validation accuracy)")
    return fig


def from_files(inputs, params) -> Figure:
    return draw(load_run(inputs.run))
