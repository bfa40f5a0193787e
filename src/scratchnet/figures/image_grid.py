"""A grid of 3x3 images with a title each: the building block of the dataset figures."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from .common import WRONG_COLOR, new_figure

PANEL_INCHES = 1.05
ROWS = 3  # the tutorial's grids: 24 images as 3x8, 18 as 3x6
MAX_COLUMNS = 12  # past 36 images, more rows (a reader's own set may be large)


def draw_image_grid(
    images: np.ndarray,
    titles: Sequence[str],
    wrong: Sequence[bool] | None = None,
    panel_inches: float = PANEL_INCHES,
) -> Figure:
    """Show ``images: (m, 3, 3)`` (0 black .. 1 white) row by row, three rows deep (at
    most ``MAX_COLUMNS`` a row, then more rows).

    Images flagged in ``wrong`` get a red title and a thick red frame.
    """
    n_cols = min(MAX_COLUMNS, math.ceil(len(images) / ROWS))
    n_rows = math.ceil(len(images) / n_cols)
    fig = new_figure(n_cols * panel_inches, n_rows * panel_inches + 0.1)
    axes = fig.subplots(n_rows, n_cols, squeeze=False)
    wrong = wrong if wrong is not None else [False] * len(images)
    for ax in axes.flat:
        ax.set_axis_off()
    for ax, image, title, is_wrong in zip(axes.flat, images, titles, wrong):
        ax.set_axis_on()
        ax.imshow(image, cmap="gray", vmin=0, vmax=1)
        ax.set_xticks([])
        ax.set_yticks([])
        color = WRONG_COLOR if is_wrong else "black"
        for spine in ax.spines.values():
            spine.set_visible(True)
            spine.set_color(color)
            spine.set_linewidth(3 if is_wrong else 0.8)
        ax.set_title(title, fontsize=8, color=color, fontweight="bold" if is_wrong else None)
    return fig
