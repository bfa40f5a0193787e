"""training-set.png: the 24 training images, each titled with its class."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..datasets import Dataset
from .image_grid import draw_image_grid


def draw(train: Dataset, n_rows: int = 3, n_cols: int = 8) -> Figure:
    """The training images on an n_rows x n_cols grid, titled "Class: k"."""
    titles = [f"Class: {label}" for label in train.labels]
    return draw_image_grid(train.images, titles, n_rows, n_cols)
