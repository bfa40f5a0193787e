"""A point of the hyperparameter sweep: a diverged point is a result; a chunk trains the
points it is given, each into its own file."""

import json

import pytest

from scratchnet.digits.sweep import run_chunk, run_point


def test_a_diverging_point_records_its_epoch_instead_of_failing(splits):
    record = run_point(
        loss="mse",
        init="normal",
        lr=1e4,
        seed=0,
        settings={"hidden": 10, "batch_size": 32, "epochs": 3},
        train=splits["train"],
        valid=splits["valid"],
    )
    assert record["diverged_epoch"] == 1
    assert len(record["val_accuracy"]) == 1  # epoch 0, before it diverged


def test_a_chunk_saves_each_point_it_is_given_to_its_own_file(splits, tmp_path):
    points = [
        {"loss": "cross_entropy", "init": "he", "lr": 0.1, "seed": 0},
        {"loss": "mse", "init": "lecun", "lr": 0.3, "seed": 1},
    ]
    paths = [tmp_path / "a.json", tmp_path / "b.json"]
    lines = []
    settings = {"hidden": 5, "batch_size": 64, "epochs": 1}
    run_chunk(points, paths, settings=settings, train=splits["train"], valid=splits["valid"],
              report=lines.append)  # fmt: skip
    for point, path in zip(points, paths):
        record = json.loads(path.read_text())
        assert {key: record[key] for key in point} == point
    assert len(lines) == 2


def test_a_chunk_refuses_points_and_files_that_do_not_pair(splits, tmp_path):
    with pytest.raises(ValueError, match="1 points but 2 result files"):
        run_chunk([{"loss": "mse", "init": "he", "lr": 0.1, "seed": 0}], ["a", "b"],
                  settings={}, train=splits["train"], valid=splits["valid"])  # fmt: skip
