"""digits-anim.gif: the softmax regression's ten templates sharpening, epoch by epoch.

Each frame shows the weights after one more epoch beside the loss and accuracy curves
drawn up to that epoch, a marker at the current one. Colour and axis scales are fixed
for the whole run (from every epoch's values), so a change on screen is a change in the
weights, never a rescaling. The figure is built once and only the changing artists are
redrawn per frame, over a saved background; frames stream into a GIF with one palette.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg

from ...digits.runs import SavedRun
from ..blitting import freeze_background
from ..common import ACCURACY_COLOR, LOSS_COLOR, new_figure, styled, symmetric_limit
from ..gif_stream import write_frames
from .templates import draw_templates

FIGSIZE = (12, 3.6)
VALID_COLOR = "#9467bd"


class DigitsAnimation:
    """The animation's figure at ``dpi``; ``frame(epoch)`` gives that epoch's pixels."""

    def __init__(self, run: SavedRun, dpi: int):
        self.W = run.snapshots["W1"]  # (epochs + 1, pixels, 10)
        self.history = run.history
        self.side = int(np.sqrt(self.W.shape[1]))
        self.fig = new_figure(*FIGSIZE)
        self.fig.set_dpi(dpi)
        self.canvas = FigureCanvasAgg(self.fig)
        left, right = self.fig.subfigures(1, 2, width_ratios=(1.5, 1))
        self.images = draw_templates(left, self.W[0], self.side, symmetric_limit(self.W))
        # A title of full length during the layout, so the layout leaves it room.
        self.title = left.suptitle(self._title_text(len(self.history.loss) - 1))
        self._build_curves(right)
        self.canvas.draw()  # lay out once; every frame then has the same geometry
        self.fig.set_layout_engine("none")
        # Only these change from frame to frame: drawn over a saved background of the
        # rest (ticks, labels, colour bar), pixel for pixel a full redraw (tested). What a
        # full draw puts above them, their axes' frames and legends, is redrawn after them.
        changing = [*self.images, *self.curves.values(), *self.markers]
        self.animated, self._background = freeze_background(self.canvas, changing, [self.title])

    def _build_curves(self, fig) -> None:
        loss_ax, acc_ax = fig.subplots(2, 1, sharex=True)
        h, last = self.history, len(self.history.loss) - 1
        self.curves = {
            "loss": loss_ax.plot([], [], color=LOSS_COLOR, label="training")[0],
            "val_loss": loss_ax.plot([], [], color=VALID_COLOR, label="validation")[0],
            "accuracy": acc_ax.plot([], [], color=ACCURACY_COLOR, label="training")[0],
            "val_accuracy": acc_ax.plot([], [], color=VALID_COLOR, label="validation")[0],
        }
        self.markers = [ax.axvline(0, color="0.3", ls="--", lw=1) for ax in (loss_ax, acc_ax)]
        top_loss = max(h.loss.max(), h.val_loss.max()) * 1.05
        loss_ax.set(xlim=(0, last), ylim=(0, top_loss), ylabel="cross-entropy (mean)")
        low = min(h.accuracy.min(), h.val_accuracy.min())
        acc_ax.set(xlim=(0, last), ylim=(max(0, low - 0.05), 1.01), ylabel="accuracy")
        acc_ax.set_xlabel("epoch")
        loss_ax.legend(loc="upper right")
        acc_ax.legend(loc="lower right")

    def _title_text(self, epoch: int) -> str:
        accuracy = self.history.val_accuracy[epoch]
        return f"Softmax regression, epoch {epoch}: validation accuracy {accuracy:.1%}"

    def frame(self, epoch: int) -> np.ndarray:
        """Pixels after ``epoch`` epochs: (H, W, 4) RGBA uint8, a copy owned by the caller."""
        for digit, image in enumerate(self.images):
            image.set_data(self.W[epoch][:, digit].reshape(self.side, self.side))
        epochs = np.arange(epoch + 1)
        for name, line in self.curves.items():
            line.set_data(epochs, getattr(self.history, name)[: epoch + 1])
        for marker in self.markers:
            marker.set_xdata([epoch, epoch])
        self.title.set_text(self._title_text(epoch))
        self.canvas.restore_region(self._background)
        for artist in self.animated:
            self.fig.draw_artist(artist)
        # The canvas reuses its buffer on the next draw: copy the pixels out.
        return np.array(self.canvas.buffer_rgba())


@styled
def write_gif(run: SavedRun, path: str | Path, *, duration_ms: int, dpi: int, progress=None) -> int:
    """Stream one frame per epoch (0..E) to the GIF ``path``; returns the frame count."""
    animation = DigitsAnimation(run, dpi)
    frames = len(run.history.loss)
    return write_frames(path, animation.frame, frames, duration_ms=duration_ms, progress=progress)
