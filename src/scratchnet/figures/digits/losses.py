"""digits-losses.png: validation accuracy per epoch for three losses, over several seeds."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ..common import new_figure, styled

LABELS = {
    "mse": "MSE on the outputs",
    "softmax_mse": "softmax, then MSE",
    "cross_entropy": "cross-entropy",
}
COLORS = {"mse": "#d62728", "softmax_mse": "#ff7f0e", "cross_entropy": "#1f77b4"}


@styled
def draw(val_accuracy: dict[str, np.ndarray], lr: float) -> Figure:
    """``val_accuracy``: loss key -> (seeds, epochs + 1). Mean line, min-max band."""
    fig = new_figure(8, 4.2)
    ax = fig.subplots()
    for key, runs in val_accuracy.items():
        epochs = np.arange(runs.shape[1])
        ax.fill_between(
            epochs, runs.min(axis=0), runs.max(axis=0), color=COLORS[key], alpha=0.2, lw=0
        )
        ax.plot(
            epochs,
            runs.mean(axis=0),
            color=COLORS[key],
            label=f"{LABELS[key]}: {runs[:, -1].mean():.1%} at the end",
        )
    n_seeds = next(iter(val_accuracy.values())).shape[0]
    ax.set(xlabel="epoch", ylabel="validation accuracy", xlim=(0, epochs[-1]), ylim=(0, 1.02))
    ax.set_title(
        f"Three losses, learning rate {lr:g}: mean of {n_seeds} seeds, band from worst to best"
    )
    ax.legend(loc="center right")  # between the curves that succeed and any that fail
    return fig


def from_files(inputs, params) -> Figure:
    accuracies = {}
    for key in LABELS:
        with np.load(getattr(inputs, key)) as arrays:
            accuracies[key] = arrays["val_accuracy"]
    return draw(accuracies, params.lr)
