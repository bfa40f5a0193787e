"""The digits chapter's training runs, built from the layer library and the config.

Each run is a network, a loss and a way of training. What makes each run what it is (the
tutorial's choices: activations, loss, reduction) is fixed in ``RUNS``; its numbers
(hidden units, learning rate, epochs, batch size, initialisation) come from the config.
A run saves its history and its parameters after every epoch, so figures and the
animation are drawn without training again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .. import nn
from ..atomic import save_npz
from ..user_errors import InputProblem
from .data import N_CLASSES, Split

LOSSES = {"mse": nn.MSE, "softmax_mse": nn.SoftmaxMSE, "cross_entropy": nn.CrossEntropy}
ACTIVATIONS = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid}

# The runs of the classic tutorials. `hidden` comes from the config (none for the
# softmax regression); `output` is applied after the last Linear layer, if any.
RUNS = {
    # One Linear layer, 10 weight vectors, one per digit: a "template" per class.
    "softmax_regression": dict(activation=None, output=None, loss="cross_entropy"),
    # The Nielsen-style network: sigmoid units and squared error on sigmoid outputs.
    "sigmoid_network": dict(activation="sigmoid", output="sigmoid", loss="mse"),
    # The classic tutorial's first training: cross-entropy summed over the batch.
    "first_training": dict(activation="relu", output=None, loss="cross_entropy", reduction="sum"),
    # The model compared with scikit-learn's MLPClassifier.
    "reference": dict(activation="relu", output=None, loss="cross_entropy"),
    # Three of these, one per loss (the loss is given per job).
    "losses": dict(activation="relu", output=None),
}


class DigitsRunDiverged(InputProblem, ArithmeticError):
    """A digits run's loss became NaN or infinite: the user's problem (its settings in the
    config), logged as one line naming the run, its seed, the epoch and the setting to
    change. Raised from the library's ``nn.FitDiverged`` (its ``__cause__``: the epoch
    and the history so far); ``snapshots`` holds the parameters of the epochs before (see
    ``RunResult``)."""

    def __init__(self, message: str, snapshots: dict[str, np.ndarray]):
        super().__init__(message)
        self.snapshots = snapshots


RunDiverged = DigitsRunDiverged  # its first name, kept as an alias


class RunResult(NamedTuple):
    """A trained run: its per-epoch history, ``snapshots`` (name -> (epochs + 1, ...)
    array: W1, b1, W2, ... after every epoch, 1 = the first Linear layer) and the model."""

    history: nn.EpochHistory
    snapshots: dict[str, np.ndarray]
    model: nn.Sequential


# --8<-- [start:build_model]
def build_model(
    n_in: int,
    hidden: list[int],
    *,
    activation: str | None,
    output: str | None,
    init: str,
    rng: np.random.Generator,
) -> nn.Sequential:
    """Linear layers n_in -> hidden... -> 10, ``activation`` between them, ``output``
    (e.g. "sigmoid") after the last one, or raw outputs (logits) if None."""
    sizes = [n_in, *hidden, N_CLASSES]
    layers = []
    for position, (a, b) in enumerate(zip(sizes, sizes[1:])):
        if position > 0:
            layers.append(ACTIVATIONS[activation]())
        layers.append(nn.Linear(a, b, rng=rng, init=init))
    if output is not None:
        layers.append(ACTIVATIONS[output]())
    return nn.Sequential(layers)
    # --8<-- [end:build_model]


def parameter_names(model: nn.Sequential) -> list[str]:
    """W1, b1, W2, b2, ...: the names of ``model.parameters()``, layer by layer."""
    linears = [layer for layer in model.layers if isinstance(layer, nn.Linear)]
    return [f"{kind}{k}" for k in range(1, len(linears) + 1) for kind in ("W", "b")]


def train_run(
    name: str,
    settings: dict,
    train: Split,
    valid: Split,
    *,
    seed: int,
    progress: Callable[[str], None] | None = None,
) -> RunResult:
    """Train run ``name`` of ``RUNS`` with the config's ``settings`` for it.

    ``settings``: lr, epochs, init, and as the run needs hidden (units of the hidden
    layer), batch_size (None: full-batch gradient descent), images (train on the first
    that many training images only), loss. One generator seeded with ``seed`` draws the
    initial weights, then every epoch's order.
    """
    spec = {**RUNS[name], **settings}
    rng = np.random.default_rng(seed)
    hidden = [spec["hidden"]] if spec.get("hidden") else []
    model = build_model(
        train.x.shape[1],
        hidden,
        activation=spec["activation"],
        output=spec["output"],
        init=spec["init"],
        rng=rng,
    )
    loss = LOSSES[spec["loss"]](reduction=spec.get("reduction", "mean"))
    images = spec.get("images") or len(train.x)
    if images > len(train.x):  # slicing would quietly train on fewer than quoted
        raise InputProblem(
            f"digits.{name}.images is {images}, but the training set has only "
            f"{len(train.x)} images: set it to at most {len(train.x)}"
        )
    names = parameter_names(model)
    snapshots = {name: [] for name in names}

    def snapshot(epoch: int, model: nn.Module) -> None:
        for param_name, parameter in zip(names, model.parameters()):
            snapshots[param_name].append(parameter.data.copy())

    try:
        history = nn.fit(
            model,
            loss,
            nn.SGD(model.parameters(), spec["lr"]),
            train.x[:images],
            train.labels[:images],
            epochs=spec["epochs"],
            batch_size=spec.get("batch_size"),
            rng=rng,
            validation=(valid.x, valid.labels),
            callback=snapshot,
            progress=progress,
        )
    except nn.FitDiverged as diverged:
        before = {k: np.stack(v) for k, v in snapshots.items() if v}
        message = f"digits run {name} (seed {seed}): {diverged} (digits.{name}.lr)"
        raise DigitsRunDiverged(message, before) from diverged
    return RunResult(history, {k: np.stack(v) for k, v in snapshots.items()}, model)


def save_run(result: RunResult, path: str | Path) -> None:
    """Write a run's history (loss, accuracy, val_loss, val_accuracy) and snapshots."""
    arrays = {**result.history._asdict(), **result.snapshots}
    save_npz(path, arrays)


class SavedRun(NamedTuple):
    """A run as read back: its history and its snapshots (see ``RunResult``)."""

    history: nn.EpochHistory
    snapshots: dict[str, np.ndarray]


def load_run(path: str | Path) -> SavedRun:
    """Read a run written by ``save_run``."""
    with np.load(path) as arrays:
        history = nn.EpochHistory(**{name: arrays[name] for name in nn.EpochHistory._fields})
        snapshots = {k: arrays[k] for k in arrays.files if k not in nn.EpochHistory._fields}
    return SavedRun(history, snapshots)


def train_seeds(
    name: str,
    settings: dict,
    train: Split,
    valid: Split,
    *,
    seeds: list[int],
    progress: Callable[[str], None] | None = None,
) -> dict[str, np.ndarray]:
    """Run ``name`` once per seed; each history field and each parameter's snapshots
    (W1, b1, ...) stacked to (len(seeds), epochs + 1, ...), plus ``seeds``,
    ``diverged_epoch`` (-1 for a run that did not diverge) and ``active_units``
    (``count_active_units`` after training; -1 if diverged). A run that diverges is a
    result here, not an error: its entries from that epoch on are NaN. The spread over
    seeds says how much one run's result is luck."""
    rows = (len(seeds), settings["epochs"] + 1)
    stacked = {field: np.full(rows, np.nan) for field in nn.EpochHistory._fields}
    diverged_epoch = np.full(len(seeds), -1)
    active_units = np.full(len(seeds), -1)
    for row, seed in enumerate(seeds):
        if progress:
            progress(f"seed {seed}")
        try:
            result = train_run(name, settings, train, valid, seed=seed, progress=progress)
            history, snapshots = result.history, result.snapshots
            active_units[row] = count_active_units(result.model, train.x)
            outcome = f"final validation accuracy {history.val_accuracy[-1]:.4f}"
        except DigitsRunDiverged as diverged:
            history, snapshots = diverged.__cause__.history, diverged.snapshots
            diverged_epoch[row] = diverged.__cause__.epoch
            outcome = f"diverged in epoch {diverged_epoch[row]}"
        for field in nn.EpochHistory._fields:
            values = getattr(history, field)
            stacked[field][row, : len(values)] = values
        for param, values in snapshots.items():
            if param not in stacked:  # the first seed to reach it gives the shape
                stacked[param] = np.full((*rows, *values.shape[1:]), np.nan)
            stacked[param][row, : len(values)] = values
        if progress:
            progress(f"seed {seed}: {outcome}")
    return {
        **stacked,
        "seeds": np.array(seeds),
        "diverged_epoch": diverged_epoch,
        "active_units": active_units,
    }


def count_active_units(model: nn.Sequential, x: np.ndarray) -> int:
    """How many units of the first hidden layer are on (> 0) for at least one row of
    ``x``: a ReLU unit that is off for every input passes no gradient and never learns
    again. ``model``: Linear, then an activation, then more."""
    return int((model.layers[0](x) > 0).any(axis=0).sum())


def predict(model: nn.Module, x: np.ndarray) -> np.ndarray:
    """The most likely digit for each row of ``x: (n, pixels)``, shape (n,)."""
    return model(x).argmax(axis=1)
