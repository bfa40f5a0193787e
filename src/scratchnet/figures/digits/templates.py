"""softmax-templates.png: the single softmax layer's ten weight vectors as images.

Weight vector k scores how much an image looks like digit k: red pixels add to the
score where there is ink, blue ones subtract. One diverging colour scale, centred on
zero, for all ten.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure, SubFigure

from ...digits.runs import load_run
from ..common import PARAM_CMAP, new_figure, styled, symmetric_limit


def draw_templates(fig: Figure | SubFigure, W: np.ndarray, side: int, limit: float) -> list:
    """Ten images of ``W: (side * side, 10)`` on a 2x5 grid in ``fig``, colours from
    -limit to +limit, and a colour bar. Returns the ten AxesImage artists."""
    axes = fig.subplots(2, 5)
    artists = []
    for digit, ax in enumerate(axes.flat):
        artists.append(
            ax.imshow(W[:, digit].reshape(side, side), cmap=PARAM_CMAP, vmin=-limit, vmax=limit)
        )
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(f"digit {digit}", fontsize=9)
    fig.colorbar(artists[0], ax=axes, shrink=0.85, label="weight")
    return artists


@styled
def draw(W: np.ndarray, side: int) -> Figure:
    """``W: (side * side, 10)``, the trained weights."""
    fig = new_figure(8.5, 3.8)
    draw_templates(fig, W, side, symmetric_limit(W))
    fig.suptitle("Softmax regression: one weight image per digit")
    return fig


def from_files(inputs, params) -> Figure:
    W = load_run(inputs.run).snapshots["W1"][-1]
    return draw(W, int(np.sqrt(len(W))))
