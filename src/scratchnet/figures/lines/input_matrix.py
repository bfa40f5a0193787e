"""x0.png: the network's input matrix, one column per training image."""

from __future__ import annotations

from matplotlib.figure import Figure

from scratchnet.lines.datasets import PIXEL_COLUMNS, Dataset, read_csv

from ..common import new_figure, styled


@styled
def draw(train: Dataset) -> Figure:
    """x0: (9, m) as a grayscale heatmap (0 black .. 1 white) with a colourbar."""
    x0 = train.x0()
    fig = new_figure(8, 3.4)
    ax = fig.add_subplot()
    image = ax.imshow(x0, cmap="gray", vmin=0, vmax=1)
    ax.set_yticks(range(len(PIXEL_COLUMNS)), PIXEL_COLUMNS)
    ax.set_xticks(range(x0.shape[1]), range(1, x0.shape[1] + 1))
    ax.set_ylabel("pixel (column_row)")
    ax.set_xlabel("training example")
    ax.set_title(r"Input matrix $x_0$: 9 pixels $\times$ %d examples" % x0.shape[1])
    fig.colorbar(image, ax=ax, label="intensity", shrink=0.9)
    return fig


def from_files(inputs, params) -> Figure:
    return draw(read_csv(inputs.train))
