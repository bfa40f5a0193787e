"""Part three's numbers, gathered from the saved data and runs for the text to quote."""

from __future__ import annotations

from .datasets import PlaneData
from .runs import Run, parameter_count


def data_summary(data: PlaneData) -> dict:
    """A dataset's name, number of classes and of points in each split."""
    return {
        "name": data.name,
        "classes": data.classes,
        "train_points": len(data.train.labels),
        "valid_points": len(data.valid.labels),
    }


def run_summary(run: Run, classes: int, sklearn: float | None = None) -> dict:
    """A run's settings, its number of parameters (on ``classes`` classes), its final
    losses and accuracies, and ``MLPClassifier``'s validation accuracy with the same
    settings when it was compared (``sklearn``; None otherwise)."""
    h = run.history
    sizes = [2, *run.settings["hidden"], classes]
    return {
        **run.settings,
        "architecture": "-".join(map(str, sizes)),
        "parameters": parameter_count(sizes),
        "final_training_loss": float(h.loss[-1]),
        "final_validation_loss": float(h.val_loss[-1]),
        "final_training_accuracy": float(h.accuracy[-1]),
        "final_validation_accuracy": float(h.val_accuracy[-1]),
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
    main: str,
    csv: str | None,
) -> dict:
    """The part's numbers: where the points came from (``data.tutorial``: the tutorial's
    datasets, or ``data.file``, the reader's), each dataset's summary, each run's
    (``runs.<dataset>.<run>``) with scikit-learn's accuracy where it was compared, and
    ``main``, the main run's: the network on the dataset ``main``. ``run_files`` are the
    runs' files, in the order of ``runs``."""
    from .runs import load_run

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
        "main": {"dataset": data[main].name, **summaries[main]["network"]},
    }
