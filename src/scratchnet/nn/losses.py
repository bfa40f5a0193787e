"""Losses: a number that says how wrong the outputs are, and its gradient.

``loss(outputs, targets)`` returns the loss as a float and keeps what ``loss.backward()``
needs to return d loss/d outputs, of the outputs' shape. ``outputs: (batch, classes)``;
``targets`` are integer class labels ``(batch,)`` or one-hot rows ``(batch, classes)``.
Each loss averages over the batch (``reduction="mean"``) or sums (``"sum"``).

Each loss's ``forward`` and ``backward`` are its equations alone. The checks sit at the
boundary, in two visible places: ``loss(outputs, targets)`` (``Loss.__call__``) checks the
arguments, or ``one_hot_rows`` checks the targets once for a whole training set and then
``loss.of_rows`` compares shapes per batch, as ``fit`` does; the
``@checked_loss_backward`` written above each ``backward`` checks that the loss was
computed first.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np

from .modules import log_softmax, softmax

REDUCTIONS = ("mean", "sum")


class Loss:
    """What every loss shares: the reduction, and the checks of its arguments.

    ``distributions``: the loss compares probabilities, so each target row must be a
    probability distribution (entries >= 0, summing to 1).
    """

    distributions = False

    def __init__(self, reduction: str = "mean"):
        if reduction not in REDUCTIONS:
            raise ValueError(
                f"{type(self).__name__}: reduction {reduction!r}; expected one of {REDUCTIONS}"
            )
        self.reduction = reduction
        self._ran = False

    def __call__(self, outputs: np.ndarray, targets: np.ndarray) -> float:
        """The loss of ``outputs: (batch, classes)`` against labels or rows, both checked."""
        self._ran = False  # a failed call must not leave the previous batch for backward
        outputs = np.asarray(outputs)
        return self.of_rows(outputs, one_hot_rows(self, outputs, targets))

    def of_rows(self, outputs: np.ndarray, rows: np.ndarray) -> float:
        """The loss of ``outputs`` against rows that ``one_hot_rows`` made or checked
        already (``fit`` checks a training set's once): only the shapes are compared."""
        self._ran = False
        if rows.shape != outputs.shape:
            raise ValueError(
                f"{type(self).__name__}: outputs {outputs.shape}, targets {rows.shape}; "
                "one-hot targets must have the outputs' shape"
            )
        # Dividing by the batch size turns a sum over examples into their mean.
        self._divisor = len(outputs) if self.reduction == "mean" else 1
        value = self.forward(outputs, rows)
        self._ran = True
        return value

    def forward(self, outputs: np.ndarray, rows: np.ndarray) -> float:
        """The loss of checked ``outputs`` and target ``rows``, both (batch, classes)."""
        raise NotImplementedError

    def backward(self) -> np.ndarray:
        """d loss/d outputs for the latest call, of the outputs' shape."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(reduction={self.reduction!r})"


def checked_loss_backward(backward: Callable) -> Callable:
    """The boundary of a loss's ``backward``, written above it: first check that the loss
    was computed, then run the equations."""

    @functools.wraps(backward)
    def checked(self: Loss) -> np.ndarray:
        if not self._ran:
            raise RuntimeError(f"{self!r}.backward called before the loss was computed")
        return backward(self)

    return checked


# --8<-- [start:mse]
class MSE(Loss):
    """L = (1/n) sum_i sum_k (y_ik - t_ik)^2 on the raw outputs y (``"sum"``: no 1/n)."""

    def forward(self, y: np.ndarray, t: np.ndarray) -> float:
        self._error = y - t  # the gradient is written in it
        return float((self._error**2).sum() / self._divisor)

    @checked_loss_backward
    def backward(self) -> np.ndarray:
        """dL/dy = 2 (y - t) / n"""
        return 2 * self._error / self._divisor
        # --8<-- [end:mse]


# --8<-- [start:softmax_mse]
class SoftmaxMSE(Loss):
    """L = (1/n) sum_i sum_k (p_ik - t_ik)^2 with p = softmax(z) of the logits z.

    The classic tutorial's second loss: squared error on probabilities.
    """

    distributions = True

    def forward(self, z: np.ndarray, t: np.ndarray) -> float:
        self._p, self._t = softmax(z), t  # the gradient is written in them
        return float(((self._p - self._t) ** 2).sum() / self._divisor)

    @checked_loss_backward
    def backward(self) -> np.ndarray:
        """dL/dp = 2 (p - t) / n, then through softmax's Jacobian:
        dL/dz = p * (dL/dp - sum_k dL/dp_k p_k), row by row."""
        grad_p = 2 * (self._p - self._t) / self._divisor
        return self._p * (grad_p - (grad_p * self._p).sum(axis=1, keepdims=True))
        # --8<-- [end:softmax_mse]


# --8<-- [start:cross_entropy]
class CrossEntropy(Loss):
    """L = -(1/n) sum_i sum_k t_ik log p_ik with p = softmax(z) of the logits z.

    Computed from log_softmax (log-sum-exp), never as log(softmax(z)): a probability that
    underflows to 0 would give log 0 = -inf. As PyTorch's ``CrossEntropyLoss``, it takes
    logits, not probabilities.
    """

    distributions = True  # the cancellation in the gradient needs rows summing to 1

    def forward(self, z: np.ndarray, t: np.ndarray) -> float:
        log_p = log_softmax(z)
        self._p, self._t = np.exp(log_p), t  # the gradient is written in them
        return float(-(t * log_p).sum() / self._divisor)

    @checked_loss_backward
    def backward(self) -> np.ndarray:
        """dL/dz = (p - t) / n: the softmax Jacobian and the log's 1/p cancel."""
        return (self._p - self._t) / self._divisor
        # --8<-- [end:cross_entropy]


def one_hot_rows(loss: Loss, outputs: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """``targets`` as rows of the outputs' shape and dtype: labels become one-hot rows.

    Raises ValueError naming ``loss`` and both shapes for anything else: outputs that are
    not (batch, classes), labels of the wrong length or outside [0, classes), one-hot
    rows of the wrong shape, NaN or infinite targets, and, for a loss on probabilities
    (``loss.distributions``), a row that is not a distribution (naming the row).
    """
    targets = np.asarray(targets)
    name = type(loss).__name__
    shapes = f"outputs {outputs.shape}, targets {targets.shape}"
    if outputs.ndim != 2:
        raise ValueError(f"{name}: {shapes}; expected outputs of shape (batch, classes)")
    batch, classes = outputs.shape
    if targets.ndim == 2:
        if targets.shape != outputs.shape:
            raise ValueError(f"{name}: {shapes}; one-hot targets must have the outputs' shape")
        if not np.isfinite(targets).all():
            raise ValueError(f"{name}: {shapes}; the targets contain NaN or infinity")
        if loss.distributions:
            _check_distributions(name, shapes, targets)
        return targets.astype(outputs.dtype, copy=False)
    if targets.ndim != 1 or len(targets) != batch:
        raise ValueError(
            f"{name}: {shapes}; expected labels ({batch},) or one-hot rows ({batch}, {classes})"
        )
    if targets.dtype.kind == "f":
        if not np.isfinite(targets).all() or (targets != np.round(targets)).any():
            raise ValueError(f"{name}: {shapes}; labels must be whole class numbers, not NaN")
    elif targets.dtype.kind not in "iu":
        raise ValueError(f"{name}: {shapes}; labels have dtype {targets.dtype}, not integers")
    if batch and (targets.min() < 0 or targets.max() >= classes):  # two reductions: cheap
        outside = targets[(targets < 0) | (targets >= classes)][0]
        raise ValueError(f"{name}: {shapes}; label {outside} is outside [0, {classes})")
    # Row i is 1 in column targets[i] and 0 elsewhere: one comparison with 0..classes-1.
    return (targets[:, None] == np.arange(classes)).astype(outputs.dtype)


def _check_distributions(name: str, shapes: str, rows: np.ndarray) -> None:
    """A ValueError naming the first row of ``rows`` that has a negative entry or does
    not sum to 1 (to a float32 row's rounding)."""
    bad = (rows < 0).any(axis=1) | ~np.isclose(rows.sum(axis=1), 1, rtol=0, atol=1e-6)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"{name}: {shapes}; target row {row} is {rows[row].tolist()}, not a probability "
            "distribution (entries >= 0, summing to 1)"
        )
