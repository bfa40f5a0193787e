"""Part three's training runs: ``scratchnet.nn`` on two inputs, softmax cross-entropy, SGD.

A run's settings come from the config: ``hidden`` (units per hidden layer, [] for softmax
regression), ``activation`` (between the layers), ``init``, ``lr``, ``epochs`` and
``batch_size`` (None: full-batch gradient descent, one update per epoch). A run keeps its
parameters after every epoch (epoch 0: the initial ones) beside its history, in float64,
and, for mini-batches, every epoch's order of the training points: with the training
set, enough to replay every update exactly (as the browser will).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .. import nn
from ..atomic import save_npz
from ..user_errors import InputProblem
from .datasets import PlaneData
from .plan import settings_block
from .seeding import generator

ACTIVATIONS = {"tanh": nn.Tanh, "relu": nn.ReLU, "sigmoid": nn.Sigmoid}
SETTINGS = ("hidden", "activation", "init", "lr", "epochs", "batch_size")


class Run(NamedTuple):
    """A trained run: ``history`` (per epoch 0..E), ``snapshots`` (W1, b1, W2, ... each
    (E + 1, ...): the parameters after each epoch), ``order`` ((E, n) training-point
    indices, epoch by epoch, cut into batches of ``settings["batch_size"]``; None for
    full-batch descent, which takes them all in order) and the ``settings``."""

    history: nn.EpochHistory
    snapshots: dict[str, np.ndarray]
    order: np.ndarray | None
    settings: dict

    def model(self, epoch: int = -1) -> nn.Sequential:
        """The network with its parameters after ``epoch`` (default: the last)."""
        return model_at(self.snapshots, self.settings["activation"], epoch)


# --8<-- [start:build_model]
def build_model(
    sizes: list[int], *, activation: str | None, init: str, rng: np.random.Generator
) -> nn.Sequential:
    """Linear layers from ``sizes[0]`` inputs through ``sizes[1:-1]`` hidden units to
    ``sizes[-1]`` outputs (the logits), ``activation`` between them: [2, 8, 2, 2] is
    Linear(2, 8), Tanh, Linear(8, 2), Tanh, Linear(2, 2)."""
    layers = [nn.Linear(sizes[0], sizes[1], rng=rng, init=init)]
    for n_in, n_out in zip(sizes[1:], sizes[2:]):
        layers += [ACTIVATIONS[activation](), nn.Linear(n_in, n_out, rng=rng, init=init)]
    return nn.Sequential(layers)
    # --8<-- [end:build_model]


def train_run(
    data: PlaneData,
    settings: dict,
    *,
    seed: int,
    stream: str,
    progress: Callable[[str], None] | None = None,
) -> Run:
    """Train a network with ``settings`` (``SETTINGS``) on ``data``'s standardised points.

    Its initial weights come from the generator of (``seed``, ``stream``, "init"), its
    batch order from (``seed``, ``stream``, "order"); ``stream`` names the run
    ("moons/network"), so every run draws apart. Raises ``InputProblem`` naming the run
    and its learning rate's setting if the loss becomes NaN or infinite.
    """
    settings = {key: settings[key] for key in SETTINGS}
    sizes = [2, *settings["hidden"], data.classes]
    model = build_model(
        sizes,
        activation=settings["activation"],
        init=settings["init"],
        rng=generator(seed, stream, "init"),
    )
    snapshots = {name: [] for name in parameter_names(len(sizes) - 1)}

    def snapshot(epoch: int, model: nn.Module) -> None:
        for values, parameter in zip(snapshots.values(), model.parameters()):
            values.append(parameter.data.copy())

    try:
        history = nn.fit(
            model,
            nn.CrossEntropy(),
            nn.SGD(model.parameters(), settings["lr"]),
            data.train.x,
            data.train.labels,
            epochs=settings["epochs"],
            batch_size=settings["batch_size"],
            rng=generator(seed, stream, "order"),
            validation=(data.valid.x, data.valid.labels),
            callback=snapshot,
            progress=progress,
        )
    except nn.FitDiverged as diverged:
        lr_key = f"plane.{settings_block(stream.rpartition('/')[2])}.lr"
        raise InputProblem(f"plane run {stream} (seed {seed}): {diverged} ({lr_key})") from None
    order = None
    if settings["batch_size"] is not None:
        order = batch_orders(
            len(data.train.x), settings["epochs"], generator(seed, stream, "order")
        )
    return Run(history, {k: np.stack(v) for k, v in snapshots.items()}, order, settings)


# --8<-- [start:batch_orders]
def batch_orders(n: int, epochs: int, rng: np.random.Generator) -> np.ndarray:
    """(epochs, n): the order in which ``nn.fit`` takes the n training points in each
    epoch of mini-batches, drawn from a generator in the state ``fit``'s started in: one
    permutation per epoch (``nn.batches``), its slices of ``batch_size`` the batches."""
    return np.stack([rng.permutation(n) for _ in range(epochs)])
    # --8<-- [end:batch_orders]


# --8<-- [start:replay]
def replay(run: Run, data: PlaneData) -> dict[str, np.ndarray]:
    """The run's snapshots made again from what its file keeps: the initial parameters,
    the settings, and each epoch's order, every update taken in turn on ``data``'s
    standardised training points. What a trainer elsewhere (the browser's) must match."""
    model = run.model(0)
    loss, optimizer = nn.CrossEntropy(), nn.SGD(model.parameters(), run.settings["lr"])
    x, labels, batch_size = data.train.x, data.train.labels, run.settings["batch_size"]
    names = parameter_names(len(run.snapshots) // 2)  # in model.parameters()' order
    snapshots = {name: [run.snapshots[name][0]] for name in names}
    step = batch_size or len(x)  # full-batch descent: one batch, every point in order
    for epoch in range(run.settings["epochs"]):
        order = np.arange(len(x)) if batch_size is None else run.order[epoch]
        for start in range(0, len(x), step):
            batch = order[start : start + step]
            loss(model(x[batch]), labels[batch])
            model.backward(loss.backward())
            optimizer.step()
        for values, parameter in zip(snapshots.values(), model.parameters()):
            values.append(parameter.data.copy())
    return {name: np.stack(values) for name, values in snapshots.items()}
    # --8<-- [end:replay]


def parameter_names(linear_layers: int) -> list[str]:
    """W1, b1, W2, b2, ...: the parameters of ``linear_layers`` Linear layers, in order."""
    return [f"{kind}{k}" for k in range(1, linear_layers + 1) for kind in ("W", "b")]


def model_at(snapshots: dict[str, np.ndarray], activation: str | None, epoch: int) -> nn.Sequential:
    """The network whose parameters are ``snapshots``' at ``epoch``."""
    weights = [snapshots[f"W{k}"][epoch] for k in range(1, len(snapshots) // 2 + 1)]
    sizes = [weights[0].shape[0], *(W.shape[1] for W in weights)]
    model = build_model(sizes, activation=activation, init="normal", rng=np.random.default_rng(0))
    for parameter, name in zip(model.parameters(), parameter_names(len(weights))):
        parameter.data = snapshots[name][epoch].copy()
    return model


def parameter_count(sizes: list[int]) -> int:
    """Weights and biases of the Linear layers between ``sizes``: sum of (n_in + 1) n_out."""
    return sum((n_in + 1) * n_out for n_in, n_out in zip(sizes, sizes[1:]))


def save_run(run: Run, path: str | Path) -> None:
    """Write a run: its history's fields, its snapshots, ``order`` if any, and its
    settings as JSON (``settings``)."""
    arrays = {k: v for k, v in run.history._asdict().items() if v is not None}
    arrays.update(run.snapshots)
    if run.order is not None:
        arrays["order"] = run.order
    arrays["settings"] = np.array(json.dumps(run.settings, sort_keys=True))
    save_npz(path, arrays)


def load_run(path: str | Path) -> Run:
    """Read a run written by ``save_run``."""
    with np.load(path) as arrays:
        history = nn.EpochHistory(**{k: arrays[k] for k in nn.EpochHistory._fields if k in arrays})
        snapshots = {k: arrays[k] for k in arrays.files if k[0] in "Wb" and k[1:].isdigit()}
        order = arrays["order"] if "order" in arrays else None
        settings = json.loads(str(arrays["settings"]))
    return Run(history, snapshots, order, settings)
