"""plane-hidden-layer.png: why a hidden layer. Softmax regression draws one straight
boundary, which cannot part a ring from a disc or XOR's corners; a network with hidden
layers bends it. One row per dataset, the two models side by side."""

from __future__ import annotations

from matplotlib.figure import Figure

from ...plane.datasets import PlaneData, load_data
from ...plane.grids import load_arrays
from ..common import new_figure, styled
from .panels import architecture, boundary_panel, listed

PANEL = 3.2  # inches per panel


@styled
def draw(datasets: list[PlaneData], linear: list[dict], network: list[dict]) -> Figure:
    """Per dataset, ``linear`` (softmax regression's boundary file) beside ``network``'s."""
    fig = new_figure(2 * PANEL + 0.6, PANEL * len(datasets) + 0.5)
    axes = fig.subplots(len(datasets), 2, squeeze=False)
    for row, (data, *boundaries) in enumerate(zip(datasets, linear, network)):
        for column, boundary in enumerate(boundaries):
            ax = axes[row, column]
            boundary_panel(ax, data, boundary, labels=True)
            model = "softmax regression" if column == 0 else "network"
            ax.set_title(f"{data.name}: {model} {architecture(boundary)}", fontsize=10)
    fig.suptitle("A straight boundary, and one bent by hidden layers")
    return fig


def from_files(inputs, params) -> Figure:
    return draw(
        [load_data(path) for path in listed(inputs.data)],
        [load_arrays(path) for path in listed(inputs.linear)],
        [load_arrays(path) for path in listed(inputs.network)],
    )
