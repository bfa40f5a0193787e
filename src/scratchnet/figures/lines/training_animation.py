"""train-anim.gif: the network's parameters, activations and curves as training runs.

The figure is built and drawn once. Its static part (axes, ticks, labels, colourbars) is
kept as a background; each frame restores it, updates only the artists that change
(image data, dots, curves, the numbers in the title), draws just those ("blitting")
and grabs the pixels. Every static artist lies beneath every changing one, so a blitted
frame is pixel-identical to a full redraw. The marks of the first full accuracy never change
once shown: from then on they are part of the background. Colour scales are fixed for
the whole run so frames compare.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import Normalize

from scratchnet.lines.datasets import CLASS_NAMES, PIXEL_COLUMNS
from scratchnet.lines.network import predict
from scratchnet.lines.training import IterationHistory, first_full_accuracy

from ..common import (
    ACCURACY_COLOR,
    CORRECT_COLOR,
    LOSS_COLOR,
    MARK_COLOR,
    PARAM_CMAP,
    WRONG_COLOR,
    new_figure,
    styled,
    symmetric_limit,
)
from ..gif_stream import GifStream, shared_palette
from .training_curves import style_accuracy_axes, style_loss_axes

FIGSIZE = (11, 7.2)
TITLE_LABELS = ("Iteration", "loss", "accuracy")  # each followed by its number
ACTIVATION_CMAP = "viridis"
PROBABILITY_CMAP = "gray"  # 1 is white, as in y_enc.png; neutral beside green/red dots


class TrainingAnimation:
    """Renders frames of one training run: ``frame(iteration) -> (H, W, 4)`` RGBA pixels."""

    @styled
    def __init__(self, history: IterationHistory, labels: np.ndarray, dpi: int):
        self.history = history
        self.labels = labels
        self.first_full = first_full_accuracy(history)
        self.fig = new_figure(*FIGSIZE)
        self.fig.set_dpi(dpi)
        self.canvas = FigureCanvasAgg(self.fig)
        self._build()
        # Lay the figure out once, then freeze it: every frame has the same geometry.
        self.canvas.draw()
        self.fig.set_layout_engine("none")
        self._split_title()
        self._animated = self._changing_artists()
        for artist in self._animated:
            artist.set_animated(True)  # left out of canvas.draw(): the background
        self._background = None
        self._background_shows_marks = None

    def _changing_artists(self) -> list:
        """The artists a frame updates, in the order a full draw paints them; every other
        artist of their axes is moved beneath them."""
        changing = {
            *self.images.values(),
            self.dots,
            self.loss_line,
            self.accuracy_line,
            self.loss_head,
            self.accuracy_head,
        }
        ordered = []
        for ax in self.fig.axes:
            mine = [a for a in ax.get_children() if a in changing]
            if not mine:
                continue
            bottom = min(a.get_zorder() for a in mine)
            for static in (*ax.spines.values(), ax.xaxis, ax.yaxis):
                static.set_zorder(min(static.get_zorder(), bottom - 0.5))
            ordered += sorted(mine, key=lambda a: a.get_zorder())  # stable, as in a draw
        return ordered + self.title_numbers  # the figure draws its texts after its axes

    def _restore_background(self, iteration: int) -> None:
        """Paint the background of the frame at ``iteration``: with the full-accuracy
        marks from their iteration on. Drawn again only when that changes (a few times
        per part: the palette's sample frames come first), where the marks' text would
        otherwise be drawn every frame, and text is the costliest artist."""
        shows_marks = self._shows_full_marks(iteration)
        if shows_marks != self._background_shows_marks:  # _update has set them so
            self._background = None  # free it before drawing the next
            self.canvas.draw()
            self._background = self.canvas.copy_from_bbox(self.fig.bbox)
            self._background_shows_marks = shows_marks
        self.canvas.restore_region(self._background)

    def _shows_full_marks(self, iteration: int) -> bool:
        return self.first_full is not None and iteration >= self.first_full

    def _build(self) -> None:
        h = self.history
        n = h.iterations
        param_norm = Normalize(-(limit := symmetric_limit(h.W1, h.b1, h.W2, h.b2)), limit)
        activation_norm = Normalize(0, max(float(h.A1.max()), 1e-9))
        probability_norm = Normalize(0, 1)
        m = len(self.labels)
        n_hidden, n_in = h.W1.shape[1:]
        n_out = h.W2.shape[1]

        # Columns: weights, biases, parameter colourbar | activations, their colourbars.
        grid = self.fig.add_gridspec(
            3, 5, height_ratios=[n_hidden, n_out + 1.5, 5], width_ratios=[n_in, 1.3, 0.5, m, 0.5]
        )
        self.images = {}
        panels = {
            "W1": (grid[0, 0], param_norm, PARAM_CMAP, f"{n_in} input pixels", "hidden unit"),
            "b1": (grid[0, 1], param_norm, PARAM_CMAP, "", ""),
            "A1": (grid[0, 3], activation_norm, ACTIVATION_CMAP, "training example", ""),
            "W2": (grid[1, 0], param_norm, PARAM_CMAP, f"{n_hidden} hidden units", "class"),
            "b2": (grid[1, 1], param_norm, PARAM_CMAP, "", ""),
            "A2": (grid[1, 3], probability_norm, PROBABILITY_CMAP, "training example", ""),
        }
        titles = {
            "W1": "$W_1$",
            "b1": "$b_1$",
            "A1": "$A_1$ = ReLU($z_1$)",
            "W2": "$W_2$",
            "b2": "$b_2$",
            "A2": "$A_2$ = softmax($z_2$); dot = prediction",
        }
        for name, (spec, norm, cmap, xlabel, ylabel) in panels.items():
            ax = self.fig.add_subplot(spec)
            data = getattr(h, name)[0]
            self.images[name] = ax.imshow(data, cmap=cmap, norm=norm, aspect="auto")
            ax.set_title(titles[name], fontsize=10)
            rows, cols = data.shape
            ax.set_yticks(range(rows), range(1, rows + 1))
            ax.set_xticks(range(cols) if cols > 1 else [], minor=False)
            ax.tick_params(labelbottom=cols > 1, labelsize=7)
            if cols > 1:
                ax.set_xticklabels(range(1, cols + 1), fontsize=6)
            ax.set_xlabel(xlabel, fontsize=8)
            ax.set_ylabel(ylabel, fontsize=8)
            if name == "W1":  # columns are input pixels, named as in x0.png
                ax.set_xticks(range(cols), PIXEL_COLUMNS, fontsize=6, rotation=90)
            if name in ("W2", "A2"):  # rows are output units, one per class
                ax.set_yticks(range(rows), [f"{k}: {CLASS_NAMES[k]}" for k in range(rows)])
            if name in ("b1", "b2"):  # rows as in the weights beside them
                ax.tick_params(labelleft=False)
            if name == "A2":
                self.a2_axes = ax

        colorbars = (
            ("W1", grid[:2, 2], "parameter value"),
            ("A1", grid[0, 4], "activation"),
            ("A2", grid[1, 4], "probability"),
        )
        for name, spec, label in colorbars:
            self.fig.colorbar(self.images[name], cax=self.fig.add_subplot(spec), label=label)

        predicted = predict(h.A2[0])
        self.dots = self.a2_axes.scatter(
            np.arange(m),
            predicted,
            s=55,
            c=self._dot_colors(predicted),
            edgecolors="white",
            linewidths=1.2,
            zorder=3,
        )

        curves = grid[2, :].subgridspec(1, 2, wspace=0.25)
        loss_ax = self.fig.add_subplot(curves[0])
        acc_ax = self.fig.add_subplot(curves[1])
        style_loss_axes(loss_ax, n, float(h.loss.max()), ylabel="loss")
        style_accuracy_axes(acc_ax, n)
        loss_ax.set_title("Training loss", fontsize=10)
        acc_ax.set_title("Training accuracy", fontsize=10)
        (self.loss_line,) = loss_ax.plot([], [], color=LOSS_COLOR)
        (self.accuracy_line,) = acc_ax.plot([], [], color=ACCURACY_COLOR, drawstyle="steps-post")
        # A dot at the current iteration, so even frame 0 (a single point) shows a value.
        (self.loss_head,) = loss_ax.plot([], [], "o", color=LOSS_COLOR, ms=5)
        (self.accuracy_head,) = acc_ax.plot([], [], "o", color=ACCURACY_COLOR, ms=5)
        # Beneath the curves (zorder 2), so that they can be part of the background.
        self.full_marks = []
        if self.first_full is not None:
            for ax in (loss_ax, acc_ax):
                mark = ax.axvline(
                    self.first_full, color=MARK_COLOR, ls="--", lw=1, zorder=1.5, visible=False
                )
                self.full_marks.append(mark)
            self.full_marks.append(
                acc_ax.text(
                    self.first_full,
                    0.08,
                    f" 100% at iteration {self.first_full}",
                    color=MARK_COLOR,
                    fontsize=8,
                    zorder=1.5,
                    visible=False,
                )
            )
        # The whole title line with its widest numbers, so the layout leaves room for it;
        # then split in two (_split_title).
        widest = "    ".join(
            f"{label} {number}" for label, number in zip(TITLE_LABELS, self._widest_numbers())
        )
        self.title = self.fig.suptitle(widest, fontsize=13, fontweight="bold")

    def _split_title(self) -> None:
        """Replace the laid-out title line by its labels, drawn once as background, and its
        numbers, redrawn every frame: text is the costliest artist (every glyph is
        rendered anew), and this takes a fifth off a 100-dpi frame. Each number has a
        slot as wide as its widest value, so the labels stay put."""
        renderer = self.canvas.get_renderer()
        font = self.title.get_fontproperties()

        def width(text: str) -> float:  # in pixels
            return renderer.get_text_width_height_descent(text, font, ismath=False)[0]

        space = width("0 0") - width("00")
        slots = []  # (text, width up to the next text), left to right
        for label, number in zip(TITLE_LABELS, self._widest_numbers()):
            slots += [(label, width(label) + space), (number, width(number) + 4 * space)]
        slots[-1] = (slots[-1][0], width(slots[-1][0]))
        _, y = self.title.get_position()
        va = self.title.get_verticalalignment()
        self.title.remove()
        x = (self.fig.bbox.width - sum(w for _, w in slots)) / 2
        self.title_numbers = []
        for position, (text, slot_width) in enumerate(slots):
            part = self.fig.text(
                x / self.fig.bbox.width, y, text, ha="left", va=va, fontproperties=font
            )
            if position % 2:  # label, number, label, number, ...
                self.title_numbers.append(part)
            x += slot_width

    def _widest_numbers(self) -> tuple[str, str, str]:
        h = self.history  # loss and accuracy are >= 0: the largest has the most digits
        return self._title_numbers(h.iterations, h.loss.max(), h.accuracy.max())

    def _title_numbers(self, iteration: int, loss: float, accuracy: float) -> tuple[str, ...]:
        return f"{iteration}", f"{loss:.3f}", f"{accuracy:.0%}"

    def _dot_colors(self, predicted: np.ndarray) -> list[str]:
        return [CORRECT_COLOR if ok else WRONG_COLOR for ok in predicted == self.labels]

    @styled
    def frame(self, iteration: int) -> np.ndarray:
        """Pixels of the frame at ``iteration``: (H, W, 4) RGBA uint8 (opaque), a copy owned
        by the caller."""
        self._update(iteration)
        self._restore_background(iteration)
        for artist in self._animated:
            self.fig.draw_artist(artist)
        return self._pixels()

    @styled
    def redrawn_frame(self, iteration: int) -> np.ndarray:
        """The same frame drawn from scratch, without blitting: the reference for tests."""
        self._update(iteration)
        for artist in self._animated:
            artist.set_animated(False)
        try:
            self.canvas.draw()
        finally:
            for artist in self._animated:
                artist.set_animated(True)
        return self._pixels()

    def _pixels(self) -> np.ndarray:
        # The canvas reuses its buffer on the next draw: copy the pixels out.
        return np.array(self.canvas.buffer_rgba())

    def _update(self, iteration: int) -> None:
        """Set every changing artist to its state at ``iteration``."""
        h = self.history
        for name, image in self.images.items():
            # The cells' colours, (rows, cols, 4) RGBA: given the values instead,
            # matplotlib would normalise and colour-map the whole enlarged image.
            image.set_data(image.cmap(image.norm(getattr(h, name)[iteration]), bytes=True))
        predicted = predict(h.A2[iteration])
        self.dots.set_offsets(np.column_stack([np.arange(len(predicted)), predicted]))
        self.dots.set_facecolors(self._dot_colors(predicted))
        shown = np.arange(iteration + 1)
        self.loss_line.set_data(shown, h.loss[: iteration + 1])
        self.accuracy_line.set_data(shown, h.accuracy[: iteration + 1])
        self.loss_head.set_data([iteration], [h.loss[iteration]])
        self.accuracy_head.set_data([iteration], [h.accuracy[iteration]])
        for mark in self.full_marks:
            mark.set_visible(self._shows_full_marks(iteration))
        numbers = self._title_numbers(iteration, h.loss[iteration], h.accuracy[iteration])
        for text, number in zip(self.title_numbers, numbers):
            text.set_text(number)


@styled  # once for the whole part, not once per frame
def write_gif_part(
    history: IterationHistory,
    labels: np.ndarray,
    path: str | Path,
    *,
    iterations: list[int],
    palette: list[int],
    before: int | None,
    duration_ms: int,
    dpi: int,
    progress=None,
) -> int:
    """Stream the frames of ``iterations``, one part of the animation, to the GIF ``path``.

    Every part fits the same palette (to the frames of the iterations ``palette``) and,
    after the first, starts with the change from the previous part's last frame, the
    iteration ``before``, so the parts join into one animation (``join_gif_parts``).
    ``scratchnet.figures.frames`` shares the frames out. Returns the number of frames
    written.
    """
    animation = TrainingAnimation(history, labels, dpi)
    colours = shared_palette(animation.frame(i) for i in palette)
    previous = animation.frame(before) if before is not None else None
    size = animation.fig.canvas.get_width_height()
    report_every = max(1, len(iterations) // 5)
    with GifStream(path, colours, size, duration_ms, previous=previous) as gif:
        for number, iteration in enumerate(iterations, start=1):
            gif.append(animation.frame(iteration))
            if progress and (number % report_every == 0 or number == len(iterations)):
                progress(f"frame {number}/{len(iterations)} (iteration {iteration})")
    return gif.frames_written
