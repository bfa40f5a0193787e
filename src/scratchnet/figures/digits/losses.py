"""digits-losses.png: validation accuracy per epoch for three losses, over several seeds."""

from __future__ import annotations

import warnings

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
    """``val_accuracy``: loss key -> (seeds, epochs + 1), NaN from the epoch a seed
    diverged. Mean line and min-max band over the seeds still running at each epoch."""
    fig = new_figure(8, 4.2)
    ax = fig.subplots()
    for key, runs in val_accuracy.items():
        epochs = np.arange(runs.shape[1])
        diverged = int(np.isnan(runs[:, -1]).sum())
        with warnings.catch_warnings():  # an epoch every seed diverged before is NaN
            warnings.simplefilter("ignore", RuntimeWarning)
            low, mean, high = (f(runs, axis=0) for f in (np.nanmin, np.nanmean, np.nanmax))
        ax.fill_between(epochs, low, high, color=COLORS[key], alpha=0.2, lw=0)
        end = "all diverged" if diverged == len(runs) else f"{mean[-1]:.1%} at the end"
        if 0 < diverged < len(runs):
            end += f", {diverged} of {len(runs)} seeds diverged"
        ax.plot(epochs, mean, color=COLORS[key], label=f"{LABELS[key]}: {end}")
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
