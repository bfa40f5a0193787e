"""The training loop: full-batch gradient descent or mini-batch SGD, epoch by epoch.

One epoch uses every training example exactly once. With ``batch_size=None`` that is one
step on the whole set (gradient descent); with an integer it is a new random order (from
the seeded generator) cut into batches of that size, the last one shorter if need be.
After each epoch the model is evaluated on the whole training set (and on the validation
set, if given): entry k of the history is the model after k epochs, entry 0 the start.
Or, as scikit-learn's ``MLPClassifier`` does, the training loss of an epoch is the mean
of its batch losses, which costs nothing more (``running_loss=True``).

The data and targets are checked once per ``fit``, not per batch: the model's and the
loss's own checks then compare shapes only.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from typing import NamedTuple

import numpy as np

from .losses import Loss, one_hot_rows
from .modules import Module
from .optim import SGD


class EpochHistory(NamedTuple):
    """What ``fit`` records once per epoch, not per step: entry k is the model after k
    epochs, 0..E. Each field: (E + 1,).

    The loss is in the loss's own reduction (mean or sum over the set); ``val_*`` are
    None when no validation set was given. With ``fit(..., running_loss=True)``, entries
    1..E of ``loss`` are the epochs' running losses, and ``accuracy`` is None.
    """

    loss: np.ndarray
    accuracy: np.ndarray | None = None
    val_loss: np.ndarray | None = None
    val_accuracy: np.ndarray | None = None


class FitDiverged(ArithmeticError):
    """``fit``'s loss became NaN or infinite: the learning rate is too large for this model.

    The library's error, for any caller: it carries the epoch, the learning rate, the loss
    and the history so far, and the caller decides what its user is told (or records it,
    as a sweep does)."""

    def __init__(self, epoch: int, lr: float, loss: float, history: EpochHistory | None = None):
        super().__init__(
            f"training diverged in epoch {epoch}: the loss is {loss} (learning rate {lr}); "
            "try a smaller learning rate"
        )
        self.epoch, self.lr, self.loss = epoch, lr, loss
        self.history = history  # the epochs before it diverged: a result in a sweep


# Their first names, published (readers' code may use them), kept as aliases.
History = EpochHistory
TrainingDiverged = FitDiverged


# --8<-- [start:batches]
def batches(n: int, batch_size: int | None, rng: np.random.Generator) -> Iterator[np.ndarray]:
    """Index arrays that together hold 0..n-1 once each: one epoch's batches.

    ``batch_size=None``: the whole set in order (gradient descent). Otherwise a random
    permutation from ``rng`` in slices of ``batch_size``; the last slice holds the rest,
    so no example is left out (a batch size above n gives one batch of everything).
    """
    if batch_size is None:
        yield np.arange(n)
        return
    if batch_size < 1:
        raise ValueError(f"batch_size {batch_size}; expected a positive integer or None")
    order = rng.permutation(n)
    for start in range(0, n, batch_size):
        yield order[start : start + batch_size]
        # --8<-- [end:batches]


def accuracy(outputs: np.ndarray, targets: np.ndarray) -> float:
    """The fraction of rows of ``outputs: (n, classes)`` whose largest entry is the target
    class (``targets``: labels (n,) or one-hot rows (n, classes))."""
    targets = np.asarray(targets)
    labels = targets.argmax(axis=1) if targets.ndim == 2 else targets
    return float(np.mean(outputs.argmax(axis=1) == labels))


def evaluate(model: Module, loss: Loss, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The loss and the accuracy of ``model`` on the whole set ``x: (n, features)``."""
    outputs = model(x)
    return loss(outputs, y), accuracy(outputs, y)


def fit(
    model: Module,
    loss: Loss,
    optimizer: SGD,
    x: np.ndarray,
    y: np.ndarray,
    *,
    epochs: int,
    batch_size: int | None = None,
    rng: np.random.Generator | None = None,
    validation: tuple[np.ndarray, np.ndarray] | None = None,
    running_loss: bool = False,
    callback: Callable[[int, Module], None] | None = None,
    progress: Callable[[str], None] | None = None,
) -> EpochHistory:
    """Train ``model`` on ``x: (n, features)``, ``y``: labels (n,) or one-hot (n, classes).

    ``rng`` (required for mini-batches) draws each epoch's order. ``callback(epoch,
    model)`` runs after the evaluation of epochs 0..E (to save snapshots); ``progress``
    (e.g. ``print``) gets one line per epoch: epoch, loss, accuracies, seconds.
    ``running_loss=True`` records, for epochs 1..E, the training loss as scikit-learn's
    ``MLPClassifier`` does: the mean of the epoch's batch losses (weighted by their
    sizes; the sum of them for ``reduction="sum"``), as the model changed during the
    epoch, instead of evaluating the whole training set after it; ``accuracy`` is then
    None, and entry 0 (the start) is still evaluated. The validation set is evaluated
    after every epoch either way.
    ``x`` is converted once to the parameters' dtype, so float32 models train in float32;
    the targets are checked once, labels turned into one-hot rows once.
    Raises ``FitDiverged`` with the epoch, learning rate and loss when a batch's
    loss is NaN or infinite.
    """
    if batch_size is not None and rng is None:
        raise ValueError("fit: mini-batches (batch_size set) need rng to shuffle each epoch")
    dtype = model.parameters()[0].data.dtype
    sets = {"": (np.asarray(x, dtype=dtype), np.asarray(y))}
    if validation is not None:
        sets["val_"] = (np.asarray(validation[0], dtype=dtype), np.asarray(validation[1]))
    records = {f"{prefix}{metric}": [] for prefix in sets for metric in ("loss", "accuracy")}
    rows_of = {}  # per set, its targets as checked one-hot rows, made at the first evaluation

    def evaluate_set(prefix: str, epoch: int) -> None:
        set_x, set_y = sets[prefix]
        with np.errstate(over="ignore", invalid="ignore"):
            outputs = model(set_x)
            if prefix not in rows_of:
                rows_of[prefix] = one_hot_rows(loss, outputs, set_y)
            set_loss = loss.of_rows(outputs, rows_of[prefix])
        if not math.isfinite(set_loss):
            raise FitDiverged(epoch, optimizer.lr, set_loss, history_so_far())
        records[f"{prefix}loss"].append(set_loss)
        records[f"{prefix}accuracy"].append(accuracy(outputs, rows_of[prefix]))

    def record(epoch: int, started: float, batch_losses: list[tuple[float, int]]) -> None:
        if running_loss and epoch > 0:
            records["loss"].append(_mean_of_batches(batch_losses, loss.reduction))
        else:
            evaluate_set("", epoch)
        if "val_" in sets:
            evaluate_set("val_", epoch)
        if callback:
            callback(epoch, model)
        if progress:
            progress(_epoch_line(epoch, epochs, records, time.perf_counter() - started))

    def history_so_far() -> EpochHistory:
        kept = {k: v for k, v in records.items() if not (running_loss and k == "accuracy")}
        complete = min(len(values) for values in kept.values())  # whole epochs only
        return EpochHistory(**{name: np.array(values[:complete]) for name, values in kept.items()})

    record(0, time.perf_counter(), [])
    x, rows = sets[""][0], rows_of[""]
    # --8<-- [start:epoch_loop]
    for epoch in range(1, epochs + 1):
        started, batch_losses = time.perf_counter(), []
        # A diverging run overflows on its way to inf: reported below, not warned about.
        with np.errstate(over="ignore", invalid="ignore"):
            for batch in batches(len(x), batch_size, rng):
                batch_loss = loss.of_rows(model(x[batch]), rows[batch])  # rows checked once
                if not math.isfinite(batch_loss):
                    raise FitDiverged(epoch, optimizer.lr, batch_loss, history_so_far())
                model.backward(loss.backward(), input_grad=False)  # data needs no gradient
                optimizer.step()
                batch_losses.append((batch_loss, len(batch)))
        record(epoch, started, batch_losses)
        # --8<-- [end:epoch_loop]
    return history_so_far()


def _mean_of_batches(batch_losses: list[tuple[float, int]], reduction: str) -> float:
    """One epoch's loss from its batches' (loss, size): their sum for ``"sum"``, the mean
    over the examples for ``"mean"``."""
    if reduction == "sum":
        return float(sum(batch_loss for batch_loss, _ in batch_losses))
    total = sum(batch_loss * size for batch_loss, size in batch_losses)
    return float(total / sum(size for _, size in batch_losses))


def _epoch_line(epoch: int, epochs: int, records: dict, seconds: float) -> str:
    line = f"epoch {epoch:>{len(str(epochs))}}/{epochs}  loss {records['loss'][-1]:.4f}"
    if len(records["accuracy"]) == len(records["loss"]):  # none in epochs of a running loss
        line += f"  accuracy {records['accuracy'][-1]:.4f}"
    if "val_accuracy" in records:
        line += f"  validation accuracy {records['val_accuracy'][-1]:.4f}"
    return f"{line}  {seconds:.2f} s"
