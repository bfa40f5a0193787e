"""Losses: a number that says how wrong the outputs are, and its gradient.

``loss(outputs, targets)`` returns the loss as a float and keeps what ``loss.backward()``
needs to return d loss/d outputs, of the outputs' shape. ``outputs: (batch, classes)``;
``targets`` are integer class labels ``(batch,)`` or one-hot rows ``(batch, classes)``.
Each loss averages over the batch (``reduction="mean"``) or sums (``"sum"``).
"""

from __future__ import annotations

import numpy as np

from .modules import log_softmax, softmax

REDUCTIONS = ("mean", "sum")


class Loss:
    """What every loss shares: the reduction and the check of its targets."""

    def __init__(self, reduction: str = "mean"):
        if reduction not in REDUCTIONS:
            raise ValueError(
                f"{type(self).__name__}: reduction {reduction!r}; expected one of {REDUCTIONS}"
            )
        self.reduction = reduction
        self._saved = None

    def __call__(self, outputs: np.ndarray, targets: np.ndarray) -> float:
        self._saved = None  # a failed call must not leave the previous batch for backward
        outputs = np.asarray(outputs)
        rows = one_hot_rows(self, outputs, targets)
        # Dividing by the batch size turns a sum over examples into their mean.
        divisor = len(outputs) if self.reduction == "mean" else 1
        return self.forward(outputs, rows, divisor)

    def forward(self, outputs: np.ndarray, rows: np.ndarray, divisor: int) -> float:
        raise NotImplementedError

    def backward(self) -> np.ndarray:
        raise NotImplementedError

    def _check_run(self) -> None:
        if self._saved is None:
            raise RuntimeError(f"{self!r}.backward called before the loss was computed")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(reduction={self.reduction!r})"


# --8<-- [start:mse]
class MSE(Loss):
    """L = (1/n) sum_i sum_k (y_ik - t_ik)^2 on the raw outputs y (``"sum"``: no 1/n)."""

    def forward(self, outputs, rows, divisor):
        error = outputs - rows
        self._saved = (error, divisor)
        return float((error**2).sum() / divisor)

    def backward(self) -> np.ndarray:
        """dL/dy = 2 (y - t) / n"""
        self._check_run()
        error, divisor = self._saved
        return 2 * error / divisor
        # --8<-- [end:mse]


# --8<-- [start:softmax_mse]
class SoftmaxMSE(Loss):
    """L = (1/n) sum_i sum_k (p_ik - t_ik)^2 with p = softmax(z) of the logits z.

    The classic tutorial's second loss: squared error on probabilities.
    """

    def forward(self, outputs, rows, divisor):
        p = softmax(outputs)
        error = p - rows
        self._saved = (p, error, divisor)
        return float((error**2).sum() / divisor)

    def backward(self) -> np.ndarray:
        """dL/dp = 2 (p - t) / n, then through softmax's Jacobian:
        dL/dz = p * (dL/dp - sum_k dL/dp_k p_k), row by row."""
        self._check_run()
        p, error, divisor = self._saved
        grad_p = 2 * error / divisor
        return p * (grad_p - (grad_p * p).sum(axis=1, keepdims=True))
        # --8<-- [end:softmax_mse]


# --8<-- [start:cross_entropy]
class CrossEntropy(Loss):
    """L = -(1/n) sum_i sum_k t_ik log p_ik with p = softmax(z) of the logits z.

    Computed from log_softmax (log-sum-exp), never as log(softmax(z)): a probability that
    underflows to 0 would give log 0 = -inf. As PyTorch's ``CrossEntropyLoss``, it takes
    logits, not probabilities.
    """

    def forward(self, outputs, rows, divisor):
        log_p = log_softmax(outputs)
        self._saved = (np.exp(log_p), rows, divisor)
        return float(-(rows * log_p).sum() / divisor)

    def backward(self) -> np.ndarray:
        """dL/dz = (p - t) / n: the softmax Jacobian and the log's 1/p cancel."""
        self._check_run()
        p, rows, divisor = self._saved
        return (p - rows) / divisor
        # --8<-- [end:cross_entropy]


def one_hot_rows(loss: Loss, outputs: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """``targets`` as rows of the outputs' shape and dtype: labels become one-hot rows.

    Raises ValueError naming ``loss`` and both shapes for anything else: outputs that are
    not (batch, classes), labels of the wrong length or outside [0, classes), one-hot
    rows of the wrong shape, NaN or infinite targets.
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
    outside = (targets < 0) | (targets >= classes)  # checked before the cast can overflow
    if outside.any():
        raise ValueError(f"{name}: {shapes}; label {targets[outside][0]} is outside [0, {classes})")
    labels = targets.astype(np.intp)
    rows = np.zeros_like(outputs)
    rows[np.arange(batch), labels] = 1
    return rows
