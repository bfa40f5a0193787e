"""Each dataset's runs, with the settings the pipeline uses, reach on the validation set at
least scikit-learn's MLPClassifier trained with the same settings, minus 2 points."""

from __future__ import annotations

import pytest

from scratchnet.plane import plan
from scratchnet.plane.datasets import make_dataset
from scratchnet.plane.runs import train_run
from scratchnet.plane.sklearn_comparison import compare_with_sklearn

COMPARED = [
    (dataset, run) for dataset, runs in plan.RUNS.items() for run in runs if run in plan.COMPARED
]


@pytest.mark.parametrize("dataset, run_name", COMPARED, ids=["/".join(c) for c in COMPARED])
def test_our_run_reaches_mlp_classifier_less_two_points(plane, dataset, run_name):
    data = make_dataset(dataset, plane["datasets"][dataset], seed=plane["seed"])
    settings = plan.run_settings(plane, run_name)
    run = train_run(data, settings, seed=plane["seed"], stream=f"{dataset}/{run_name}")
    scores = compare_with_sklearn(run, data, seed=plane["seed"])
    assert scores["ours"] == run.history.val_accuracy[-1]
    assert scores["ours"] >= scores["sklearn"] - 0.02, scores
    if run_name != "softmax_regression":  # the one model that cannot fit these
        assert scores["ours"] >= 0.9, scores


def test_every_dataset_has_a_compared_run():
    assert {dataset for dataset, _ in COMPARED} == {"moons", "circles", "xor", "spiral"}
