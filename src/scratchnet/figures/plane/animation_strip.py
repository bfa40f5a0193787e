"""plane-anim-strip.png: the boundary's animation on paper, a few of its frames in a row.

Drawn from the same frames file as plane-anim.gif: the start, the first frame at 100%
training accuracy if there is one, the end, and halfway between (``strip_moments`` over
the frames), each titled with its epoch and accuracies.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from ...plane.datasets import PlaneData, load_data
from ...plane.grids import load_arrays
from ...plane.runs import Run, load_run
from ..common import new_figure, styled
from ..strip import strip_moments
from .panels import draw_plane, draw_points, percent, style_plane_axes

PANEL = 2.4  # inches per frame


@styled
def draw(run: Run, data: PlaneData, frames: dict) -> Figure:
    """``frames``: a frames file's arrays (``plane.grids.boundary_frames``)."""
    epochs, h = frames["epochs"], run.history
    shown = strip_moments(h.accuracy[epochs])
    fig = new_figure(PANEL * len(shown) + 0.3, PANEL + 0.75)
    axes = fig.subplots(1, len(shown), squeeze=False)[0]
    for ax, k in zip(axes, shown):
        epoch = int(epochs[k])
        draw_plane(ax, frames["x1"], frames["x2"], frames["probabilities"][k])
        draw_points(ax, data.train, faint=False, size=8)
        style_plane_axes(ax, frames["x1"], frames["x2"], labels=False)
        ax.set_title(
            f"epoch {epoch}\ntraining {percent(h.accuracy[epoch])}, "
            f"validation {percent(h.val_accuracy[epoch])}",
            fontsize=8,
        )
    fig.suptitle(f"{data.name}: the boundary as it forms, one update per epoch")
    return fig


def from_files(inputs, params) -> Figure:
    return draw(load_run(inputs.run), load_data(inputs.data), load_arrays(inputs.frames))
