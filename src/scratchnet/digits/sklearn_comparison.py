"""What we compare against: scikit-learn's ``MLPClassifier`` with our settings.

Same split, same hidden layer, same plain SGD (``scratchnet.reference_mlp``): if our
library is right, its test accuracy lands where scikit-learn's does.
"""

from __future__ import annotations

from ..reference_mlp import mlp_classifier_score
from .data import Split


def mlp_classifier_accuracy(settings: dict, train: Split, test: Split, *, seed: int) -> float:
    """Test accuracy of ``MLPClassifier`` trained as the reference run's ``settings``
    (hidden, lr, epochs, batch_size) say."""
    return mlp_classifier_score(
        (train.x, train.labels),
        (test.x, test.labels),
        hidden=[settings["hidden"]],
        activation="relu",
        lr=settings["lr"],
        epochs=settings["epochs"],
        batch_size=settings["batch_size"],
        seed=seed,
    )
