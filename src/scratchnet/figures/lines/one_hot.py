"""y_enc.png: the one-hot label matrix Y, one column per training example."""

from __future__ import annotations

from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure

from scratchnet.lines.datasets import CLASS_NAMES, Dataset, read_csv
from scratchnet.lines.network import one_hot

from ..common import new_figure, styled


@styled
def draw(train: Dataset) -> Figure:
    """Y: (2, m) in black (0) and white (1), with a colourbar."""
    Y = one_hot(train.labels, len(CLASS_NAMES))
    fig = new_figure(8, 1.9)
    ax = fig.add_subplot()
    binary = ListedColormap(["black", "white"])
    image = ax.imshow(Y, cmap=binary, norm=BoundaryNorm([-0.5, 0.5, 1.5], 2), aspect="auto")
    m = Y.shape[1]
    ax.set_xticks(range(m), range(1, m + 1))
    ax.set_yticks(range(len(CLASS_NAMES)), [f"{k}: {CLASS_NAMES[k]}" for k in CLASS_NAMES])
    ax.set_xlabel("training example")
    ax.set_title("One-hot labels Y: row k is 1 where the class is k")
    fig.colorbar(image, ax=ax, ticks=[0, 1], fraction=0.05, pad=0.01)
    return fig


def from_files(inputs, params) -> Figure:
    return draw(read_csv(inputs.train))
