"""The tutorial's network in plain numpy: 9 inputs, a ReLU hidden layer, a softmax output.

Examples are *columns*: the input matrix ``x0`` has shape ``(n_in, m)`` for ``m``
examples, so every layer is one matrix product::

    z1 = W1 x0 + b1      A1 = ReLU(z1)        W1: (n_hidden, n_in)   b1: (n_hidden, 1)
    z2 = W2 A1 + b2      A2 = softmax(z2)     W2: (n_out, n_hidden)  b2: (n_out, 1)

The loss is the cross-entropy summed over examples, ``L = -sum(Y * log(A2))``, where
``Y`` is the one-hot label matrix ``(n_out, m)``.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Params(NamedTuple):
    """The network's parameters. W1: (h, n_in), b1: (h, 1), W2: (n_out, h), b2: (n_out, 1)."""

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray


class Forward(NamedTuple):
    """Every intermediate of a forward pass, kept for backpropagation. Shapes (rows, m)."""

    z1: np.ndarray
    A1: np.ndarray
    z2: np.ndarray
    A2: np.ndarray


def init_params(n_in: int, n_hidden: int, n_out: int, seed: int) -> Params:
    """Weights ~ N(0, 1) / sqrt(n_in of that layer), biases 0.

    Dividing by sqrt(n_in) keeps each pre-activation's variance near 1 whatever the layer
    width. W1 is drawn before W2 from one ``default_rng(seed)``, so a seed fixes both.
    """
    rng = np.random.default_rng(seed)
    W1 = rng.standard_normal((n_hidden, n_in)) / np.sqrt(n_in)
    W2 = rng.standard_normal((n_out, n_hidden)) / np.sqrt(n_hidden)
    return Params(W1, np.zeros((n_hidden, 1)), W2, np.zeros((n_out, 1)))


def relu(z: np.ndarray) -> np.ndarray:
    """ReLU(z) = max(z, 0), elementwise."""
    return np.maximum(z, 0.0)


# --8<-- [start:softmax]
def softmax(z: np.ndarray) -> np.ndarray:
    """Column-wise softmax of logits ``z: (n_out, m)``; each column sums to 1.

    Subtracting each column's maximum first leaves the result unchanged (it cancels in
    the ratio) but keeps ``exp`` from overflowing for large logits such as 1e4.
    """
    shifted = z - z.max(axis=0, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=0, keepdims=True)
    # --8<-- [end:softmax]


# --8<-- [start:forward]
def forward(params: Params, x0: np.ndarray) -> Forward:
    """Run the network on ``x0: (n_in, m)``; returns z1, A1: (h, m) and z2, A2: (n_out, m)."""
    z1 = params.W1 @ x0 + params.b1
    A1 = relu(z1)
    z2 = params.W2 @ A1 + params.b2
    A2 = softmax(z2)
    return Forward(z1, A1, z2, A2)
    # --8<-- [end:forward]


# --8<-- [start:cross_entropy]
def cross_entropy(A2: np.ndarray, Y: np.ndarray) -> float:
    """L = -sum(Y * log A2), summed over classes and examples. A2, Y: (n_out, m).

    Terms with Y = 0 count as 0 even where A2 = 0 (the limit of y log y). A probability of
    exactly 0 for a true class gives ``inf``: training checks for that.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = Y * np.log(A2)
    return float(-np.sum(terms, where=Y > 0))
    # --8<-- [end:cross_entropy]


# --8<-- [start:backward]
def backward(params: Params, x0: np.ndarray, Y: np.ndarray, fwd: Forward) -> Params:
    """Gradients of the summed cross-entropy with respect to every parameter.

    dz2 = A2 - Y                    (softmax and cross-entropy together)
    dW2 = dz2 A1^T,   db2 = row sums of dz2
    dz1 = (W2^T dz2) * [z1 > 0]     (ReLU passes gradient only where it was active)
    dW1 = dz1 x0^T,   db1 = row sums of dz1
    Returned as a ``Params`` of the same shapes as ``params``.
    """
    dz2 = fwd.A2 - Y
    dW2 = dz2 @ fwd.A1.T
    db2 = dz2.sum(axis=1, keepdims=True)
    dz1 = (params.W2.T @ dz2) * (fwd.z1 > 0)
    dW1 = dz1 @ x0.T
    db1 = dz1.sum(axis=1, keepdims=True)
    return Params(dW1, db1, dW2, db2)
    # --8<-- [end:backward]


# --8<-- [start:gradient_step]
def gradient_step(params: Params, grads: Params, lr: float) -> Params:
    """One gradient-descent update, p <- p - lr * dp, returning new arrays."""
    return Params(*(p - lr * dp for p, dp in zip(params, grads)))
    # --8<-- [end:gradient_step]


def one_hot(labels: np.ndarray, n_classes: int) -> np.ndarray:
    """Labels ``(m,)`` of integers in [0, n_classes) -> one-hot matrix ``(n_classes, m)``."""
    return np.eye(n_classes)[:, np.asarray(labels, dtype=int)]


def predict(A2: np.ndarray) -> np.ndarray:
    """The most probable class of each column of ``A2: (n_out, m)``, shape ``(m,)``."""
    return A2.argmax(axis=0)


def accuracy(A2: np.ndarray, labels: np.ndarray) -> float:
    """Fraction of examples whose most probable class is the label."""
    return float(np.mean(predict(A2) == labels))
