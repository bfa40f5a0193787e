"""training-set.png: the training images, each titled with its class."""

from __future__ import annotations

from matplotlib.figure import Figure

from scratchnet.lines.datasets import Dataset, read_csv

from ..common import styled
from ..image_grid import draw_image_grid


@styled
def draw(train: Dataset) -> Figure:
    """The training images on a three-row grid (3x8 for 24; past 36, more rows), each
    titled "Class: k"."""
    titles = [f"Class: {label}" for label in train.labels]
    return draw_image_grid(train.images, titles)


def from_files(inputs, params) -> Figure:
    return draw(read_csv(inputs.train))
