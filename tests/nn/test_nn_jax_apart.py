"""JAX kept apart: the references run in a worker process with JAX in float64, and pytest's
own process, which forks to start ffmpeg and snakemake, never imports JAX (at collection,
checked here; in a test, checked when the worker stops after the last test)."""

import os
import sys

import numpy as np


def test_the_references_run_in_another_process_in_float64(in_jax):
    pid, float64 = in_jax("process_and_precision")
    assert pid != os.getpid()
    assert float64


def test_pytest_never_imports_jax(in_jax):
    x, W, b = np.ones((2, 3)), np.ones((3, 4)), np.zeros(4)
    out, *grads = in_jax("linear_vjp", x, W, b, np.ones((2, 4)))
    np.testing.assert_array_equal(out, np.full((2, 4), 3.0))  # a reference came back
    assert type(out) is np.ndarray and all(type(g) is np.ndarray for g in grads)
    assert "jax" not in sys.modules
