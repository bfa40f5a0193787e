"""digits-training.png: the first training's loss and accuracy per epoch, on the 100
images it trains on and on the validation set it never sees."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ...digits.data import load_split
from ...digits.runs import load_run
from ..common import ACCURACY_COLOR, LOSS_COLOR, MARK_COLOR, new_figure, styled

VALID_COLOR = "#9467bd"


@styled
def draw(history, n_images: int, n_valid: int) -> Figure:
    """``history``: an ``nn.EpochHistory`` with validation fields, entries for epochs 0..E, its
    losses summed over the ``n_images`` training and ``n_valid`` validation images."""
    epochs = np.arange(len(history.loss))
    fig = new_figure(10, 3.8)
    loss_ax, acc_ax = fig.subplots(1, 2)
    loss_ax.plot(
        epochs, history.loss / n_images, color=LOSS_COLOR, label=f"the {n_images} training images"
    )
    loss_ax.plot(epochs, history.val_loss / n_valid, color=VALID_COLOR, label="validation set")
    loss_ax.set(
        xlabel="epoch", ylabel="cross-entropy per image", xlim=(0, epochs[-1]), ylim=(0, None)
    )
    loss_ax.set_title("Loss")
    loss_ax.legend()
    acc_ax.plot(
        epochs,
        history.accuracy,
        color=ACCURACY_COLOR,
        drawstyle="steps-post",
        label=f"the {n_images} training images",
    )
    acc_ax.plot(
        epochs,
        history.val_accuracy,
        color=VALID_COLOR,
        drawstyle="steps-post",
        label="validation set",
    )
    gap = history.accuracy[-1] - history.val_accuracy[-1]
    acc_ax.annotate(
        f"gap {gap:.0%}",
        xy=(epochs[-1], history.val_accuracy[-1]),
        xytext=(epochs[-1] * 0.62, history.val_accuracy[-1] - 0.25),
        color=MARK_COLOR,
        arrowprops=dict(arrowstyle="->", color=MARK_COLOR),
    )
    acc_ax.set(xlabel="epoch", ylabel="accuracy", xlim=(0, epochs[-1]), ylim=(0, 1.05))
    acc_ax.set_title("Accuracy")
    acc_ax.legend(loc="lower right")
    return fig


def from_files(inputs, params) -> Figure:
    n_valid = len(load_split(inputs.valid).labels)
    return draw(load_run(inputs.run).history, params.images, n_valid)
