"""What a run is held to: scikit-learn's ``MLPClassifier`` with the run's settings, on the
same points (``scratchnet.reference_mlp``): its validation accuracy beside ours."""

from __future__ import annotations

from ..reference_mlp import mlp_classifier_score
from .datasets import PlaneData
from .runs import Run


def compare_with_sklearn(run: Run, data: PlaneData, *, seed: int) -> dict:
    """``{"ours": our final validation accuracy, "sklearn": MLPClassifier's, trained with
    the run's settings and ``seed`` on the standardised training points}``."""
    settings = run.settings
    theirs = mlp_classifier_score(
        (data.train.x, data.train.labels),
        (data.valid.x, data.valid.labels),
        hidden=settings["hidden"],
        activation=settings["activation"] or "identity",
        lr=settings["lr"],
        epochs=settings["epochs"],
        batch_size=settings["batch_size"],
        seed=seed,
    )
    return {"ours": float(run.history.val_accuracy[-1]), "sklearn": theirs}
