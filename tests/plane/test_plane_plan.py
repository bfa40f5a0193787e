"""What part three computes from its settings: the runs on each dataset, their settings,
and the reader's points replacing every dataset."""

from __future__ import annotations

import pytest

from scratchnet.plane import plan
from scratchnet.plane.runs import SETTINGS, parameter_count


def test_each_run_gets_every_setting_it_needs(plane):
    for dataset in plan.datasets(plane):
        for run in plan.runs(plane, dataset):
            assert set(plan.run_settings(plane, run)) == set(SETTINGS), run


def test_the_capacity_runs_are_one_hidden_layer_per_width(plane):
    widths = plane["capacity"]["widths"]
    assert plan.runs(plane, "capacity") == [f"width-{w}" for w in widths]
    assert plan.run_settings(plane, "width-8")["hidden"] == [8]
    assert plan.run_settings(plane, "softmax_regression")["hidden"] == []


def test_depth_compares_one_hidden_layer_with_two_of_about_as_many_parameters(plane):
    shallow, deep = plane["depth"]["shallow"], plane["depth"]["deep"]
    assert len(shallow) == 1 and len(deep) == 2
    sizes = [
        parameter_count([2, *hidden, plane["datasets"]["spiral"]["arms"]])
        for hidden in (shallow, deep)
    ]
    assert abs(sizes[0] - sizes[1]) <= 0.1 * min(sizes), sizes


def test_the_main_run_is_full_batch_descent(plane):
    assert plan.run_settings(plane, "network")["batch_size"] is None


@pytest.mark.parametrize("csv", ["points.csv", None])
def test_the_readers_points_replace_every_dataset(plane, csv):
    settings = {**plane, "csv": csv}
    if csv == "points.csv":
        assert plan.datasets(settings) == ["csv"]
        assert all(plan.figure_datasets(settings, f) == ["csv"] for f in plan.FIGURES)
        runs = plan.runs(settings, "csv")
        assert {"network", "softmax_regression", "shallow", "deep"} <= set(runs)
        assert len(runs) == 4 + len(plane["capacity"]["widths"])
    else:
        assert plan.datasets(settings) == ["moons", "circles", "xor", "spiral", "capacity"]
        assert plan.figure_datasets(settings, "hidden_layer") == ["circles", "xor"]


def test_an_unknown_run_is_an_error():
    with pytest.raises(ValueError, match="no plane run 'wide'"):
        plan.run_settings({}, "wide")


@pytest.mark.parametrize(
    "widths, chosen", [([1, 2, 3, 4, 8, 32], "width-8"), ([1, 6, 12], "width-6")]
)
def test_the_playgrounds_mini_batch_run_is_a_capacity_run_near_8_wide(plane, widths, chosen):
    settings = {**plane, "capacity": {**plane["capacity"], "widths": widths}}
    dataset, run = plan.playground_batches(settings)
    assert (dataset, run) == (plan.figure_datasets(settings, "capacity")[0], chosen)
    assert run in plan.runs(settings, dataset)
