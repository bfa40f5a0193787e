"""The points as the last hidden layer sees them, where the output layer draws a line.

The output layer is a softmax regression on the last hidden layer's activations: in
their space, its boundary between two classes is straight. With two hidden units that
space is a plane, shown as it is; with more, the plane of its first two principal
components (over the training points), through their mean, where the picture is the
output layer's answer in that plane only.
"""

from __future__ import annotations

import numpy as np

from .. import nn
from ..nn.modules import softmax
from .datasets import PlaneData
from .grids import MARGIN
from .runs import Run


def hidden_view(run: Run, data: PlaneData, *, resolution: int) -> dict[str, np.ndarray]:
    """The trained ``run``'s last hidden layer's view of ``data``:

    ``train``, ``valid``: (n, 2) each point's two coordinates there; ``axes``: (2, units)
    the directions they are measured along, from ``origin`` (units,) (the units
    themselves, or the two principal components); ``explained``: (2,) the share of the
    activations' variance along each (1 and 1 with two units, which show everything);
    ``c1`` (W,), ``c2`` (H,): a ``resolution``-square grid over the points, and
    ``probabilities`` (H, W, classes): the output layer's answer on it.
    """
    model = run.model()
    if len(model.layers) < 3:
        raise ValueError("a softmax regression has no hidden layer to see through")
    # --8<-- [start:hidden_coordinates]
    body, output = nn.Sequential(model.layers[:-1]), model.layers[-1]
    hidden = {split: body(getattr(data, split).x) for split in ("train", "valid")}
    # --8<-- [end:hidden_coordinates]
    origin, axes, explained = _directions(hidden["train"])
    coords = {split: (h - origin) @ axes.T for split, h in hidden.items()}
    both = np.concatenate(list(coords.values()))
    low, high = both.min(axis=0), both.max(axis=0)
    pad = MARGIN * (high - low).max()
    c1, c2 = (np.linspace(lo - pad, hi + pad, resolution) for lo, hi in zip(low, high))
    g1, g2 = np.meshgrid(c1, c2)
    grid = origin + np.column_stack([g1.ravel(), g2.ravel()]) @ axes
    probabilities = softmax(output(grid)).reshape(resolution, resolution, -1)
    return {
        **coords,
        "train_labels": data.train.labels,
        "valid_labels": data.valid.labels,
        "origin": origin,
        "axes": axes,
        "explained": explained,
        "c1": c1,
        "c2": c2,
        "probabilities": probabilities.astype(np.float32),
    }


def _directions(h: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(origin (units,), axes (2, units), explained (2,)) for activations ``h: (n, units)``:
    the units themselves if there are one or two, else the first two principal components, each
    signed so that its largest entry is positive (an SVD may flip a component's sign)."""
    units = h.shape[1]
    if units <= 2:  # one unit: its value, and 0 across
        return np.zeros(units), np.eye(2)[:, :units], np.array([1.0, units - 1.0])
    origin = h.mean(axis=0)
    _, singular, components = np.linalg.svd(h - origin, full_matrices=False)
    axes = components[:2]
    largest = np.abs(axes).argmax(axis=1)
    axes = axes * np.sign(axes[np.arange(2), largest])[:, None]
    variance = singular**2
    return origin, axes, variance[:2] / variance.sum()
