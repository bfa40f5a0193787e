"""Part three's runs: the network each builds, a snapshot per update of full-batch
descent, every update replayed exactly from what the run's file keeps (the browser's
trainer will be held to it), and the files round trip."""

from __future__ import annotations

import numpy as np
import pytest

from scratchnet import nn
from scratchnet.plane.runs import (
    build_model,
    load_run,
    parameter_count,
    replay,
    save_run,
    train_run,
)
from scratchnet.user_errors import InputProblem

NETWORK = dict(hidden=[8, 2], activation="tanh", init="glorot", lr=0.3, epochs=12, batch_size=None)


def test_the_model_has_the_layers_its_sizes_say():
    model = build_model(
        [2, 8, 2, 3], activation="tanh", init="glorot", rng=np.random.default_rng(0)
    )
    assert repr(model) == "Sequential([Linear(2, 8), Tanh(), Linear(8, 2), Tanh(), Linear(2, 3)])"
    regression = build_model([2, 4], activation=None, init="glorot", rng=np.random.default_rng(0))
    assert repr(regression) == "Sequential([Linear(2, 4)])"
    assert parameter_count([2, 8, 2, 3]) == sum(p.data.size for p in model.parameters()) == 51


def test_full_batch_descent_keeps_a_snapshot_per_update(moons):
    run = train_run(moons, NETWORK, seed=0, stream="moons/network")
    assert run.order is None
    assert set(run.snapshots) == {"W1", "b1", "W2", "b2", "W3", "b3"}
    assert run.snapshots["W1"].shape == (13, 2, 8) and run.snapshots["b3"].shape == (13, 2)
    assert all(values.dtype == np.float64 for values in run.snapshots.values())
    assert len(run.history.loss) == len(run.history.val_accuracy) == 13
    # Entry k of the history is the network of snapshot k, on each set.
    for epoch in (0, 5, 12):
        model = run.model(epoch)
        assert (
            nn.CrossEntropy()(model(moons.train.x), moons.train.labels) == run.history.loss[epoch]
        )
        predicted = model(moons.valid.x).argmax(axis=1)
        assert np.mean(predicted == moons.valid.labels) == run.history.val_accuracy[epoch]
    # Each snapshot is one step of gradient descent on the whole set from the one before.
    model = run.model(6)
    loss = nn.CrossEntropy()
    loss(model(moons.train.x), moons.train.labels)
    model.backward(loss.backward())
    for name, parameter in zip(run.snapshots, model.parameters()):
        step = run.snapshots[name][6] - NETWORK["lr"] * parameter.grad
        np.testing.assert_array_equal(run.snapshots[name][7], step)


@pytest.mark.parametrize("batch_size", [None, 7])
def test_every_update_replays_exactly_from_the_saved_file(moons, tmp_path, batch_size):
    settings = {**NETWORK, "batch_size": batch_size, "epochs": 5}
    run = train_run(moons, settings, seed=1, stream="moons/network")
    save_run(run, tmp_path / "run.npz")
    saved = load_run(tmp_path / "run.npz")
    if batch_size is None:
        assert saved.order is None
    else:  # each epoch a permutation of the training points
        assert saved.order.shape == (5, len(moons.train.x))
        assert (np.sort(saved.order, axis=1) == np.arange(len(moons.train.x))).all()
        assert not np.array_equal(saved.order[0], saved.order[1])
    again = replay(saved, moons)
    for name, values in run.snapshots.items():
        np.testing.assert_array_equal(again[name], values)  # bit for bit


def test_a_run_file_round_trips_with_its_settings(moons, tmp_path):
    run = train_run(moons, NETWORK, seed=0, stream="moons/network")
    save_run(run, tmp_path / "run.npz")
    back = load_run(tmp_path / "run.npz")
    assert back.settings == NETWORK  # batch_size None included
    for field in nn.History._fields:
        np.testing.assert_array_equal(getattr(back.history, field), getattr(run.history, field))
    for name in run.snapshots:
        np.testing.assert_array_equal(back.snapshots[name], run.snapshots[name])
    save_run(back, tmp_path / "again.npz")
    assert (tmp_path / "again.npz").read_bytes() == (tmp_path / "run.npz").read_bytes()


def test_runs_draw_apart_and_a_seed_repeats(moons):
    a = train_run(moons, NETWORK, seed=0, stream="moons/network")
    b = train_run(moons, NETWORK, seed=0, stream="moons/network")
    c = train_run(moons, NETWORK, seed=0, stream="circles/network")
    np.testing.assert_array_equal(a.snapshots["W1"], b.snapshots["W1"])
    assert not np.array_equal(a.snapshots["W1"][0], c.snapshots["W1"][0])


def test_softmax_regression_has_no_hidden_layer(spiral):
    settings = dict(hidden=[], activation=None, init="glorot", lr=0.5, epochs=3, batch_size=None)
    run = train_run(spiral, settings, seed=0, stream="spiral/softmax_regression")
    assert set(run.snapshots) == {"W1", "b1"} and run.snapshots["W1"].shape == (4, 2, 3)


def test_a_diverging_run_is_one_line_naming_it(moons):
    settings = {**NETWORK, "activation": "relu", "init": "he", "lr": 1e100}
    with pytest.raises(
        InputProblem, match=r"^plane run moons/network \(seed 0\): training diverged in epoch"
    ):
        train_run(moons, settings, seed=0, stream="moons/network")
    with pytest.raises(InputProblem, match=r"try a smaller learning rate \(plane\.depth\.lr\)$"):
        train_run(moons, {**settings, "hidden": [8, 8]}, seed=0, stream="moons/deep")
