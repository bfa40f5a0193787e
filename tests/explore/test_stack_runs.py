"""The numpy side of the plane trainer's browser tests, without a browser: the reference
runs (harness/stack_runs.py) export the very batch orders fit used, their tanh is the
specified one, and the trainer's modules keep to what the page needs (no page, JSDoc on
every export). The browser side is tests/workflow/test_stack_training.py."""

from __future__ import annotations

import re

import numpy as np
import pytest

from harness.chromium import PAGE_MODULES
from harness.stack_runs import blobs, layer_list, reference_run, stack
from scratchnet import nn


def test_the_exported_orders_are_the_batches_fit_trained_on():
    settings = {"epochs": 5, "lr": 0.5, "batch_size": 16, "seed": 3}
    run, trained = reference_run([2, 8, 8, 3], "sigmoid", blobs(200, 2), **settings)
    assert np.array(run["orders"]).shape == (5, 200)
    # The same start, trained by hand over the exported orders cut as fit cuts them.
    model = stack([2, 8, 8, 3], "sigmoid", np.random.default_rng(3))
    assert layer_list(model) == run["layers"]
    x, labels = np.array(run["x"]).reshape(-1, 2), np.array(run["labels"])
    loss, sgd = nn.CrossEntropy(), nn.SGD(model.parameters(), lr=0.5)
    for order in run["orders"]:
        assert sorted(order) == list(range(200))
        for start in range(0, 200, 16):
            batch = order[start : start + 16]
            loss(model(x[batch]), labels[batch])
            model.backward(loss.backward(), input_grad=False)
            sgd.step()
    assert layer_list(model) == run["final"] == layer_list(trained)  # bit for bit
    assert loss(model(x), labels) == run["loss"][-1]


def test_a_full_batch_run_exports_no_order_and_a_loss_per_epoch():
    run, _ = reference_run([2, 4, 3], "relu", blobs(30, 0), epochs=3, lr=0.1)
    assert run["orders"] is None and run["batch_size"] is None
    assert len(run["loss"]) == len(run["accuracy"]) == 4


MATHS_MODULES = ["matrix.js", "stack.js", "random.js"]


@pytest.mark.parametrize("name", MATHS_MODULES)
def test_the_trainers_modules_know_nothing_of_the_page(name):
    text = (PAGE_MODULES / name).read_text()
    assert not re.search(r"\b(document|window|HTMLElement|canvas)\b", text)


@pytest.mark.parametrize("name", [*MATHS_MODULES, "gridimage.js"])
def test_every_export_has_its_jsdoc_and_every_line_fits(name):
    lines = (PAGE_MODULES / name).read_text().splitlines()
    assert max(len(line) for line in lines) <= 100
    for k, line in enumerate(lines):
        if line.startswith("export ") and not line.startswith("export {"):
            assert lines[k - 1].endswith("*/"), f"{name}:{k + 1} has no JSDoc: {line}"
