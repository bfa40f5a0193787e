"""plane-hidden-view.png: the hidden layer's view. Above, the network's bent boundary in
the plane; below, the same points where the last hidden layer puts them, where the
output layer's boundary is a straight line (after Colah's "Neural Networks, Manifolds,
and Topology")."""

from __future__ import annotations

from matplotlib.figure import Figure

from ...plane.datasets import PlaneData, Split, load_data
from ...plane.grids import load_arrays
from ..common import new_figure, styled
from .panels import boundary_panel, draw_plane, draw_sets, listed, percent

PANEL = 3.2  # inches per panel
MIN_WIDTH = 6.6  # room for the title above one column


@styled
def draw(datasets: list[PlaneData], boundaries: list[dict], views: list[dict]) -> Figure:
    """Per dataset, a column: its network's ``boundaries`` file above, its hidden view
    (``plane.hidden_view``) below."""
    fig = new_figure(max(PANEL * len(datasets) + 0.4, MIN_WIDTH), 2 * PANEL + 0.9)
    axes = fig.subplots(2, len(datasets), squeeze=False)
    for column, (data, boundary, view) in enumerate(zip(datasets, boundaries, views)):
        top, bottom = axes[:, column]
        boundary_panel(top, data, boundary, labels=True)
        top.set_title(f"{data.name}: the input plane", fontsize=10)
        draw_hidden(bottom, view)
    fig.suptitle("The points as the last hidden layer sees them: there the boundary is straight")
    return fig


def draw_hidden(ax, view: dict) -> None:
    """The points at their hidden coordinates over the output layer's answer there."""
    c1, c2 = view["c1"], view["c2"]
    draw_plane(ax, c1, c2, view["probabilities"])
    train = Split(view["train"], None, view["train_labels"])
    draw_sets(ax, train, Split(view["valid"], None, view["valid_labels"]))
    ax.set(xlim=(c1[0], c1[-1]), ylim=(c2[0], c2[-1]))
    ax.set_box_aspect(1)
    if view["explained"][1] == 1:  # two units: the plane itself
        ax.set(xlabel="hidden unit 1", ylabel="hidden unit 2")
        ax.set_title("the last hidden layer's two units", fontsize=10)
    else:
        first, second = (percent(float(share)) for share in view["explained"])
        ax.set(xlabel=f"component 1 ({first})", ylabel=f"component 2 ({second})")
        ax.set_title("the last hidden layer's first two principal components", fontsize=10)


def from_files(inputs, params) -> Figure:
    return draw(
        [load_data(path) for path in listed(inputs.data)],
        [load_arrays(path) for path in listed(inputs.boundaries)],
        [load_arrays(path) for path in listed(inputs.views)],
    )
