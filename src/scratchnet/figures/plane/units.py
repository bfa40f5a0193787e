"""plane-units.png: what each hidden unit computes, as TensorFlow Playground shows it.

Left, the training points with the line each unit of the first hidden layer draws: where
its pre-activation w . x + b is 0 (one side it is positive, the other negative). Right,
each hidden unit's activation over the plane as a small map, layer by layer: the first
layer's units are soft steps across their lines; the next layer's combine them into
curves; the output layer's boundary (shaded, left) combines the last.
"""

from __future__ import annotations

import math

from matplotlib.figure import Figure

from ...plane.datasets import PlaneData, load_data
from ...plane.grids import load_arrays
from ..common import new_figure, styled, symmetric_limit
from .panels import draw_plane, draw_points, extent, style_plane_axes, zero_line

ACTIVATION_CMAP = "PiYG"  # diverging around 0, and apart from the class colours
PER_ROW = 4  # thumbnails per row; a wider layer takes several rows
LINE_COLOUR = "0.15"


@styled
def draw(data: PlaneData, units: dict, boundary: dict) -> Figure:
    """``units``: a units file (``plane.grids.unit_responses``: ``layer1``, ``hidden1``,
    ... (H, W, units)); ``boundary``: the run's boundary file."""
    layers = sorted((k for k in units if k.startswith("hidden")), key=lambda k: int(k[6:]))
    rows = [math.ceil(units[k].shape[-1] / PER_ROW) for k in layers]
    fig = new_figure(10.5, max(4.6, 1.25 * sum(rows) + 0.9))
    left, right = fig.subfigures(1, 2, width_ratios=(1, 1.25))
    _draw_lines(left.subplots(), data, units, boundary)
    axes = right.subplots(sum(rows), PER_ROW, squeeze=False)
    limit = symmetric_limit(*(units[k] for k in layers))
    first_row = 0
    for number, (key, count) in enumerate(zip(layers, rows), start=1):
        group = axes[first_row : first_row + count].ravel()
        image = _draw_thumbnails(group, units, key, limit, first=number == 1)
        group[0].text(
            -0.25, 0.5, f"layer {number}", transform=group[0].transAxes, rotation=90,
            ha="right", va="center", fontsize=10,
        )  # fmt: skip
        first_row += count
    right.colorbar(image, ax=axes, shrink=0.6, pad=0.02, aspect=25, label="activation")
    right.suptitle("each hidden unit's activation over the plane", fontsize=10)
    fig.suptitle(f"{data.name}: what each hidden unit computes")
    return fig


def _draw_lines(ax, data: PlaneData, units: dict, boundary: dict) -> None:
    """The final boundary, the training points, and each first-layer unit's 0 line."""
    x1, x2 = units["x1"], units["x2"]
    draw_plane(ax, boundary["x1"], boundary["x2"], boundary["probabilities"])
    draw_points(ax, data.train, faint=False, size=10)
    for unit in range(units["layer1"].shape[-1]):
        style = dict(colors=LINE_COLOUR, linewidths=1.0, linestyles="--")
        for line in zero_line(ax, x1, x2, units["layer1"][..., unit], **style):
            ax.clabel(line, fmt={0: str(unit + 1)}, fontsize=8, inline_spacing=2)
    style_plane_axes(ax, x1, x2)
    ax.set_title("the first layer's lines: w . x + b = 0", fontsize=10)


def _draw_thumbnails(axes, units: dict, key: str, limit: float, *, first: bool):
    """One small map per unit of layer ``key`` on ``axes`` (spare ones left blank), on the
    colour scale -``limit`` to ``limit``; the first layer's with its units' lines."""
    maps = units[key]
    for unit, ax in enumerate(axes):
        ax.set_axis_off()
        ax.set_box_aspect(1)
        if unit >= maps.shape[-1]:
            continue
        image = ax.imshow(
            maps[..., unit], cmap=ACTIVATION_CMAP, vmin=-limit, vmax=limit, origin="lower",
            extent=extent(units["x1"], units["x2"]), aspect="auto", interpolation="bilinear",
        )  # fmt: skip
        if first:
            style = dict(colors=LINE_COLOUR, linewidths=0.6, linestyles="--")
            zero_line(ax, units["x1"], units["x2"], units["layer1"][..., unit], **style)
        ax.set_title(f"unit {unit + 1}", fontsize=8)
    return image


def from_files(inputs, params) -> Figure:
    return draw(load_data(inputs.data), load_arrays(inputs.units), load_arrays(inputs.boundary))
