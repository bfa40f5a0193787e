"""plane-anim.gif: the main run's boundary forming, update by update.

Each frame is the plane coloured by the class the network predicts after that epoch
(one update of full-batch descent), paler where it is less sure, the training points on
top, beside the training and validation losses drawn up to that epoch. The frames'
epochs are the frames file's (``plane.grids.boundary_frames``): every epoch at first,
where the boundary moves fastest, then further apart. The figure is laid out once and
only what changes is redrawn over a saved background, so every frame has one size.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from ...plane.datasets import PlaneData
from ...plane.runs import Run
from ..blitting import freeze_background
from ..common import LOSS_COLOR, MARK_COLOR, new_figure, styled
from ..gif_stream import write_frames
from .panels import draw_boundaries, draw_points, percent, shaded, style_plane_axes

FIGSIZE = (10, 4.6)
VALID_COLOR = "#9467bd"  # the validation curves' colour in part two's animation


class BoundaryAnimation:
    """The animation's figure at ``dpi``; ``frame(k)`` gives frame k's pixels.

    ``frames``: a frames file's arrays (``x1``, ``x2``, ``epochs`` (F,), ``probabilities``
    (F, H, W, classes)); ``run``: its history gives the curves and the title's numbers.
    """

    def __init__(self, run: Run, data: PlaneData, frames: dict, dpi: int):
        self.history, self.frames, self.name = run.history, frames, data.name
        self.epochs = frames["epochs"]
        self.fig = new_figure(*FIGSIZE)
        self.fig.set_dpi(dpi)
        self.canvas = FigureCanvasAgg(self.fig)
        plane_ax, loss_ax = self.fig.subplots(1, 2, width_ratios=(1, 1.15))
        x1, x2 = frames["x1"], frames["x2"]
        self.plane_ax = plane_ax
        self.image = plane_ax.imshow(
            shaded(frames["probabilities"][0]),
            extent=(x1[0], x1[-1], x2[0], x2[-1]),
            origin="lower",
            aspect="auto",
            interpolation="bilinear",
        )
        draw_points(plane_ax, data.train, faint=False)
        self.points = plane_ax.collections[-1]
        style_plane_axes(plane_ax, x1, x2)
        self.contours = []
        self._build_curves(loss_ax)
        # A title of full length during the layout, so the layout leaves it room.
        self.title = self.fig.suptitle(self._title_text(len(self.epochs) - 1))
        self.canvas.draw()  # lay out once; every frame then has the same geometry
        self.fig.set_layout_engine("none")
        changing = [self.image, self.points, *self.curves.values(), self.marker]
        self.animated, self._background = freeze_background(self.canvas, changing, [self.title])

    def _build_curves(self, ax) -> None:
        h, last = self.history, len(self.history.loss) - 1
        self.curves = {
            "loss": ax.plot([], [], color=LOSS_COLOR, label="training")[0],
            "val_loss": ax.plot([], [], color=VALID_COLOR, label="validation")[0],
        }
        self.marker = ax.axvline(0, color=MARK_COLOR, ls="--", lw=1)
        top = max(h.loss.max(), h.val_loss.max()) * 1.05
        ax.set(xlim=(0, last), ylim=(0, top), xlabel="epoch (one update each)")
        ax.set_ylabel("cross-entropy (mean)")
        ax.legend(loc="upper right")

    def _title_text(self, k: int) -> str:
        epoch = int(self.epochs[k])
        h = self.history
        return (
            f"{self.name}, epoch {epoch}: training accuracy {percent(h.accuracy[epoch])}, "
            f"validation {percent(h.val_accuracy[epoch])}"
        )

    def frame(self, k: int) -> np.ndarray:
        """Frame ``k``'s pixels (epoch ``epochs[k]``): (H, W, 4) RGBA uint8, a copy."""
        probabilities = self.frames["probabilities"][k]
        self.image.set_data(shaded(probabilities))
        for contour in self.contours:
            contour.remove()
        self.contours = self._boundary_lines(probabilities)
        epoch = int(self.epochs[k])
        shown = np.arange(epoch + 1)
        for name, line in self.curves.items():
            line.set_data(shown, getattr(self.history, name)[: epoch + 1])
        self.marker.set_xdata([epoch, epoch])
        self.title.set_text(self._title_text(k))
        self.canvas.restore_region(self._background)
        # In a full draw's order: the plane's image, points and lines by their zorder
        # (lines over points), then the curves, the title and what lies over them.
        plane = sorted([self.image, self.points, *self.contours], key=lambda a: a.get_zorder())
        for artist in plane + self.animated[2:]:
            self.fig.draw_artist(artist)
        return np.array(self.canvas.buffer_rgba())

    def _boundary_lines(self, probabilities: np.ndarray) -> list:
        """The lines around each class's region, animated: drawn over the background."""
        lines = draw_boundaries(self.plane_ax, self.frames["x1"], self.frames["x2"], probabilities)
        for line in lines:
            line.set_animated(True)
        return lines


@styled
def write_gif(
    run: Run,
    data: PlaneData,
    frames: dict,
    path: str | Path,
    *,
    duration_ms: int,
    dpi: int,
    progress=None,
) -> int:
    """Stream one GIF frame per frame of ``frames`` to ``path``; returns the frame count."""
    animation = BoundaryAnimation(run, data, frames, dpi)
    count = len(frames["epochs"])
    return write_frames(path, animation.frame, count, duration_ms=duration_ms, progress=progress)
