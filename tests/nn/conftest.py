"""The JAX references of the layer library's tests, computed in a worker process."""

from __future__ import annotations

import sys

import jax_worker
import pytest


@pytest.fixture(scope="session")
def in_jax():
    """`in_jax("linear_vjp", x, W, b, grad_out)`: that function of tests/nn/jax_reference.py,
    run in the JAX worker process, its numpy result returned here."""
    with jax_worker.start() as worker:
        yield lambda name, *args: worker.submit(jax_worker.call, name, *args).result()
    # Every test that used a reference has run: none of them brought JAX in here.
    assert "jax" not in sys.modules, "JAX was imported in pytest's process"
