"""What every picture of the plane shares: one colour per class, the plane shaded by the
predicted class and its confidence, the points on top, and axes in the data's units.

The model is scikit-learn's "Classifier comparison": each panel is the plane coloured
by the class the network predicts there, paler where it is less sure (white where every
class is as likely), training points solid, validation points faint, the score in a
corner. The class colours are Petroff's ten (matplotlib's ``petroff10``, 2024), chosen
to stay apart for colour-blind readers; written out here, as matplotlib before 3.10 has
none of them.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.ticker import ScalarFormatter

from ...plane.datasets import PlaneData, Split

CLASS_COLOURS = (
    "#3f90da",
    "#ffa90e",
    "#bd1f01",
    "#94a4a2",
    "#832db6",
    "#a96b59",
    "#e76300",
    "#b9ac70",
    "#717581",
    "#92dadd",
)
TINT = 0.55  # the shade of a region the network is sure of: 55% its class colour
BOUNDARY_COLOUR = "0.25"
VALID_ALPHA = 0.35
FEW_POINTS = 400  # up to this many points in a panel, each is drawn at full size


def shaded(probabilities: np.ndarray) -> np.ndarray:
    """(H, W, 3) RGB in [0, 1] for ``probabilities: (H, W, classes)``: each point the
    colour of its most likely class, mixed with white by how sure the network is (0 when
    every class has 1/classes, 1 when one has everything)."""
    probabilities = np.asarray(probabilities, dtype=np.float64)
    classes = probabilities.shape[-1]
    colours = np.array([to_rgb(c) for c in CLASS_COLOURS[:classes]])
    sure = (probabilities.max(axis=-1) - 1 / classes) / (1 - 1 / classes)
    mix = TINT * np.clip(sure, 0, 1)[..., None]
    return 1 - mix * (1 - colours[probabilities.argmax(axis=-1)])


def extent(x1: np.ndarray, x2: np.ndarray) -> tuple[float, float, float, float]:
    """The edges of a grid of cell centres ``x1`` (W,), ``x2`` (H,), for ``imshow``."""
    half1, half2 = (x1[1] - x1[0]) / 2, (x2[1] - x2[0]) / 2
    return (x1[0] - half1, x1[-1] + half1, x2[0] - half2, x2[-1] + half2)


def draw_plane(ax: Axes, x1: np.ndarray, x2: np.ndarray, probabilities: np.ndarray):
    """The plane shaded by ``probabilities`` (H, W, classes) on the grid ``x1``, ``x2``,
    with a thin line where the predicted class changes; returns the image."""
    image = ax.imshow(
        shaded(probabilities),
        extent=extent(x1, x2),
        origin="lower",
        aspect="auto",
        interpolation="bilinear",
    )
    draw_boundaries(ax, x1, x2, probabilities)
    return image


def draw_boundaries(ax: Axes, x1: np.ndarray, x2: np.ndarray, probabilities: np.ndarray) -> list:
    """A line around each class's region: where its probability meets the largest other.
    Returns the lines drawn (one contour set per class that has a region)."""
    lines = []
    for k in range(probabilities.shape[-1]):
        others = np.delete(probabilities, k, axis=-1).max(axis=-1)
        margin = probabilities[..., k].astype(np.float64) - others
        lines += zero_line(ax, x1, x2, margin, colors=BOUNDARY_COLOUR, linewidths=0.8)
    return lines


def zero_line(ax: Axes, x1: np.ndarray, x2: np.ndarray, values: np.ndarray, **style) -> list:
    """The line where ``values`` (H, W) on the grid ``x1``, ``x2`` is 0, if it crosses 0
    there: a list of the one contour set drawn, or an empty list."""
    if not values.min() < 0 < values.max():
        return []
    return [ax.contour(x1, x2, values, levels=[0], **style)]


def draw_points(
    ax: Axes, split: Split, *, faint: bool, size: float = 14, crowd: int | None = None
) -> None:
    """``split``'s points in their class colours: solid with a white rim, or ``faint``.
    In a panel of more than ``FEW_POINTS`` points (``crowd``; default: the split's), each
    is smaller, its area as 1 / sqrt(points), so thousands do not bury one another."""
    colours = np.array(CLASS_COLOURS)[split.labels]
    shrink = min(1.0, (FEW_POINTS / (crowd or len(split.labels))) ** 0.5)
    if faint:
        ax.scatter(*split.points.T, s=size * shrink, c=colours, alpha=VALID_ALPHA, linewidths=0)
    else:
        rim = 0.5 * shrink
        ax.scatter(*split.points.T, s=size * shrink, c=colours, edgecolors="white", linewidths=rim)


def draw_sets(ax: Axes, train: Split, valid: Split, *, size: float = 14) -> None:
    """The validation points faint, then the training points solid on top."""
    crowd = len(train.labels) + len(valid.labels)
    draw_points(ax, valid, faint=True, size=size, crowd=crowd)
    draw_points(ax, train, faint=False, size=size, crowd=crowd)


def style_plane_axes(
    ax: Axes, x1: np.ndarray, x2: np.ndarray, *, labels: bool = True, ticks: bool = True
) -> None:
    """Square axes from the first to the last point of the grid ``x1``, ``x2`` (a boundary
    picture's cells, drawn centred on them, overhang by half a cell, cut off), in the
    data's units: plain numbers, no
    offset (1500, 2000 reads better than +1.5e3, 0.5), named x1 and x2."""
    ax.set(xlim=(x1[0], x1[-1]), ylim=(x2[0], x2[-1]))
    ax.set_box_aspect(1)
    for axis in (ax.xaxis, ax.yaxis):
        formatter = ScalarFormatter(useOffset=False)
        formatter.set_powerlimits((-4, 6))
        axis.set_major_formatter(formatter)
    if labels:
        ax.set_xlabel("x1")
        ax.set_ylabel("x2")
    if not ticks:
        ax.set_xticks([])
        ax.set_yticks([])


def corner_score(ax: Axes, text: str) -> None:
    """``text`` (a score) in the lower right corner, on a pale box, as scikit-learn's
    comparison writes it."""
    ax.text(
        0.97,
        0.03,
        text,
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=8,
        bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor="none", alpha=0.8),
    )


def percent(fraction: float) -> str:
    """0.925 -> "92.5%"; 1.0 -> "100%"."""
    return f"{100 * fraction:.1f}".removesuffix(".0") + "%"


def listed(paths) -> list:
    """A rule's input as a list: one path, or several (Snakemake's named inputs are either)."""
    return [paths] if isinstance(paths, str) else list(paths)


def boundary_panel(
    ax: Axes, data: PlaneData, boundary: dict, *, labels: bool, under: bool = False
) -> None:
    """A trained network's panel: the plane shaded by its ``boundary`` (a file of
    ``plane.grids.boundary``), ``data``'s validation points faint, its training points on
    top; its validation accuracy in a corner, or ``under`` it both accuracies."""
    x1, x2 = boundary["x1"], boundary["x2"]
    draw_plane(ax, x1, x2, boundary["probabilities"])
    draw_sets(ax, data.train, data.valid)
    style_plane_axes(ax, x1, x2, labels=labels and not under)
    valid = percent(float(boundary["valid_accuracy"]))
    if under:
        train = percent(float(boundary["train_accuracy"]))
        ax.set_xlabel(f"training {train}, validation {valid}")
    else:
        corner_score(ax, f"validation {valid}")


def architecture(boundary: dict) -> str:
    """ "2-8-2-2 tanh", from a boundary file: the layers' sizes and the activation."""
    sizes = [2, *boundary["hidden"].tolist(), boundary["probabilities"].shape[-1]]
    activation = str(boundary["activation"])
    return "-".join(map(str, sizes)) + ("" if activation == "none" else f" {activation}")
