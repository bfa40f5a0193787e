"""plane-capacity.png: capacity. One hidden layer of 1, 2, 3, ... units on the noisier
moons: too few bend the boundary too little, more follow the training points, and the
gap between training and validation accuracy shows when they follow the noise."""

from __future__ import annotations

import math

from matplotlib.figure import Figure

from ...plane.datasets import PlaneData, load_data
from ...plane.grids import load_arrays
from ..common import new_figure, styled
from .panels import boundary_panel, listed

PANEL = 2.9  # inches per panel
PER_ROW = 3


@styled
def draw(data: PlaneData, boundaries: list[dict]) -> Figure:
    """One panel per width (``boundaries``: the runs' boundary files, narrowest first),
    its training and validation accuracy under it."""
    columns = min(PER_ROW, len(boundaries))
    rows = math.ceil(len(boundaries) / columns)
    fig = new_figure(PANEL * columns + 0.3, (PANEL + 0.45) * rows + 0.4)
    axes = fig.subplots(rows, columns, squeeze=False).ravel()
    for ax, boundary in zip(axes, boundaries):
        boundary_panel(ax, data, boundary, labels=False, under=True)
        (width,) = boundary["hidden"].tolist()
        unit = "unit" if width == 1 else "units"
        ax.set_title(
            f"{width} hidden {unit}: {int(boundary['parameters'])} parameters", fontsize=10
        )
    for ax in axes[len(boundaries) :]:
        ax.set_axis_off()
    fig.suptitle(f"{data.name}: one hidden layer, wider and wider")
    return fig


def from_files(inputs, params) -> Figure:
    boundaries = [load_arrays(path) for path in listed(inputs.boundaries)]
    return draw(load_data(inputs.data), sorted(boundaries, key=lambda b: int(b["hidden"][0])))
