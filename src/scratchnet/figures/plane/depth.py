"""plane-depth.png: depth. On the spiral, one hidden layer beside two with about as many
parameters: their boundaries, and how their training losses fell."""

from __future__ import annotations

from matplotlib.figure import Figure

from ...plane.datasets import PlaneData, load_data
from ...plane.grids import load_arrays
from ...plane.runs import Run, load_run
from ..common import new_figure, styled
from .panels import architecture, boundary_panel

PANEL = 3.4  # inches per panel
COLOURS = {"shallow": "#1f77b4", "deep": "#2ca02c"}  # apart from the class colours


@styled
def draw(data: PlaneData, boundaries: dict[str, dict], runs: dict[str, Run]) -> Figure:
    """``boundaries`` and ``runs`` by name, "shallow" (one hidden layer) and "deep"."""
    fig = new_figure(3 * PANEL + 0.6, PANEL + 0.9)
    axes = fig.subplots(1, 3)
    for ax, name in zip(axes, ("shallow", "deep")):
        boundary = boundaries[name]
        boundary_panel(ax, data, boundary, labels=True, under=True)
        layers = len(boundary["hidden"])
        ax.set_title(
            f"{layers} hidden layer{'s' if layers > 1 else ''}: {architecture(boundary)}\n"
            f"{int(boundary['parameters'])} parameters",
            fontsize=10,
        )
    curves = axes[2]
    for name, run in runs.items():
        label = f"{architecture(boundaries[name])}"
        curves.plot(run.history.loss, color=COLOURS[name], label=f"{label}, training")
        curves.plot(run.history.val_loss, color=COLOURS[name], ls="--", label="validation")
    curves.set(xlabel="epoch", ylabel="cross-entropy (mean)", yscale="log")
    curves.set_box_aspect(1)
    curves.legend(loc="upper right", fontsize=8)
    curves.set_title("the losses", fontsize=10)
    fig.suptitle(f"{data.name}: one hidden layer or two, at about the same size")
    return fig


def from_files(inputs, params) -> Figure:
    names = ("shallow", "deep")
    return draw(
        load_data(inputs.data),
        {name: load_arrays(getattr(inputs, f"{name}_boundary")) for name in names},
        {name: load_run(getattr(inputs, f"{name}_run")) for name in names},
    )
