"""The figures' colours for the pages: matplotlib's colour tables as the browser needs them.

A page colours a value as matplotlib does: t = (value - vmin) / (vmax - vmin), then entry
floor(t * N) of the table (clipped to 0..N-1; N = 256), so a cell on the page has the
colour the same cell has in train-anim.gif.
"""

from __future__ import annotations

import matplotlib
import numpy as np

from ..figures import common
from ..figures.lines import training_animation

# The colour maps of the figures, by the role they play there (train-anim.gif, digits).
COLOUR_MAPS = {
    "parameter": common.PARAM_CMAP,
    "activation": training_animation.ACTIVATION_CMAP,
    "probability": training_animation.PROBABILITY_CMAP,
    "ink": "gray_r",  # the digits as digits-samples.png shows them: dark ink on white
}


def colour_table(name: str) -> list[str]:
    """The N entries of matplotlib's colour map ``name`` as "#rrggbb", the bytes its
    images are drawn with."""
    cmap = matplotlib.colormaps[name]
    rgba = cmap(np.arange(cmap.N), bytes=True)
    return [f"#{r:02x}{g:02x}{b:02x}" for r, g, b, _ in rgba]


def figure_colours() -> dict:
    """The colour tables of every role in ``COLOUR_MAPS`` and the figures' named colours
    (curves, right and wrong marks) as "#rrggbb"."""
    named = {
        "loss": common.LOSS_COLOR,
        "accuracy": common.ACCURACY_COLOR,
        "correct": common.CORRECT_COLOR,
        "wrong": common.WRONG_COLOR,
        "mark": common.MARK_COLOR,
    }
    return {
        "maps": {
            role: {"name": name, "table": colour_table(name)} for role, name in COLOUR_MAPS.items()
        },
        "named": {role: matplotlib.colors.to_hex(colour) for role, colour in named.items()},
    }
