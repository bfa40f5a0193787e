"""nn.svg: the network as nodes and every connection, drawn from the layer sizes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from scratchnet.lines.datasets import CLASS_NAMES, PIXEL_COLUMNS

from ..common import new_figure, styled

NODE_RADIUS = 0.28
LAYER_GAP = 3.2
LAYER_COLORS = ("#d9d9d9", "#9ecae1", "#fdae6b")


def _node_positions(sizes: Sequence[int]) -> list[np.ndarray]:
    """Centre of every node, one (n, 2) array per layer, layers centred vertically."""
    return [
        np.column_stack([np.full(n, i * LAYER_GAP), (n - 1) / 2 - np.arange(n)])
        for i, n in enumerate(sizes)
    ]


@styled
def draw(
    n_in: int,
    n_hidden: int,
    n_out: int,
    input_names: Sequence[str],
    output_names: Sequence[str],
) -> Figure:
    """The n_in-n_hidden-n_out network with captions like "Input layer in R^9"."""
    sizes = (n_in, n_hidden, n_out)
    layers = _node_positions(sizes)
    height = max(sizes)
    fig = new_figure(7, 0.55 * height + 1.6)
    ax = fig.add_subplot()
    ax.set_aspect("equal")
    ax.set_axis_off()

    edges = [[a, b] for left, right in zip(layers, layers[1:]) for a in left for b in right]
    ax.add_collection(LineCollection(edges, colors="0.55", linewidths=0.6, zorder=1))
    for positions, color in zip(layers, LAYER_COLORS):
        for x, y in positions:
            ax.add_patch(Circle((x, y), NODE_RADIUS, fc=color, ec="black", lw=0.8, zorder=2))

    for (x, y), name in zip(layers[0], input_names):
        ax.text(x - NODE_RADIUS - 0.12, y, name, ha="right", va="center", fontsize=8)
    for (x, y), name in zip(layers[-1], output_names):
        ax.text(x + NODE_RADIUS + 0.12, y, name, ha="left", va="center", fontsize=9)

    captions = (
        rf"Input layer in $\mathbb{{R}}^{{{n_in}}}$",
        rf"Hidden layer in $\mathbb{{R}}^{{{n_hidden}}}$" + "\n(ReLU)",
        rf"Output layer in $\mathbb{{R}}^{{{n_out}}}$" + "\n(softmax)",
    )
    top = (height - 1) / 2 + 0.7
    for i, caption in enumerate(captions):
        ax.text(i * LAYER_GAP, top, caption, ha="center", va="bottom", fontsize=10)
    for i, name in enumerate((r"$W_1, b_1$", r"$W_2, b_2$")):
        ax.text((i + 0.5) * LAYER_GAP, -(height - 1) / 2 - 0.6, name, ha="center", va="top")

    ax.set_xlim(-1.6, (len(sizes) - 1) * LAYER_GAP + 2.0)
    ax.set_ylim(-(height - 1) / 2 - 1.2, top + 1.2)
    return fig


def from_files(inputs, params) -> Figure:
    return draw(
        n_in=len(PIXEL_COLUMNS),
        n_hidden=params.hidden,
        n_out=len(CLASS_NAMES),
        input_names=[f"pixel {name}" for name in PIXEL_COLUMNS],
        output_names=[f"{k}: {name}" for k, name in CLASS_NAMES.items()],
    )
