"""The plane as a grid of points, and what a network answers at each of them.

A grid spans the data's points with a margin, in the data's own units (so figures keep
them on their axes); when the two coordinates' spans are within a factor
``SQUARE_UP_TO`` of each other, both get the larger span, so a figure with square panels
shows the data in its true shape. The network sees each grid point standardised as the
data's points are. Figures draw the boundary pictures from these files only.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np

from .. import nn
from ..atomic import save_npz
from ..nn.modules import softmax
from .datasets import PlaneData
from .runs import Run, parameter_count

MARGIN = 0.1  # of a coordinate's span, on both sides
SQUARE_UP_TO = 2.0


class Grid(NamedTuple):
    """x1: (W,) and x2: (H,), the grid's coordinates in the data's units, increasing;
    the point of row i, column j is (x1[j], x2[i])."""

    x1: np.ndarray
    x2: np.ndarray

    def points(self) -> np.ndarray:
        """(H * W, 2): every grid point, row by row."""
        x1, x2 = np.meshgrid(self.x1, self.x2)
        return np.column_stack([x1.ravel(), x2.ravel()])


def plane_grid(data: PlaneData, *, resolution: int) -> Grid:
    """A ``resolution`` x ``resolution`` grid over ``data``'s training and validation
    points, with a margin of ``MARGIN`` of the span on every side."""
    points = np.concatenate([data.train.points, data.valid.points])
    low, high = points.min(axis=0), points.max(axis=0)
    centre, span = (low + high) / 2, high - low
    if span.max() <= SQUARE_UP_TO * span.min():
        span = np.full(2, span.max())
    half = (0.5 + MARGIN) * span
    axes = [np.linspace(c - h, c + h, resolution) for c, h in zip(centre, half)]
    return Grid(*axes)


# --8<-- [start:probabilities_on]
def probabilities_on(model: nn.Sequential, data: PlaneData, grid: Grid) -> np.ndarray:
    """(H, W, classes): the network's class probabilities at every grid point."""
    logits = model(data.standardise(grid.points()))
    return softmax(logits).reshape(len(grid.x2), len(grid.x1), -1)
    # --8<-- [end:probabilities_on]


# --8<-- [start:units_on]
def units_on(model: nn.Sequential, data: PlaneData, grid: Grid) -> dict[str, np.ndarray]:
    """Each layer's output at every grid point, (H, W, units): ``layer1`` (the first
    Linear layer's pre-activations, whose 0 line is the unit's line), ``hidden1``,
    ``hidden2``, ... (each hidden layer's activations), ``logits``."""
    shape = (len(grid.x2), len(grid.x1), -1)
    x = data.standardise(grid.points())
    responses = {}
    hidden = 0
    for position, layer in enumerate(model.layers):
        x = layer(x)
        if position == 0:
            responses["layer1"] = x.reshape(shape)
        if not isinstance(layer, nn.Linear):
            hidden += 1
            responses[f"hidden{hidden}"] = x.reshape(shape)
    responses["logits"] = x.reshape(shape)
    return responses
    # --8<-- [end:units_on]


def boundary(run: Run, data: PlaneData, grid: Grid) -> dict[str, np.ndarray]:
    """A boundary picture of the trained ``run``: the grid (``x1``, ``x2``), the class
    ``probabilities`` (H, W, classes) on it in float32 (colours need no more), and what
    a panel says of the run: its ``hidden`` layers' sizes and ``activation`` ("none"
    without), its number of ``parameters``,
    its final ``train_accuracy`` and ``valid_accuracy``."""
    probabilities = probabilities_on(run.model(), data, grid)
    hidden = run.settings["hidden"]
    return {
        **grid._asdict(),
        "probabilities": probabilities.astype(np.float32),
        "hidden": np.array(hidden, dtype=np.int64),
        "activation": np.array(run.settings["activation"] or "none"),
        "parameters": np.array(parameter_count([2, *hidden, data.classes])),
        "train_accuracy": run.history.accuracy[-1],
        "valid_accuracy": run.history.val_accuracy[-1],
    }


def unit_responses(run: Run, data: PlaneData, grid: Grid) -> dict[str, np.ndarray]:
    """Every unit of the trained ``run`` over the plane: the grid (``x1``, ``x2``) and
    ``units_on``'s responses, in float32."""
    responses = units_on(run.model(), data, grid)
    return {**grid._asdict(), **{k: v.astype(np.float32) for k, v in responses.items()}}


# --8<-- [start:frame_epochs]
def frame_epochs(epochs: int, frames: int) -> np.ndarray:
    """``frames`` epochs from 0 to ``epochs``, denser at the start, where the boundary
    moves fastest: evenly spaced in the square root of the epoch (then pushed apart to
    be distinct): for 300 epochs in 50 frames, 0 to 8, then 10, 12, 15, ..., 288, 300."""
    if not 2 <= frames <= epochs + 1:
        raise ValueError(f"frames {frames}; expected 2 to epochs + 1 = {epochs + 1}")
    shown = np.round(epochs * np.linspace(0, 1, frames) ** 2).astype(int)
    for k in range(1, frames):
        shown[k] = max(shown[k], shown[k - 1] + 1)
    return shown
    # --8<-- [end:frame_epochs]


def boundary_frames(run: Run, data: PlaneData, grid: Grid, *, frames: int) -> dict:
    """The animation's frames: ``epochs`` (F,) chosen by ``frame_epochs``, and the class
    ``probabilities`` (F, H, W, classes) after each, beside the grid (``x1``, ``x2``). In
    float16, a quarter of float64's bytes: a shade needs three digits."""
    shown = frame_epochs(len(run.history.loss) - 1, frames)
    probabilities = np.stack(
        [probabilities_on(run.model(epoch), data, grid).astype(np.float16) for epoch in shown]
    )
    return {**grid._asdict(), "epochs": shown, "probabilities": probabilities}


def save_arrays(arrays: dict[str, np.ndarray], path: str | Path) -> None:
    """Write a grid's arrays (``boundary``, ``boundary_frames``) to the ``.npz`` at ``path``."""
    save_npz(path, arrays)


def load_arrays(path: str | Path) -> dict[str, np.ndarray]:
    """Read the arrays written by ``save_arrays``."""
    with np.load(path) as arrays:
        return {name: arrays[name] for name in arrays.files}
