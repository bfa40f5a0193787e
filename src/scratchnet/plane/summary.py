"""Part three's numbers, gathered from the saved data and runs for the text to quote."""

from __future__ import annotations

import numpy as np

from .datasets import PlaneData
from .runs import Run, load_run, parameter_count


def data_summary(data: PlaneData) -> dict:
    """A dataset's name, number of classes and of points in each split."""
    return {
        "name": data.name,
        "classes": data.classes,
        "train_points": len(data.train.labels),
        "valid_points": len(data.valid.labels),
    }


def run_summary(run: Run, classes: int, sklearn: float | None = None) -> dict:
    """A run's settings (and whether it is ``full_batch``), its number of parameters (on
    ``classes`` classes), its final losses and accuracies, its lowest validation loss and
    the epoch it was first reached at (where a longer run starts to overfit), and
    ``MLPClassifier``'s validation accuracy with the same settings when it was compared
    (``sklearn``; None otherwise)."""
    h = run.history
    sizes = [2, *run.settings["hidden"], classes]
    lowest = int(np.argmin(h.val_loss))
    return {
        **run.settings,
        "architecture": "-".join(map(str, sizes)),
        "full_batch": run.settings["batch_size"] is None,
        "parameters": parameter_count(sizes),
        "final_training_loss": float(h.loss[-1]),
        "final_validation_loss": float(h.val_loss[-1]),
        "final_training_accuracy": float(h.accuracy[-1]),
        "final_validation_accuracy": float(h.val_accuracy[-1]),
        "lowest_validation_loss": float(h.val_loss[lowest]),
        "lowest_validation_loss_epoch": lowest,
        "sklearn_validation_accuracy": sklearn,
    }


def metric_name(run: str) -> str:
    """A run's name as the pages quote it (a quote's keys are words): "width-8" ->
    "width_8"."""
    return run.replace("-", "_")


def plane_metrics(
    data: dict[str, PlaneData],
    runs: dict[str, list[str]],
    run_files: list,
    comparisons: dict,
    *,
    roles: dict[str, str],
    csv: str | None,
) -> dict:
    """The part's numbers: where the points came from (``data.tutorial``: the tutorial's
    datasets, or ``data.file``, the reader's), each dataset's summary, each run's
    (``runs.<dataset>.<run>``) with scikit-learn's accuracy where it was compared, and
    the runs by the role their dataset plays (``roles``: role -> dataset), so that a
    page quotes them whichever data the run is on: ``main``, the main run's (the
    network); ``capacity``, each width's and its ``narrowest`` and ``widest``;
    ``depth``, its ``shallow`` and ``deep`` runs'; each with its dataset's ``dataset``
    (name), ``key``, classes and points. ``run_files`` are the runs' files, in the order of
    ``runs``."""

    files = iter(run_files)
    summaries: dict[str, dict] = {}
    for dataset, names in runs.items():
        summaries[dataset] = {}
        for name in names:
            sklearn = comparisons.get(f"{dataset}/{name}", {}).get("sklearn")
            run = load_run(next(files))
            summaries[dataset][metric_name(name)] = run_summary(run, data[dataset].classes, sklearn)
    return {
        "data": {
            "tutorial": csv is None,
            "file": csv,
            "source": "the tutorial's own datasets" if csv is None else csv,
            "datasets": {name: data_summary(dataset) for name, dataset in data.items()},
        },
        "runs": summaries,
        "main": {**_role(data, roles["main"]), **summaries[roles["main"]]["network"]},
        "capacity": {**_role(data, roles["capacity"]), **_widths(summaries[roles["capacity"]])},
        "depth": {
            **_role(data, roles["depth"]),
            **{name: summaries[roles["depth"]][name] for name in ("shallow", "deep")},
        },
    }


def _widths(summaries: dict[str, dict]) -> dict:
    """The capacity runs among a dataset's run ``summaries`` (``width_1``, ...), and the
    ``narrowest`` and the ``widest`` again under those names (whatever the widths)."""
    widths = {name: s for name, s in summaries.items() if name.startswith("width_")}
    by_width = sorted(widths.values(), key=lambda s: s["hidden"][0])
    return {**widths, "narrowest": by_width[0], "widest": by_width[-1]}


def _role(data: dict[str, PlaneData], dataset: str) -> dict:
    """What a role's entry says of its dataset: its name (``dataset``), its ``key`` (the
    name of its files and of its runs' random draws), its classes and points."""
    summary = data_summary(data[dataset])
    return {"dataset": summary.pop("name"), "key": dataset, **summary}
