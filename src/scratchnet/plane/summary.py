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
    return {
        **run.settings,
        "parameters": parameter_count([2, *run.settings["hidden"], classes]),
        "final_training_loss": float(h.loss[-1]),
        "final_validation_loss": float(h.val_loss[-1]),
        "final_training_accuracy": float(h.accuracy[-1]),
        "final_validation_accuracy": float(h.val_accuracy[-1]),
        "sklearn_validation_accuracy": sklearn,
    }
