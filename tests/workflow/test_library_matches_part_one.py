"""The layer library retrains part one's network of a real build, with that build's own
settings, and follows the hand-written network's history: the check the "How we know it
is right" page describes, with the numbers that page quotes from the same build."""

from __future__ import annotations

import json

import numpy as np
import pytest

from scratchnet.lines.datasets import read_csv
from scratchnet.lines.snapshots import load_history
from scratchnet.nn import SGD, CrossEntropy, Linear, ReLU, Sequential, fit

pytestmark = pytest.mark.e2e


def test_the_library_follows_the_builds_hand_written_training(built):
    config = json.loads((built / "results" / "config.json").read_text())
    metrics = json.loads((built / "results" / "metrics.json").read_text())
    data = read_csv(built / "results" / "data" / "train.csv")
    reference = load_history(built / "results" / "training" / "history.npz")
    start = reference.params_at(0)  # W1: (hidden, 9), b1: (hidden, 1), W2: (2, hidden)

    # The same network as layers, started from the build's initial parameters (drawn
    # weights replaced): examples are rows here, so each W is the transpose.
    rng, hidden = np.random.default_rng(0), config["hidden"]
    model = Sequential([Linear(9, hidden, rng=rng), ReLU(), Linear(hidden, 2, rng=rng)])
    first, second = model.layers[0], model.layers[2]
    first.W.data, first.b.data = start.W1.T.copy(), start.b1[:, 0].copy()
    second.W.data, second.b.data = start.W2.T.copy(), start.b2[:, 0].copy()
    history = fit(
        model,
        CrossEntropy(reduction="sum"),
        SGD(model.parameters(), lr=config["lr"]),
        data.x0().T,
        data.labels,
        epochs=config["iterations"],  # full batch: one update per epoch
    )

    assert len(history.loss) == len(reference.loss) == config["iterations"] + 1
    np.testing.assert_allclose(history.loss, reference.loss, rtol=1e-10, atol=0)
    np.testing.assert_array_equal(history.accuracy, reference.accuracy)
    reached = int(np.flatnonzero(history.accuracy == 1.0)[0])
    assert reached == metrics["first_full_accuracy_iteration"]
    final = reference.params_at(config["iterations"])
    np.testing.assert_allclose(first.W.data, final.W1.T, rtol=1e-9)
