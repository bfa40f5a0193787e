"""The optimiser: how a gradient becomes an update of the parameters."""

from __future__ import annotations

from collections.abc import Iterable

from .modules import Parameter


# --8<-- [start:sgd]
class SGD:
    """Gradient descent: p <- p - lr * dL/dp for every parameter, in place.

    In place, so the modules that own the parameters see the new values, and a float32
    parameter stays float32.
    """

    def __init__(self, parameters: Iterable[Parameter], lr: float):
        if not lr > 0:
            raise ValueError(f"SGD: learning rate {lr}; expected a positive number")
        self.parameters = list(parameters)
        self.lr = lr

    def step(self) -> None:
        for p in self.parameters:
            p.data -= self.lr * p.grad
            # --8<-- [end:sgd]
