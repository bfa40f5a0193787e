"""What we compare against: scikit-learn's ``MLPClassifier`` with our settings.

Same split, same hidden layer, same plain SGD (no momentum, no L2 penalty, constant
learning rate, shuffled batches, every epoch run): if our library is right, its test
accuracy lands where scikit-learn's does. The two differ only in their random draws
(and scikit-learn's Glorot-uniform initial weights).
"""

from __future__ import annotations

import warnings

from .data import Split


def mlp_classifier_accuracy(settings: dict, train: Split, test: Split, *, seed: int) -> float:
    """Test accuracy of ``MLPClassifier`` trained as the reference run's ``settings``
    (hidden, lr, epochs, batch_size) say."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    classifier = MLPClassifier(
        hidden_layer_sizes=(settings["hidden"],),
        activation="relu",
        solver="sgd",
        batch_size=settings["batch_size"],
        learning_rate="constant",
        learning_rate_init=settings["lr"],
        momentum=0.0,
        nesterovs_momentum=False,
        alpha=0.0,
        max_iter=settings["epochs"],
        shuffle=True,
        n_iter_no_change=settings["epochs"] + 1,  # never stop early: all epochs run
        random_state=seed,
    )
    with warnings.catch_warnings():
        # It warns that 50 epochs did not converge to its tolerance: expected here.
        warnings.simplefilter("ignore", ConvergenceWarning)
        classifier.fit(train.x, train.labels)
    return float(classifier.score(test.x, test.labels))
