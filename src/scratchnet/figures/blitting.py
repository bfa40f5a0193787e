"""Animation frames drawn fast: what changes is redrawn over a saved picture of the rest.

A figure laid out once keeps one geometry; the artists that change from frame to frame
are left out of a first draw, whose pixels become the background. Each frame restores
that background and draws only the changing artists and what a full draw puts above
them (their axes' frames and legends), so a frame is pixel for pixel the full redraw.
"""

from __future__ import annotations

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg


def freeze_background(canvas: FigureCanvasAgg, changing: list[Artist], titles: list[Artist]):
    """Mark ``changing`` (artists in axes), ``titles`` (figure texts) and what lies above
    the changing ones as animated, draw the rest and keep it. Returns the animated
    artists in the order a frame draws them, and the background to restore."""
    axes = list(dict.fromkeys(artist.axes for artist in changing))
    on_top = [spine for ax in axes for spine in ax.spines.values()]
    on_top += [ax.get_legend() for ax in axes if ax.get_legend() is not None]
    animated = [*changing, *titles, *on_top]
    for artist in animated:
        artist.set_animated(True)  # left out of canvas.draw(): the background
    canvas.draw()
    return animated, canvas.copy_from_bbox(canvas.figure.bbox)
