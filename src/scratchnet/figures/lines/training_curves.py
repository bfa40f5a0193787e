"""training-curves.png: loss and accuracy per iteration, first full accuracy marked."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from scratchnet.lines.snapshots import load_history
from scratchnet.lines.training import first_full_accuracy

from ..common import ACCURACY_COLOR, LOSS_COLOR, MARK_COLOR, new_figure, styled


def style_loss_axes(
    ax: Axes, n_iterations: int, max_loss: float, ylabel: str = "loss (cross-entropy, summed)"
) -> None:
    """Fixed limits and labels, so a partial curve sits on the whole run's axes."""
    ax.set(xlim=(0, n_iterations), ylim=(0, max_loss * 1.05), xlabel="iteration", ylabel=ylabel)


def style_accuracy_axes(ax: Axes, n_iterations: int) -> None:
    """Fixed limits and labels for a training-accuracy panel."""
    ax.set(xlim=(0, n_iterations), ylim=(0, 1.05), xlabel="iteration", ylabel="accuracy")


@styled
def draw(loss: np.ndarray, accuracy: np.ndarray, first_full: int | None) -> Figure:
    """``loss, accuracy: (n+1,)`` per iteration; ``first_full`` is marked if not None."""
    n = len(loss) - 1
    iterations = np.arange(n + 1)
    fig = new_figure(9, 3.6)
    loss_ax, acc_ax = fig.subplots(1, 2)
    loss_ax.plot(iterations, loss, color=LOSS_COLOR)
    style_loss_axes(loss_ax, n, loss.max())
    loss_ax.set_title("Training loss")
    acc_ax.plot(iterations, accuracy, color=ACCURACY_COLOR, drawstyle="steps-post")
    style_accuracy_axes(acc_ax, n)
    acc_ax.set_title("Training accuracy")
    if first_full is not None:
        for ax in (loss_ax, acc_ax):
            ax.axvline(first_full, color=MARK_COLOR, ls="--", lw=1)
        acc_ax.annotate(
            f"first 100% at iteration {first_full}",
            xy=(first_full, 1.0),
            xytext=(first_full + 0.08 * n, 0.55),
            arrowprops=dict(arrowstyle="->", color=MARK_COLOR),
        )
    return fig


def from_files(inputs, params) -> Figure:
    history = load_history(inputs.history)
    return draw(history.loss, history.accuracy, first_full_accuracy(history))
