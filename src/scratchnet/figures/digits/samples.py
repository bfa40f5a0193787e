"""digits-samples.png: the first ten training images, each titled with its label."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ...digits.data import load_split
from ..common import new_figure, styled

COUNT = 10


@styled
def draw(images: np.ndarray, labels: np.ndarray) -> Figure:
    """``images: (n >= 10, side, side)`` raw pixels (ink bright), ``labels: (n,)``."""
    fig = new_figure(7.5, 3.4)
    axes = fig.subplots(2, COUNT // 2)
    brightest = float(images[:COUNT].max()) or 1.0
    for ax, image, label in zip(axes.flat, images, labels):
        ax.imshow(image, cmap="gray_r", vmin=0, vmax=brightest)  # ink dark on white
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(f"label {label}", fontsize=9)
    side = images.shape[1]
    fig.suptitle(f"The first {COUNT} training images ({side}x{side} pixels)")
    return fig


def from_files(inputs, params) -> Figure:
    train = load_split(inputs.train)
    return draw(train.images[:COUNT], train.labels[:COUNT])
