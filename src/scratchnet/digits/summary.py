"""The digits chapter's numbers, gathered from the saved runs for the text to quote."""

from __future__ import annotations

import numpy as np

from .init_study import SCHEMES
from .runs import SavedRun


def first_full_accuracy(accuracy: np.ndarray) -> int | None:
    """The first epoch whose training accuracy is 1.0, or None if never reached."""
    reached = np.flatnonzero(accuracy == 1.0)
    return int(reached[0]) if reached.size else None


def run_summary(run: SavedRun) -> dict:
    """Final accuracies and the first epoch of full training accuracy of one run."""
    h = run.history
    return {
        "epochs": len(h.loss) - 1,
        "final_training_accuracy": float(h.accuracy[-1]),
        "final_validation_accuracy": float(h.val_accuracy[-1]),
        "best_validation_accuracy": float(h.val_accuracy.max()),
        "first_full_training_accuracy_epoch": first_full_accuracy(h.accuracy),
    }


def losses_summary(val_accuracy: np.ndarray, active_units: np.ndarray) -> dict:
    """Final validation accuracy over the seeds that did not diverge (NaN at the end),
    ``val_accuracy: (seeds, epochs + 1)``, and the mean number of first-layer units still
    active after training (``active_units: (seeds,)``, -1 if diverged); None where every
    seed diverged."""
    final = val_accuracy[:, -1]
    finished = final[np.isfinite(final)]
    summary = {"seeds": len(final), "diverged": int(len(final) - len(finished))}
    active = active_units[active_units >= 0]
    summary["active_units_mean"] = float(active.mean()) if len(active) else None
    for name, f in (("mean", np.mean), ("min", np.min), ("max", np.max)):
        value = float(f(finished)) if len(finished) else None
        summary[f"final_validation_accuracy_{name}"] = value
    return summary


def init_study_summary(study: dict[str, dict[str, np.ndarray]]) -> dict:
    """Per scheme (``study``: scheme -> measure -> (layers,), see ``init_study.by_scheme``):
    the final standard deviation and largest value (None if the values overflowed), the
    first layer whose values overflowed float64, and the first at which ``np.std``
    returned inf (None if none did)."""

    def first_inf_layer(values: np.ndarray) -> int | None:
        overflowed = np.flatnonzero(~np.isfinite(values))
        return int(overflowed[0]) + 1 if overflowed.size else None

    summary = {}
    for key, measured in study.items():
        spread, largest = measured["spread"], measured["largest"]
        summary[key] = {
            "label": SCHEMES[key][2],
            "final_std": float(spread[-1]) if np.isfinite(spread[-1]) else None,
            "final_largest": float(largest[-1]) if np.isfinite(largest[-1]) else None,
            "overflow_layer": first_inf_layer(spread),
            "numpy_std_overflow_layer": first_inf_layer(measured["numpy_std"]),
            "layers": len(spread),
        }
    return summary
