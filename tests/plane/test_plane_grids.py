"""The plane's grid, a network's answers on it, the animation's frames, and the points as
the last hidden layer sees them."""

from __future__ import annotations

import numpy as np
import pytest

from scratchnet.nn.modules import softmax
from scratchnet.plane import grids
from scratchnet.plane.datasets import standardised
from scratchnet.plane.hidden_view import hidden_view
from scratchnet.plane.runs import train_run

NETWORK = dict(hidden=[8, 2], activation="tanh", init="glorot", lr=0.3, epochs=20, batch_size=None)


@pytest.fixture(scope="module")
def trained(moons):
    return train_run(moons, NETWORK, seed=0, stream="moons/network")


def test_the_grid_spans_every_point_with_a_margin_and_squares_comparable_spans(moons):
    grid = grids.plane_grid(moons, resolution=30)
    points = np.concatenate([moons.train.points, moons.valid.points])
    assert grid.x1.shape == grid.x2.shape == (30,)
    assert grid.x1[0] < points[:, 0].min() and grid.x1[-1] > points[:, 0].max()
    assert grid.x2[0] < points[:, 1].min() and grid.x2[-1] > points[:, 1].max()
    assert np.isclose(np.ptp(grid.x1), np.ptp(grid.x2))  # the moons: 4 by 2.5, made square
    assert grid.points().shape == (900, 2) and (grid.points()[1] == [grid.x1[1], grid.x2[0]]).all()


def test_very_different_spans_keep_their_own_margins():
    rng = np.random.default_rng(0)
    points = np.column_stack([rng.uniform(1000, 4000, 40), rng.uniform(0, 1, 40)])
    labels = np.arange(40) % 2
    data = standardised("prices.csv", (points[:20], labels[:20]), (points[20:], labels[20:]))
    grid = grids.plane_grid(data, resolution=10)
    spans = np.ptp(points, axis=0)
    np.testing.assert_allclose([np.ptp(grid.x1), np.ptp(grid.x2)], 1.2 * spans)


def test_the_boundary_is_the_networks_answer_at_each_grid_point(moons, trained):
    grid = grids.plane_grid(moons, resolution=12)
    boundary = grids.boundary(trained, moons, grid)
    probabilities = boundary["probabilities"]
    assert probabilities.shape == (12, 12, 2) and probabilities.dtype == np.float32
    np.testing.assert_allclose(probabilities.sum(axis=-1), 1, rtol=1e-6)
    row, column = 4, 7
    point = np.array([[grid.x1[column], grid.x2[row]]])
    expected = softmax(trained.model()(moons.standardise(point)))[0]
    np.testing.assert_allclose(probabilities[row, column], expected, rtol=1e-6)
    assert boundary["hidden"].tolist() == [8, 2] and str(boundary["activation"]) == "tanh"
    assert int(boundary["parameters"]) == 24 + 18 + 6  # (2 + 1) 8 + (8 + 1) 2 + (2 + 1) 2
    assert boundary["valid_accuracy"] == trained.history.val_accuracy[-1]


def test_each_units_response_is_its_layers_output(moons, trained):
    grid = grids.plane_grid(moons, resolution=9)
    units = grids.unit_responses(trained, moons, grid)
    assert units["layer1"].shape == units["hidden1"].shape == (9, 9, 8)
    assert units["hidden2"].shape == (9, 9, 2) and units["logits"].shape == (9, 9, 2)
    W1, b1 = trained.snapshots["W1"][-1], trained.snapshots["b1"][-1]
    pre = moons.standardise(grid.points()) @ W1 + b1
    np.testing.assert_allclose(units["layer1"].reshape(-1, 8), pre, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(units["hidden1"], np.tanh(units["layer1"]), rtol=1e-5, atol=1e-6)


def test_frames_are_dense_at_the_start_and_end_at_the_last_epoch():
    shown = grids.frame_epochs(300, 100)
    assert len(shown) == 100 and shown[0] == 0 and shown[-1] == 300
    assert (np.diff(shown) >= 1).all()
    assert (np.diff(shown)[:10] == 1).all() and np.diff(shown)[-1] > 4
    assert grids.frame_epochs(3, 4).tolist() == [0, 1, 2, 3]
    with pytest.raises(ValueError, match="frames 5; expected 2 to epochs"):
        grids.frame_epochs(3, 5)


def test_the_frames_are_the_boundary_after_their_epochs(moons, trained):
    grid = grids.plane_grid(moons, resolution=8)
    frames = grids.boundary_frames(trained, moons, grid, frames=6)
    assert frames["epochs"].tolist() == grids.frame_epochs(20, 6).tolist()
    assert frames["probabilities"].shape == (6, 8, 8, 2)
    at_5 = grids.probabilities_on(trained.model(int(frames["epochs"][3])), moons, grid)
    np.testing.assert_allclose(frames["probabilities"][3], at_5, atol=1e-3)  # float16


def test_two_hidden_units_are_the_view_itself_and_the_line_parts_the_predictions(moons, trained):
    view = hidden_view(trained, moons, resolution=40)
    model = trained.model()
    hidden = model.layers[3](model.layers[2](model.layers[1](model.layers[0](moons.train.x))))
    np.testing.assert_array_equal(view["train"], hidden)
    assert view["explained"].tolist() == [1.0, 1.0]
    # The output layer's answer at a point's hidden coordinates is the network's answer.
    column = np.abs(view["c1"][None] - view["train"][:, :1]).argmin(axis=1)
    row = np.abs(view["c2"][None] - view["train"][:, 1:]).argmin(axis=1)
    at_points = view["probabilities"][row, column].argmax(axis=1)
    predicted = model(moons.train.x).argmax(axis=1)
    assert np.mean(at_points == predicted) > 0.97  # grid cells, not points: the odd one off


def test_more_hidden_units_are_seen_along_their_first_two_components(spiral):
    settings = dict(
        hidden=[6], activation="tanh", init="glorot", lr=0.5, epochs=20, batch_size=None
    )
    run = train_run(spiral, settings, seed=0, stream="spiral/shallow")
    view = hidden_view(run, spiral, resolution=10)
    axes = view["axes"]
    np.testing.assert_allclose(axes @ axes.T, np.eye(2), atol=1e-12)
    assert 0 < view["explained"][1] <= view["explained"][0] and view["explained"].sum() <= 1
    assert (axes[np.arange(2), np.abs(axes).argmax(axis=1)] > 0).all()
    hidden = np.tanh(spiral.train.x @ run.snapshots["W1"][-1] + run.snapshots["b1"][-1])
    np.testing.assert_allclose(view["train"], (hidden - view["origin"]) @ axes.T, atol=1e-12)
    assert view["probabilities"].shape == (10, 10, 3)


def test_softmax_regression_has_no_hidden_view(moons):
    settings = dict(hidden=[], activation=None, init="glorot", lr=0.5, epochs=2, batch_size=None)
    run = train_run(moons, settings, seed=0, stream="moons/softmax_regression")
    with pytest.raises(ValueError, match="no hidden layer"):
        hidden_view(run, moons, resolution=5)
