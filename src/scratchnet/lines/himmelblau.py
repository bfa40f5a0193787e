"""Himmelblau's function, a 2-D landscape with four minima, for picturing gradient descent.

f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2
"""

from __future__ import annotations

import numpy as np


def himmelblau(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """f(x, y), elementwise over arrays of equal shape."""
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def himmelblau_gradient(x: float, y: float) -> np.ndarray:
    """(df/dx, df/dy) at one point, shape (2,)."""
    a = x**2 + y - 11
    b = x + y**2 - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])


def descent_path(start: tuple[float, float], step_size: float, steps: int) -> np.ndarray:
    """Points visited by gradient descent from ``start``, shape (steps + 1, 2)."""
    path = [np.asarray(start, dtype=float)]
    for _ in range(steps):
        path.append(path[-1] - step_size * himmelblau_gradient(*path[-1]))
    return np.array(path)
