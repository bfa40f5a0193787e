"""JAX kept out of pytest's process: tests/nn/jax_reference.py runs in a worker process.

JAX starts threads when imported, and a process with threads that forks (as the tests
do, to start ffmpeg or snakemake) can deadlock in the child. So pytest's process never
imports JAX: the references run in one worker started with `spawn` (a fresh interpreter,
not a fork), the only process that imports JAX. Used through the `in_jax` fixture.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def start() -> ProcessPoolExecutor:
    """One worker process, spawned, for `call`."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


def call(name: str, *args):
    """In the worker: the function `name` of jax_reference called with `args`."""
    import jax_reference

    return getattr(jax_reference, name)(*args)
