"""misclassified.png: test images the reference model got wrong, true and predicted."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure

from ...digits.data import load_split
from ..common import WRONG_COLOR, new_figure, styled

MAX_SHOWN = 24
COLUMNS = 8


@styled
def draw(images: np.ndarray, labels: np.ndarray, predicted: np.ndarray) -> Figure:
    """The first ``MAX_SHOWN`` images of ``images: (n, side, side)`` whose prediction is
    wrong, in test-set order."""
    wrong = np.flatnonzero(predicted != labels)
    shown = wrong[:MAX_SHOWN]
    columns = max(1, min(COLUMNS, len(shown)))
    rows = max(1, math.ceil(len(shown) / columns))
    fig = new_figure(max(columns * 1.05, 4.5), rows * 1.25 + 0.45)
    axes = fig.subplots(rows, columns, squeeze=False)
    brightest = float(images.max()) or 1.0
    for ax in axes.flat:
        ax.set_axis_off()
    for ax, index in zip(axes.flat, shown):
        ax.set_axis_on()
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_color(WRONG_COLOR)
        ax.imshow(images[index], cmap="gray_r", vmin=0, vmax=brightest)
        ax.set_title(
            f"true {labels[index]}\npred {predicted[index]}", fontsize=8, color=WRONG_COLOR
        )
    more = f", the first {len(shown)} shown" if len(wrong) > len(shown) else ""
    fig.suptitle(f"{len(wrong)} of {len(labels)} test images misclassified{more}")
    return fig


def from_files(inputs, params) -> Figure:
    test = load_split(inputs.test)
    with np.load(inputs.predictions) as arrays:
        return draw(test.images, arrays["labels"], arrays["predicted"])
