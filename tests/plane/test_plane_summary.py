"""Part three's numbers: each run's summary, and the runs by the role their dataset plays,
so that a page quotes the same keys whichever data the run is on."""

from __future__ import annotations

import numpy as np
import pytest

from scratchnet import nn
from scratchnet.plane.runs import Run, save_run
from scratchnet.plane.summary import plane_metrics, run_summary

SETTINGS = dict(activation="tanh", init="glorot", lr=0.1, epochs=4)


def fake_run(hidden: list[int], val_loss: list[float], batch_size: int | None = None) -> Run:
    """A run of ``len(val_loss) - 1`` epochs whose validation loss is ``val_loss``."""
    epochs = len(val_loss)
    history = nn.History(
        loss=np.linspace(1.0, 0.1, epochs),
        accuracy=np.linspace(0.5, 0.9, epochs),
        val_loss=np.array(val_loss),
        val_accuracy=np.linspace(0.5, 0.8, epochs),
    )
    settings = {**SETTINGS, "hidden": hidden, "batch_size": batch_size, "epochs": epochs - 1}
    return Run(history, {}, None, settings)


def test_a_runs_summary_says_where_its_validation_loss_was_lowest():
    summary = run_summary(fake_run([7, 7], [1.0, 0.4, 0.3, 0.3, 0.5]), classes=3)
    assert summary["architecture"] == "2-7-7-3"
    assert summary["parameters"] == 3 * 7 + 8 * 7 + 8 * 3
    assert summary["lowest_validation_loss"] == 0.3
    assert summary["lowest_validation_loss_epoch"] == 2  # the first epoch it was reached
    assert summary["final_validation_loss"] == 0.5
    assert summary["full_batch"] is True
    assert run_summary(fake_run([4], [1, 1], batch_size=10), classes=2)["full_batch"] is False


@pytest.fixture
def saved(tmp_path):
    """Runs on two datasets as the pipeline saves them: (runs, files)."""
    runs = {
        "spiral": {"shallow": fake_run([16], [1, 0.5]), "deep": fake_run([7, 7], [1, 0.6])},
        # Widths whose names sort otherwise than the widths do.
        "capacity": {f"width-{w}": fake_run([w], [1, 0.5 + w / 100]) for w in (32, 4, 1)},
        "moons": {"network": fake_run([8, 2], [1, 0.2])},
    }
    files = []
    for dataset, named in runs.items():
        for name, run in named.items():
            files.append(tmp_path / f"{dataset}-{name}.npz")
            save_run(run, files[-1])
    return {dataset: list(named) for dataset, named in runs.items()}, files


def test_the_runs_are_quoted_by_role_with_the_narrowest_and_the_widest(saved, spiral, moons):
    runs, files = saved
    data = {"spiral": spiral, "capacity": moons, "moons": moons}
    roles = {"main": "moons", "capacity": "capacity", "depth": "spiral"}
    metrics = plane_metrics(data, runs, files, {}, roles=roles, csv=None)
    assert metrics["main"]["key"] == "moons" and metrics["main"]["architecture"] == "2-8-2-2"
    assert metrics["main"]["train_points"] == len(moons.train.labels)
    depth = metrics["depth"]
    assert (depth["key"], depth["dataset"], depth["classes"]) == ("spiral", "spiral", 3)
    assert depth["shallow"] == metrics["runs"]["spiral"]["shallow"]
    assert depth["deep"]["architecture"] == "2-7-7-3"
    capacity = metrics["capacity"]
    assert {"width_1", "width_4", "width_32"} <= set(capacity)
    assert capacity["narrowest"] == capacity["width_1"] == metrics["runs"]["capacity"]["width_1"]
    assert capacity["widest"]["architecture"] == "2-32-2"


def test_on_the_readers_points_every_role_is_theirs(saved, moons, tmp_path):
    runs, files = saved
    data = {"csv": moons._replace(name="my-points.csv")}
    everything = {"csv": [name for named in runs.values() for name in named]}
    metrics = plane_metrics(
        data, everything, files, {}, roles=dict.fromkeys(("main", "capacity", "depth"), "csv"),
        csv="my-points.csv",
    )  # fmt: skip
    assert metrics["data"]["tutorial"] is False and metrics["data"]["file"] == "my-points.csv"
    for role in ("main", "capacity", "depth"):
        assert (metrics[role]["key"], metrics[role]["dataset"]) == ("csv", "my-points.csv")
    assert metrics["capacity"]["widest"]["architecture"] == "2-32-2"
