"""What every figure shares: the Agg backend, the one style file, colours and the saver."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display: the same pixels on every machine

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

STYLE_FILE = Path(__file__).with_name("scratchnet.mplstyle")
plt.style.use(STYLE_FILE)

CLASS_COLORS = ("#1f77b4", "#ff7f0e")  # vertical, horizontal
CORRECT_COLOR = "#2ca02c"
WRONG_COLOR = "#d62728"
PARAM_CMAP = "RdBu_r"  # diverging: negative blue, positive red, zero white

# Metadata that would change between runs (software version, creation date) is left out,
# so the same inputs give byte-identical files.
_STABLE_METADATA = {".png": {"Software": None}, ".svg": {"Date": None, "Creator": None}}


def new_figure(width: float, height: float) -> Figure:
    """A figure of ``width`` x ``height`` inches, outside pyplot's global state."""
    return Figure(figsize=(width, height), layout="constrained")


def save_figure(fig: Figure, path: str | Path, dpi: int) -> None:
    """Save ``fig`` to ``path`` (format from the suffix) without run-dependent metadata.

    Writes to a temporary name first, so an interrupted save never leaves a file that
    looks finished.
    """
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    fig.savefig(
        partial,
        format=path.suffix.lstrip("."),
        dpi=dpi,
        metadata=_STABLE_METADATA.get(path.suffix, {}),
    )
    os.replace(partial, path)


def symmetric_limit(*arrays) -> float:
    """The largest absolute value over ``arrays``: vmin=-limit, vmax=limit centres 0."""
    return max(float(abs(a).max()) for a in arrays) or 1.0
