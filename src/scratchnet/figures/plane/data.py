"""plane-data.png: the datasets of part three (or the reader's), training and validation
points marked apart, each in its own units."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ...plane.datasets import PlaneData, load_data
from ...plane.grids import plane_grid
from ..common import new_figure, styled
from .panels import VALID_ALPHA, draw_sets, listed, style_plane_axes

PANEL = 3.0  # inches per panel
MIN_WIDTH = 6.0  # room for the title of one panel


@styled
def draw(datasets: list[PlaneData]) -> Figure:
    """One panel per dataset: its training points solid, its validation points faint."""
    fig = new_figure(max(PANEL * len(datasets) + 0.4, MIN_WIDTH), PANEL + 0.9)
    axes = fig.subplots(1, len(datasets), squeeze=False)[0]
    for ax, data in zip(axes, datasets):
        grid = plane_grid(data, resolution=2)  # its corners: the boundary pictures' limits
        draw_sets(ax, data.train, data.valid)
        style_plane_axes(ax, *grid)
        ax.set_title(_panel_title(data, alone=len(datasets) == 1))
    fig.legend(handles=marker_legend(), loc="outside lower center", ncols=2)
    fig.suptitle(_title(datasets))
    return fig


def marker_legend() -> list[Line2D]:
    """Legend handles: a solid dot for training points, a faint one for validation."""
    dot = dict(marker="o", linestyle="", color="0.35", markersize=6)
    return [
        Line2D([], [], **dot, markeredgecolor="white", label="training"),
        Line2D([], [], **dot, alpha=VALID_ALPHA, markeredgewidth=0, label="validation"),
    ]


def _title(datasets: list[PlaneData]) -> str:
    if len(datasets) == 1:
        data = datasets[0]
        return (
            f"{data.name}\n{len(data.train.labels)} training points (solid), "
            f"{len(data.valid.labels)} for validation (faint)"
        )
    return "The datasets, each drawn twice: training points (solid), as many for validation (faint)"


def _panel_title(data: PlaneData, *, alone: bool) -> str:
    """ "moons: 2 classes of 100 points" (per split), or "3 classes"; without the name if
    the panel is ``alone`` (the figure's title names it)."""
    counts = set(np.bincount(data.train.labels)) | set(np.bincount(data.valid.labels))
    title = f"{data.classes} classes"
    if len(counts) == 1:
        title += f" of {counts.pop()} points"
    return title if alone else f"{data.name}: {title}"


def from_files(inputs, params) -> Figure:
    return draw([load_data(path) for path in listed(inputs.data)])
