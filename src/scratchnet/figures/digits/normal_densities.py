"""normal-densities.png: three normal densities, to read mean and variance off a curve."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ..common import new_figure, styled

# (mean, variance) of each curve: two share a mean, two share a variance.
CURVES = ((0.0, 1.0), (0.0, 4.0), (2.0, 0.25))


def normal_density(x: np.ndarray, mean: float, variance: float) -> np.ndarray:
    """The N(mean, variance) density at ``x``."""
    return np.exp(-((x - mean) ** 2) / (2 * variance)) / np.sqrt(2 * np.pi * variance)


@styled
def draw(curves=CURVES) -> Figure:
    fig = new_figure(7, 3.6)
    ax = fig.subplots()
    x = np.linspace(-6, 6, 601)
    for mean, variance in curves:
        ax.plot(x, normal_density(x, mean, variance), label=f"mean {mean:g}, variance {variance:g}")
    ax.set(xlabel="x", ylabel="density", xlim=(-6, 6), ylim=(0, None))
    ax.set_title("Normal densities: the mean shifts the curve, the variance widens it")
    ax.legend()
    return fig


def from_files(inputs, params) -> Figure:
    return draw()
