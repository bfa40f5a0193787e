"""The layer library's references, written in JAX: run only in the JAX worker process
(tests/nn/jax_worker.py), never imported by pytest's. They take numpy arrays and return
numpy arrays, so that nothing sent back needs JAX to be unpickled."""

from __future__ import annotations

import os

import jax
import numpy as np

jax.config.update("jax_enable_x64", True)  # before any JAX array exists

import jax.numpy as jnp  # noqa: E402


def process_and_precision() -> tuple[int, bool]:
    """This process's id, and whether JAX computes in float64 here."""
    return os.getpid(), bool(jax.config.jax_enable_x64)


# The losses, each (outputs z: (n, classes), target rows t: (n, classes), divisor).
def mse(z, t, divisor):
    return jnp.sum((z - t) ** 2) / divisor


def softmax_mse(z, t, divisor):
    return jnp.sum((jax.nn.softmax(z, axis=1) - t) ** 2) / divisor


def cross_entropy(z, t, divisor):
    return -jnp.sum(t * jax.nn.log_softmax(z, axis=1)) / divisor


# Each loss's (value, d value / d outputs), compiled once per shape.
LOSSES = {
    "MSE": jax.jit(jax.value_and_grad(mse)),
    "SoftmaxMSE": jax.jit(jax.value_and_grad(softmax_mse)),
    "CrossEntropy": jax.jit(jax.value_and_grad(cross_entropy)),
}


def loss_value_and_grad(name: str, outputs, targets, divisor: float) -> tuple[float, np.ndarray]:
    """The loss `name` of outputs (n, classes) against target rows (n, classes), divided
    by `divisor`, and its gradient with respect to the outputs, (n, classes)."""
    value, grad = LOSSES[name](outputs, targets, divisor)
    return float(value), np.asarray(grad)


# The layers in jax.numpy, compiled once per shape.
ACTIVATIONS = {
    "ReLU": jax.jit(lambda x: jnp.maximum(x, 0.0)),
    "Sigmoid": jax.jit(jax.nn.sigmoid),
    "Tanh": jax.jit(jnp.tanh),
    "Softmax": jax.jit(lambda x: jax.nn.softmax(x, axis=1)),
}


@jax.jit
def linear(x, W, b):
    return x @ W + b


@jax.jit
def sequential(x, W1, b1, W2, b2, W3, b3):
    a1 = jnp.maximum(x @ W1 + b1, 0.0)
    a2 = jax.nn.sigmoid(a1 @ W2 + b2)
    return jax.nn.softmax(a2 @ W3 + b3, axis=1)


def vjp(function, grad_out, *inputs) -> tuple[np.ndarray, ...]:
    """(function(*inputs), and the gradient with respect to each input of the product of
    grad_out with the output): what a forward then a backward pass return."""
    out, pullback = jax.vjp(function, *inputs)
    return tuple(np.asarray(a) for a in (out, *pullback(jnp.asarray(grad_out))))


def linear_vjp(x, W, b, grad_out):
    """x: (n, n_in), W: (n_in, n_out), b: (n_out,), grad_out: (n, n_out) ->
    (x @ W + b, d x, d W, d b)."""
    return vjp(linear, grad_out, x, W, b)


def activation_vjp(name: str, x, grad_out):
    """x, grad_out: (n, n_in) -> (the activation `name` of x, d x)."""
    return vjp(ACTIVATIONS[name], grad_out, x)


def sequential_vjp(x, params, grad_out):
    """Linear, ReLU, Linear, Sigmoid, Linear, Softmax. x: (n, n_in), params: [W1, b1, W2,
    b2, W3, b3], grad_out: (n, n_out) -> (output, d x, d W1, d b1, ..., d b3)."""
    return vjp(sequential, grad_out, x, *params)
