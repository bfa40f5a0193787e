"""sigmoid-derivative.png: the sigmoid and its derivative, which is at most 1/4."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ...nn.modules import sigmoid
from ..common import ACCURACY_COLOR, LOSS_COLOR, MARK_COLOR, new_figure, styled


@styled
def draw() -> Figure:
    fig = new_figure(7, 3.6)
    ax = fig.subplots()
    x = np.linspace(-8, 8, 801)
    y = sigmoid(x)
    ax.plot(x, y, color=LOSS_COLOR, label=r"$\sigma(x) = 1 / (1 + e^{-x})$")
    ax.plot(x, y * (1 - y), color=ACCURACY_COLOR, label=r"$\sigma'(x) = \sigma(x)(1 - \sigma(x))$")
    ax.axhline(0.25, color=MARK_COLOR, ls=":", lw=1)
    ax.annotate(
        "largest slope 1/4, at x = 0",
        xy=(0, 0.25),
        xytext=(1.2, 0.4),
        color=MARK_COLOR,
        arrowprops=dict(arrowstyle="->", color=MARK_COLOR),
    )
    ax.set(xlabel="x", xlim=(-8, 8), ylim=(-0.02, 1.05))
    ax.set_title("The sigmoid and its derivative")
    ax.legend(loc="upper left")
    return fig


def from_files(inputs, params) -> Figure:
    return draw()
