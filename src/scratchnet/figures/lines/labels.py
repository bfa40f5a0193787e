"""y.png: the training labels as a strip, one cell per example, coloured by class."""

from __future__ import annotations

import numpy as np
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure

from scratchnet.lines.datasets import CLASS_NAMES, Dataset, read_csv

from ..common import CLASS_COLORS, new_figure, styled


@styled
def draw(train: Dataset) -> Figure:
    """The labels (1, m) as a strip of class colours, with a two-entry colourbar."""
    # A list, not the tuple: matplotlib 3.8.0 reads a 2-tuple of colours as (colour, alpha).
    cmap = ListedColormap(list(CLASS_COLORS))
    norm = BoundaryNorm([-0.5, 0.5, 1.5], cmap.N)
    fig = new_figure(8, 1.5)
    ax = fig.add_subplot()
    image = ax.imshow(train.labels[np.newaxis, :], cmap=cmap, norm=norm, aspect="auto")
    m = len(train.labels)
    ax.set_xticks(range(m), range(1, m + 1))
    ax.set_yticks([0], ["y"])
    ax.set_xlabel("training example")
    ax.set_title("Labels y")
    colorbar = fig.colorbar(image, ax=ax, ticks=[0, 1], fraction=0.05, pad=0.01)
    colorbar.ax.set_yticklabels([f"{k}: {CLASS_NAMES[k]}" for k in (0, 1)])
    return fig


def from_files(inputs, params) -> Figure:
    return draw(read_csv(inputs.train))
