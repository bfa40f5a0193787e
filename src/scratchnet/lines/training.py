"""Full-batch gradient descent on the tutorial network, recording every iteration.

Iteration 0 is the network before any update; iteration ``k`` is after ``k`` updates.
The recorded ``IterationHistory`` is what every figure and the animation are drawn from.
"""

from __future__ import annotations

import math
from typing import Callable, NamedTuple

import numpy as np

from ..user_errors import InputProblem
from .network import (
    Params,
    accuracy,
    backward,
    cross_entropy,
    forward,
    gradient_step,
    init_params,
    one_hot,
)


class IterationHistory(NamedTuple):
    """Everything recorded at every iteration 0..n (n = number of updates), on the training
    set: each parameter, activation and gradient, not only the loss and accuracy.

    W1: (n+1, h, n_in)  b1: (n+1, h, 1)  W2: (n+1, n_out, h)  b2: (n+1, n_out, 1)
    A1: (n+1, h, m)     A2: (n+1, n_out, m)                    hidden and output activations
    loss: (n+1,)        accuracy: (n+1,)                       summed cross-entropy, fraction
    dW1: (n, h, n_in)   db1: (n, h, 1)   dW2: (n, n_out, h)   db2: (n, n_out, 1)
                        the gradients at iterations 0..n-1: the update from iteration k
                        to k+1 is W1[k+1] = W1[k] - lr * dW1[k] (none after the last)
    """

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray
    A1: np.ndarray
    A2: np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray
    dW1: np.ndarray
    db1: np.ndarray
    dW2: np.ndarray
    db2: np.ndarray

    def params_at(self, iteration: int) -> Params:
        """The parameters after ``iteration`` updates."""
        return Params(*(getattr(self, name)[iteration] for name in Params._fields))

    def grads_at(self, iteration: int) -> Params:
        """The gradients the update after ``iteration`` used (0 <= iteration < n)."""
        return Params(*(getattr(self, name)[iteration] for name in GRADIENT_FIELDS))

    @property
    def iterations(self) -> int:
        """The number of updates recorded (n)."""
        return len(self.loss) - 1


# The IterationHistory fields of the gradients, in the order of Params: dW1, db1, dW2, db2.
GRADIENT_FIELDS = tuple(f"d{name}" for name in Params._fields)


class LinesRunDiverged(InputProblem, ArithmeticError):
    """Part one's loss stopped being a finite number: the learning rate is too large. A
    problem the user fixes (the config's ``lr``): a job logs it as one line naming the
    iteration and the rate."""


# Their first names, kept as aliases for readers' code.
History = IterationHistory
TrainingDiverged = LinesRunDiverged


def train(
    x0: np.ndarray,
    labels: np.ndarray,
    *,
    lr: float,
    iterations: int,
    hidden: int | None = None,
    seed: int | None = None,
    start: Params | None = None,
    n_classes: int = 2,
    progress: Callable[[str], None] | None = None,
) -> IterationHistory:
    """Train on ``x0: (n_in, m)`` with ``labels: (m,)`` for ``iterations`` updates.

    The network starts either new, ``init_params`` with ``hidden`` units and ``seed``, or
    from the parameters ``start`` (e.g. ``history.params_at(40)``, to branch a run there;
    iteration 0 of the result is then ``start``).
    Raises ``LinesRunDiverged`` naming the iteration if the loss becomes inf or NaN.
    ``progress`` (e.g. ``print``) receives about ten one-line status reports.
    """
    new = hidden is not None or seed is not None
    if new == (start is not None) or (new and (hidden is None or seed is None)):
        raise TypeError("train: give either hidden and seed (a new network) or start")
    Y = one_hot(labels, n_classes)
    params = start if start is not None else init_params(x0.shape[0], hidden, n_classes, seed)
    records = {name: [] for name in IterationHistory._fields}
    report_every = max(1, iterations // 10)
    # --8<-- [start:loop]
    for iteration in range(iterations + 1):
        fwd = forward(params, x0)
        loss = cross_entropy(fwd.A2, Y)
        if not math.isfinite(loss):
            raise LinesRunDiverged(
                f"training diverged at iteration {iteration}: the loss is {loss} "
                f"(learning rate {lr}); try a smaller learning rate"
            )
        for name, value in zip(Params._fields, params):
            records[name].append(value)
        records["A1"].append(fwd.A1)
        records["A2"].append(fwd.A2)
        records["loss"].append(loss)
        records["accuracy"].append(accuracy(fwd.A2, labels))
        if progress and (iteration % report_every == 0 or iteration == iterations):
            progress(
                f"iteration {iteration:>{len(str(iterations))}}/{iterations}  "
                f"loss {loss:.4f}  accuracy {records['accuracy'][-1]:.3f}"
            )
        if iteration < iterations:
            grads = backward(params, x0, Y, fwd)
            for name, value in zip(GRADIENT_FIELDS, grads):
                records[name].append(value)
            params = gradient_step(params, grads, lr)
            # --8<-- [end:loop]
    history = IterationHistory(**{name: np.array(values) for name, values in records.items()})
    if progress and history.loss[-1] >= history.loss[0]:
        progress(
            f"warning: the loss did not fall ({history.loss[0]:.4f} -> {history.loss[-1]:.4f}); "
            f"the learning rate {lr} may be too large"
        )
    if progress and first_full_accuracy(history) is None:
        progress(f"warning: {first_full_accuracy_sentence(history)}")
    return history


def first_full_accuracy(history: IterationHistory) -> int | None:
    """The first iteration whose training accuracy is 1.0, or None if never reached."""
    reached = np.flatnonzero(history.accuracy == 1.0)
    return int(reached[0]) if reached.size else None


def first_full_accuracy_sentence(history: IterationHistory) -> str:
    """When training accuracy first reached 100%, in words; or that it did not within the
    run's iterations, and the best it reached."""
    first = first_full_accuracy(history)
    if first is None:
        return (
            f"training accuracy did not reach 100% within {history.iterations} iterations "
            f"(best {history.accuracy.max():.1%})"
        )
    return f"first 100% training accuracy at iteration {first}"
