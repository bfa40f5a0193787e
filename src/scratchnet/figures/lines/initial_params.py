"""mat-init.png: W1, b1, W2, b2 at initialisation as heatmaps on one colour scale."""

from __future__ import annotations

from matplotlib.colors import Normalize
from matplotlib.figure import Figure

from scratchnet.lines.datasets import CLASS_NAMES, PIXEL_COLUMNS
from scratchnet.lines.network import Params
from scratchnet.lines.snapshots import load_history

from ..common import PARAM_CMAP, new_figure, styled, symmetric_limit


@styled
def draw(params: Params) -> Figure:
    """Four heatmaps, a diverging map centred on 0 and one shared colourbar.

    Shapes: W1 (h, n_in), b1 (h, 1), W2 (n_out, h), b2 (n_out, 1).
    """
    limit = symmetric_limit(*params)
    norm = Normalize(-limit, limit)
    h, n_in = params.W1.shape
    fig = new_figure(10, 4.0)
    # Width ratios equal to column counts give every heatmap the same square cell size;
    # an empty column between the layers keeps W2's row labels clear of b1.
    gap = 2
    grid = fig.add_gridspec(1, 5, width_ratios=[n_in, 1, gap, h, 1])
    labels = {
        "W1": (f"{n_in} input pixels", f"{h} hidden units"),
        "b1": ("", ""),
        "W2": (f"{h} hidden units", "output unit"),
        "b2": ("", ""),
    }
    for spec, (name, value) in zip((grid[0], grid[1], grid[3], grid[4]), params._asdict().items()):
        ax = fig.add_subplot(spec)
        image = ax.imshow(value, cmap=PARAM_CMAP, norm=norm)
        rows, cols = value.shape
        ax.set_title(rf"${name[0]}_{name[1]}$" + f"\n{rows}" + r"$\times$" + f"{cols}")
        ax.set_xticks(range(cols), range(1, cols + 1) if cols > 1 else [""])
        ax.tick_params(bottom=cols > 1)
        ax.set_yticks(range(rows), range(1, rows + 1))
        xlabel, ylabel = labels[name]
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        if name == "W1" and n_in == len(PIXEL_COLUMNS):  # pixels named as in x0.png
            ax.set_xticks(range(n_in), PIXEL_COLUMNS, rotation=90)
        if name == "W2":  # one output unit per class
            ax.set_yticks(range(rows), [f"{k}: {CLASS_NAMES[k]}" for k in range(rows)])
        if name in ("b1", "b2"):  # rows as in the weights beside them
            ax.tick_params(labelleft=False)
    fig.colorbar(image, ax=fig.axes, label="value at initialisation", shrink=0.8)
    fig.suptitle("Parameters at initialisation")
    return fig


def from_files(inputs, params) -> Figure:
    return draw(load_history(inputs.history).params_at(0))
