"""sweep-summary.png: validation accuracy against learning rate, one panel per
initialisation, one line per loss (mean over seeds, min-max band), diverged points marked."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ...digits.sweep import read_summary
from ..common import WRONG_COLOR, new_figure, styled
from .losses import COLORS, LABELS


@styled
def draw(rows: list[dict]) -> Figure:
    """``rows``: the summary's rows. Each point's accuracy is its best validation
    accuracy; a diverged point is drawn as a red cross at its best before diverging."""
    inits = sorted({r["init"] for r in rows}, key=["normal", "lecun", "glorot", "he"].index)
    losses = [key for key in LABELS if any(r["loss"] == key for r in rows)]
    lrs = sorted({r["lr"] for r in rows})
    fig = new_figure(3.2 * len(inits) + 0.6, 3.9)
    axes = np.atleast_1d(fig.subplots(1, len(inits), sharey=True))
    for ax, init in zip(axes, inits):
        for loss in losses:
            points = [r for r in rows if r["init"] == init and r["loss"] == loss]
            per_lr = [[r["best_val_accuracy"] for r in points if r["lr"] == lr] for lr in lrs]
            ax.fill_between(
                lrs,
                [min(a) for a in per_lr],
                [max(a) for a in per_lr],
                color=COLORS[loss],
                alpha=0.2,
                lw=0,
            )
            ax.plot(
                lrs,
                [np.mean(a) for a in per_lr],
                "o-",
                ms=3,
                color=COLORS[loss],
                label=LABELS[loss],
            )
            diverged = [r for r in points if r["diverged_epoch"] is not None]
            ax.plot(
                [r["lr"] for r in diverged],
                [r["best_val_accuracy"] for r in diverged],
                "x",
                color=WRONG_COLOR,
                ms=7,
                mew=1.5,
                zorder=3,
            )
        ax.set_xscale("log")
        ax.set(xlabel="learning rate", ylim=(0, 1.02), title=f"init: {init}")
    axes[0].set_ylabel("best validation accuracy")
    handles, labels = axes[0].get_legend_handles_labels()
    handles.append(axes[0].plot([], [], "x", color=WRONG_COLOR, ms=7, mew=1.5)[0])
    labels.append("diverged (best before)")
    seeds = len({r["seed"] for r in rows})
    fig.legend(handles, labels, loc="outside lower center", ncol=len(labels))
    fig.suptitle(f"Sweep: {len(rows)} trainings, mean over {seeds} seeds, band min to max")
    return fig


def from_files(inputs, params) -> Figure:
    return draw(read_summary(inputs.summary))
