"""gradient-descent.png: ten steps of gradient descent on f(x) = (x - 2)^2 + 1."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ..common import LOSS_COLOR, WRONG_COLOR, new_figure, styled

START, STEP_SIZE, STEPS = 5.0, 0.1, 10


def f(x):
    return (x - 2) ** 2 + 1


def descent(start: float, step_size: float, steps: int) -> np.ndarray:
    """x_0 = start, x_{k+1} = x_k - step_size * f'(x_k) with f'(x) = 2 (x - 2): (steps + 1,)."""
    xs = [start]
    for _ in range(steps):
        xs.append(xs[-1] - step_size * 2 * (xs[-1] - 2))
    return np.array(xs)


@styled
def draw(start: float = START, step_size: float = STEP_SIZE, steps: int = STEPS) -> Figure:
    xs = descent(start, step_size, steps)
    fig = new_figure(7, 4)
    ax = fig.subplots()
    grid = np.linspace(-0.5, 5.5, 301)
    ax.plot(grid, f(grid), color=LOSS_COLOR, label="f(x) = (x - 2)² + 1")
    ax.plot(
        xs, f(xs), "o", color=WRONG_COLOR, ms=5, zorder=3, label=f"$x_k$, step size {step_size}"
    )
    for a, b in zip(xs, xs[1:]):
        ax.annotate(
            "",
            xy=(b, f(b)),
            xytext=(a, f(a)),
            arrowprops=dict(arrowstyle="->", color=WRONG_COLOR, lw=1),
        )
    ax.annotate(
        f"$x_0 = {start:g}$",
        xy=(xs[0], f(xs[0])),
        xytext=(-12, 4),
        textcoords="offset points",
        ha="right",
    )
    ax.annotate(
        f"$x_{{{steps}}} = {xs[-1]:.3f}$",
        xy=(xs[-1], f(xs[-1])),
        xytext=(6, 26),
        textcoords="offset points",
        arrowprops=dict(arrowstyle="-", color="0.5", lw=0.8),
    )
    ax.plot([2], [1], "k+", ms=10)
    ax.annotate(
        "minimum (2, 1)",
        xy=(2, 1),
        xytext=(0, -16),
        textcoords="offset points",
        ha="center",
        fontsize=8,
    )
    ax.set(xlabel="x", ylabel="f(x)", xlim=(-0.5, 5.5), ylim=(0, 12))
    ax.set_title(
        f"{steps} steps of gradient descent from $x_0 = {start:g}$: the steps shrink with the slope"
    )
    ax.legend(loc="upper center")
    return fig


def from_files(inputs, params) -> Figure:
    return draw()
