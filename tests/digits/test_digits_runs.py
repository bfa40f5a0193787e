"""The digits runs: built from the config's settings, snapshots after every epoch, the
first training's lesson (100% on its images, far less on the validation set)."""

import numpy as np
import pytest

from scratchnet import nn
from scratchnet.digits.init_study import SCHEMES, by_scheme, run_study
from scratchnet.digits.runs import (
    DigitsRunDiverged,
    build_model,
    load_run,
    parameter_names,
    save_run,
    train_run,
    train_seeds,
)
from scratchnet.digits.summary import init_study_summary
from scratchnet.user_errors import InputProblem

FIRST = dict(hidden=50, images=100, lr=0.005, epochs=30, init="he")


def test_first_training_learns_its_100_images_but_not_the_validation_set(splits):
    result = train_run("first_training", FIRST, splits["train"], splits["valid"], seed=0)
    h = result.history
    assert h.accuracy[-1] == 1.0
    assert h.val_accuracy[-1] < 0.95  # the gap the classic tutorial never showed
    assert np.flatnonzero(h.accuracy == 1.0)[0] <= 25


def test_more_first_training_images_than_the_training_set_is_an_error_naming_both(splits):
    size = len(splits["train"].x)
    settings = {**FIRST, "images": size + 1}
    message = rf"digits\.first_training\.images is {size + 1}.* only {size} images"
    with pytest.raises(InputProblem, match=message):
        train_run("first_training", settings, splits["train"], splits["valid"], seed=0)
    exactly = train_run(
        "first_training",
        {**FIRST, "images": size, "epochs": 1},
        splits["train"],
        splits["valid"],
        seed=0,
    )
    assert len(exactly.history.loss) == 2  # the whole set is allowed


def test_snapshots_hold_every_epochs_parameters(splits, tmp_path):
    settings = dict(lr=0.1, epochs=3, batch_size=32, init="lecun")
    result = train_run("softmax_regression", settings, splits["train"], splits["valid"], seed=0)
    assert set(result.snapshots) == {"W1", "b1"}
    assert result.snapshots["W1"].shape == (4, 64, 10)
    # The last snapshot is the trained model's weights; the first differs from it.
    assert np.array_equal(result.snapshots["W1"][-1], result.model.layers[0].W.data)
    assert not np.array_equal(result.snapshots["W1"][0], result.snapshots["W1"][-1])
    save_run(result, tmp_path / "run.npz")
    back = load_run(tmp_path / "run.npz")
    assert np.array_equal(back.history.val_accuracy, result.history.val_accuracy)
    assert np.array_equal(back.snapshots["b1"], result.snapshots["b1"])


def test_models_have_the_runs_layers():
    rng = np.random.default_rng(0)
    sigmoid = build_model(64, [30], activation="sigmoid", output="sigmoid", init="lecun", rng=rng)
    assert [type(layer) for layer in sigmoid.layers] == [
        nn.Linear,
        nn.Sigmoid,
        nn.Linear,
        nn.Sigmoid,
    ]
    assert parameter_names(sigmoid) == ["W1", "b1", "W2", "b2"]
    softmax = build_model(784, [], activation=None, output=None, init="lecun", rng=rng)
    assert repr(softmax) == "Sequential([Linear(784, 10)])"


def test_seeds_are_stacked_and_differ(splits):
    settings = dict(hidden=20, lr=0.1, epochs=2, batch_size=64, init="he", loss="cross_entropy")
    runs = train_seeds("losses", settings, splits["train"], splits["valid"], seeds=[3, 4])
    assert runs["val_accuracy"].shape == (2, 3) and list(runs["seeds"]) == [3, 4]
    assert runs["W1"].shape == (2, 3, 64, 20) and runs["b2"].shape == (2, 3, 10)
    assert not np.isnan(runs["W1"]).any() and list(runs["diverged_epoch"]) == [-1, -1]
    assert not np.array_equal(runs["loss"][0], runs["loss"][1])


def test_a_diverging_run_names_itself(splits):
    settings = dict(hidden=20, lr=1e6, epochs=5, batch_size=32, init="normal", loss="mse")
    message = r"digits run losses \(seed 0\).*diverged in epoch.*\(digits\.losses\.lr\)$"
    with pytest.raises(DigitsRunDiverged, match=message):
        train_run("losses", settings, splits["train"], splits["valid"], seed=0)


def test_a_diverged_seed_is_a_result_with_its_epochs_before(splits):
    settings = dict(hidden=20, lr=1e6, epochs=3, batch_size=32, init="normal", loss="mse")
    runs = train_seeds("losses", settings, splits["train"], splits["valid"], seeds=[0])
    assert list(runs["diverged_epoch"]) == [1] and list(runs["active_units"]) == [-1]
    assert np.isfinite(runs["val_accuracy"][0, 0]) and np.isnan(runs["val_accuracy"][0, 1:]).all()
    assert np.isfinite(runs["W1"][0, 0]).all() and np.isnan(runs["W1"][0, 1:]).all()


def test_init_study_shows_explosion_balance_and_vanishing():
    summary = init_study_summary(by_scheme(run_study(layers=152, width=512, seed=0)))
    assert set(summary) == set(SCHEMES)
    # Every value stays finite: only np.std, which squares them, overflows.
    assert summary["normal"]["final_std"] > 1e200 and summary["normal"]["overflow_layer"] is None
    assert summary["normal"]["numpy_std_overflow_layer"] > 100
    assert 0.1 < summary["lecun"]["final_std"] < 10
    assert summary["lecun_relu"]["final_std"] < 1e-15
    assert 0.1 < summary["he_relu"]["final_std"] < 10
