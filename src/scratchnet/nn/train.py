"""The training loop: full-batch gradient descent or mini-batch SGD, epoch by epoch.

One epoch uses every training example exactly once. With ``batch_size=None`` that is one
step on the whole set (gradient descent); with an integer it is a new random order (from
the seeded generator) cut into batches of that size, the last one shorter if need be.
After each epoch the model is evaluated on the whole training set (and on the validation
set, if given): entry k of the history is the model after k epochs, entry 0 the start.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from typing import NamedTuple

import numpy as np

from .losses import Loss
from .modules import Module
from .optim import SGD


class History(NamedTuple):
    """Per epoch 0..E, the model after that many epochs. Each field: (E + 1,).

    The loss is in the loss's own reduction (mean or sum over the set); ``val_*`` are
    None when no validation set was given.
    """

    loss: np.ndarray
    accuracy: np.ndarray
    val_loss: np.ndarray | None = None
    val_accuracy: np.ndarray | None = None


class TrainingDiverged(ArithmeticError):
    """The loss became NaN or infinite: the learning rate is too large for this model."""

    def __init__(self, epoch: int, lr: float, loss: float, history: History | None = None):
        super().__init__(
            f"training diverged in epoch {epoch}: the loss is {loss} (learning rate {lr}); "
            "try a smaller learning rate"
        )
        self.epoch, self.lr, self.loss = epoch, lr, loss
        self.history = history  # the epochs before it diverged: a result in a sweep


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
    callback: Callable[[int, Module], None] | None = None,
    progress: Callable[[str], None] | None = None,
) -> History:
    """Train ``model`` on ``x: (n, features)``, ``y``: labels (n,) or one-hot (n, classes).

    ``rng`` (required for mini-batches) draws each epoch's order. ``callback(epoch,
    model)`` runs after the evaluation of epochs 0..E (to save snapshots); ``progress``
    (e.g. ``print``) gets one line per epoch: epoch, loss, accuracies, seconds.
    ``x`` is converted once to the parameters' dtype, so float32 models train in float32.
    Raises ``TrainingDiverged`` with the epoch, learning rate and loss when a batch's
    loss is NaN or infinite.
    """
    if batch_size is not None and rng is None:
        raise ValueError("fit: mini-batches (batch_size set) need rng to shuffle each epoch")
    dtype = model.parameters()[0].data.dtype
    sets = {"": (np.asarray(x, dtype=dtype), np.asarray(y))}
    if validation is not None:
        sets["val_"] = (np.asarray(validation[0], dtype=dtype), np.asarray(validation[1]))
    x, y = sets[""]
    records = {f"{prefix}{metric}": [] for prefix in sets for metric in ("loss", "accuracy")}

    def record(epoch: int, started: float) -> None:
        for prefix, (set_x, set_y) in sets.items():
            with np.errstate(over="ignore", invalid="ignore"):
                set_loss, set_accuracy = evaluate(model, loss, set_x, set_y)
            if not math.isfinite(set_loss):
                raise TrainingDiverged(epoch, optimizer.lr, set_loss, history_so_far())
            records[f"{prefix}loss"].append(set_loss)
            records[f"{prefix}accuracy"].append(set_accuracy)
        if callback:
            callback(epoch, model)
        if progress:
            progress(_epoch_line(epoch, epochs, records, time.perf_counter() - started))

    def history_so_far() -> History:
        complete = min(len(values) for values in records.values())  # whole epochs only
        return History(**{name: np.array(values[:complete]) for name, values in records.items()})

    record(0, time.perf_counter())
    # --8<-- [start:epoch_loop]
    for epoch in range(1, epochs + 1):
        started = time.perf_counter()
        # A diverging run overflows on its way to inf: reported below, not warned about.
        with np.errstate(over="ignore", invalid="ignore"):
            for batch in batches(len(x), batch_size, rng):
                batch_loss = loss(model(x[batch]), y[batch])
                if not math.isfinite(batch_loss):
                    raise TrainingDiverged(epoch, optimizer.lr, batch_loss, history_so_far())
                model.backward(loss.backward(), input_grad=False)  # data needs no gradient
                optimizer.step()
        record(epoch, started)
        # --8<-- [end:epoch_loop]
    return history_so_far()


def _epoch_line(epoch: int, epochs: int, records: dict, seconds: float) -> str:
    line = (
        f"epoch {epoch:>{len(str(epochs))}}/{epochs}  loss {records['loss'][-1]:.4f}  "
        f"accuracy {records['accuracy'][-1]:.4f}"
    )
    if "val_accuracy" in records:
        line += f"  validation accuracy {records['val_accuracy'][-1]:.4f}"
    return f"{line}  {seconds:.2f} s"
