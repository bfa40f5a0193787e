"""The yardstick of ``bench/training.py``: the network trained by a plain numpy loop.

The way a student writes it, in one function and no classes: examples are rows, a ReLU
hidden layer, log-sum-exp cross-entropy averaged over the batch, plain SGD on shuffled
mini-batches. It does the same maths as ``scratchnet.nn.fit`` on
``Sequential([Linear(n_in, hidden, init="he"), ReLU(), Linear(hidden, classes)])`` with
``CrossEntropy()`` and ``SGD``, so the benchmark compares like with like:

- the same random numbers: one generator ``np.random.default_rng(seed)`` draws W1 (He),
  then W2 (LeCun), in float64 converted to ``dtype``, then one permutation per epoch;
  seeded the same, both start from the same weights and see the same batches;
- the same work per batch: forward, the batch's loss, backward without the gradient of
  the input data, then every parameter updated;
- the same evaluation: before training and after every epoch, the loss and accuracy of
  the whole training set, which is what ``fit`` records as its history; or, with
  ``running_loss=True`` as ``fit(..., running_loss=True)`` and scikit-learn's
  ``MLPClassifier``, after each epoch only the mean of its batch losses (weighted by the
  batches' sizes), which costs nothing more.

Seeded the same, its history and weights match the library's to rounding (the test
``tests/test_bench_training.py`` checks it).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def train_handwritten(
    x: np.ndarray,
    y: np.ndarray,
    *,
    hidden: int,
    lr: float,
    epochs: int,
    batch_size: int,
    seed: int,
    dtype: np.dtype | type = np.float64,
    classes: int = 10,
    running_loss: bool = False,
    callback: Callable[[int], None] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """Train on ``x: (n, n_in)``, labels ``y: (n,)`` in 0..classes-1.

    Returns ``(W1, b1, W2, b2, history)``: ``W1: (n_in, hidden)``, ``b1: (hidden,)``,
    ``W2: (hidden, classes)``, ``b2: (classes,)``, all of ``dtype``, and ``history`` with
    ``"loss"`` and ``"accuracy"`` of the training set, each ``(epochs + 1,)``: entry k
    after k epochs. With ``running_loss``, entries 1.. of ``"loss"`` are the epochs'
    running losses and ``"accuracy"`` holds the start's only. ``callback(epoch)``, if
    given, runs after each epoch's record (timing).
    """
    rng = np.random.default_rng(seed)
    x = np.asarray(x, dtype=dtype)
    y = np.asarray(y)
    n, n_in = x.shape
    W1 = (rng.standard_normal((n_in, hidden)) * np.sqrt(2 / n_in)).astype(dtype)  # He
    b1 = np.zeros(hidden, dtype=dtype)
    W2 = (rng.standard_normal((hidden, classes)) * (1 / np.sqrt(hidden))).astype(dtype)  # LeCun
    b2 = np.zeros(classes, dtype=dtype)

    def log_softmax(z):
        """log p of logits ``z: (m, classes)``, by log-sum-exp."""
        shifted = z - z.max(axis=1, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))

    history = {"loss": [], "accuracy": []}

    def evaluate():
        """Loss and accuracy of the whole training set, appended to the history."""
        z2 = np.maximum(x @ W1 + b1, 0) @ W2 + b2
        log_p = log_softmax(z2)
        history["loss"].append(float(-log_p[np.arange(n), y].mean()))
        history["accuracy"].append(float(np.mean(z2.argmax(axis=1) == y)))
        if callback:
            callback(len(history["loss"]) - 1)

    evaluate()
    for _ in range(epochs):
        running = 0.0
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            batch = order[start : start + batch_size]
            xb, yb = x[batch], y[batch]
            m = len(batch)
            # forward: (m, n_in) -> (m, hidden) -> (m, classes)
            z1 = xb @ W1 + b1
            h = np.maximum(z1, 0)
            z2 = h @ W2 + b2
            log_p = log_softmax(z2)
            loss = -log_p[np.arange(m), yb].mean()
            if not np.isfinite(loss):  # as fit does: stop when the learning rate is too large
                raise FloatingPointError(f"the loss is {loss}; try a smaller learning rate")
            running += loss * m
            # backward: dL/dz2 = (p - onehot) / m, then the chain rule layer by layer
            g2 = np.exp(log_p)
            g2[np.arange(m), yb] -= 1
            g2 /= m
            dW2 = h.T @ g2
            db2 = g2.sum(axis=0)
            g1 = (g2 @ W2.T) * (z1 > 0)
            dW1 = xb.T @ g1  # no gradient of the data itself
            db1 = g1.sum(axis=0)
            # SGD
            W1 -= lr * dW1
            b1 -= lr * db1
            W2 -= lr * dW2
            b2 -= lr * db2
        if running_loss:
            history["loss"].append(float(running / n))
            if callback:
                callback(len(history["loss"]) - 1)
        else:
            evaluate()
    return W1, b1, W2, b2, {k: np.array(v) for k, v in history.items()}
