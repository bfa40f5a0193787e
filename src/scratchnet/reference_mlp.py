"""The reference both parts compare with: scikit-learn's ``MLPClassifier``, trained as the
layer library trains.

Plain SGD (no momentum, no L2 penalty, a constant learning rate), shuffled batches and
every epoch run (no early stop): if our library is right, it lands where scikit-learn's
does. The two differ only in their random draws and initial weights (scikit-learn's are
Glorot-uniform).
"""

from __future__ import annotations

import warnings

import numpy as np


def mlp_classifier_score(
    train: tuple[np.ndarray, np.ndarray],
    test: tuple[np.ndarray, np.ndarray],
    *,
    hidden: list[int],
    activation: str,
    lr: float,
    epochs: int,
    batch_size: int | None,
    seed: int,
) -> float:
    """The accuracy on ``test = (x, labels)`` of ``MLPClassifier`` trained on ``train``
    with these settings (``batch_size=None``: the whole training set, one update per
    epoch; ``hidden=[]``: no hidden layer, a logistic or softmax regression)."""
    from sklearn.exceptions import ConvergenceWarning  # imported here: slow
    from sklearn.neural_network import MLPClassifier

    x, labels = train
    classifier = MLPClassifier(
        hidden_layer_sizes=tuple(hidden),
        activation=activation,
        solver="sgd",
        batch_size=len(x) if batch_size is None else batch_size,
        learning_rate="constant",
        learning_rate_init=lr,
        momentum=0.0,
        nesterovs_momentum=False,
        alpha=0.0,
        max_iter=epochs,
        shuffle=True,
        n_iter_no_change=epochs + 1,  # never stop early: all epochs run
        random_state=seed,
    )
    with warnings.catch_warnings():
        # It warns that the epochs did not converge to its tolerance: expected here.
        warnings.simplefilter("ignore", ConvergenceWarning)
        classifier.fit(x, labels)
    return float(classifier.score(*test))
