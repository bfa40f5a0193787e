"""himmelblau-gradient.png: Himmelblau's surface in 3-D beside a contour map with a
gradient-descent path to one of its minima."""

from __future__ import annotations

import numpy as np
from matplotlib.colors import LogNorm
from matplotlib.figure import Figure

from scratchnet.lines.himmelblau import descent_path, himmelblau

from ..common import WRONG_COLOR, new_figure, styled

EXTENT = 5.0
CMAP = "viridis"


@styled
def draw(path: np.ndarray, step_size: float) -> Figure:
    """``path: (steps + 1, 2)``, the points gradient descent visited, from start to end."""
    grid = np.linspace(-EXTENT, EXTENT, 201)
    x, y = np.meshgrid(grid, grid)
    z = himmelblau(x, y)

    fig = new_figure(11, 4.8)
    surface_ax = fig.add_subplot(1, 2, 1, projection="3d")
    surface_ax.plot_surface(x, y, z, cmap=CMAP, rstride=5, cstride=5, linewidth=0, alpha=0.9)
    path_height = himmelblau(path[:, 0], path[:, 1])
    surface_ax.plot(path[:, 0], path[:, 1], path_height, color=WRONG_COLOR, lw=2, zorder=10)
    surface_ax.set(xlabel="x", ylabel="y", zlabel="f(x, y)")
    surface_ax.view_init(elev=35, azim=-60)
    surface_ax.set_title("Himmelblau's function")

    ax = fig.add_subplot(1, 2, 2)
    # Log-spaced levels resolve the four minima; the +0.1 keeps log() away from f = 0.
    levels = np.logspace(-1, np.log10(z.max()), 20)
    filled = ax.contourf(x, y, z + 0.1, levels=levels, cmap=CMAP, norm=LogNorm())
    ax.contour(x, y, z + 0.1, levels=levels, colors="white", linewidths=0.3)
    ax.plot(path[:, 0], path[:, 1], "-", color=WRONG_COLOR, lw=1.5)
    ax.plot(path[:, 0], path[:, 1], ".", color=WRONG_COLOR, ms=3)
    (x0, y0), (x1, y1) = path[0], path[-1]
    ax.plot(x0, y0, "o", mfc="white", mec="black", ms=8, label=f"start ({x0:g}, {y0:g})")
    ax.plot(x1, y1, "*", mfc="gold", mec="black", ms=14, label=f"end ({x1:.2f}, {y1:.2f})")
    ax.set(xlabel="x", ylabel="y", aspect="equal", xlim=(-EXTENT, EXTENT), ylim=(-EXTENT, EXTENT))
    ax.set_title(f"Gradient descent: {len(path) - 1} steps of size {step_size}")
    ax.legend(loc="lower left", frameon=True)
    fig.colorbar(filled, ax=ax, label="f(x, y), log scale", ticks=[0.1, 1, 10, 100], format="%g")
    fig.suptitle(r"$f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2$")
    return fig


def from_files(inputs, params) -> Figure:
    path = descent_path(tuple(params.start), params.step_size, params.steps)
    return draw(path, params.step_size)
