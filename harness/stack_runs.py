"""Numpy's runs of small stacks of layers on points of the plane, with scratchnet.nn's
`fit`, as the browser's trainer (docs/javascripts/explore/stack.js) must retrace them:
the initial parameters, the loss and accuracy after every epoch, the final parameters and,
for mini-batches, the order in which each epoch took the points. The browser tests
(tests/workflow/test_stack_training.py) and the benchmark (bench/browser_trainer.py) use
them; tests/explore/test_stack_runs.py checks them."""

from __future__ import annotations

import copy

import numpy as np
from sklearn.datasets import make_moons

from scratchnet import nn

ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}


def moons(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points of scikit-learn's two moons with noise 0.2: x (n, 2), labels (n,)."""
    x, labels = make_moons(n, noise=0.2, random_state=seed)
    return x, labels


def blobs(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points in three overlapping Gaussian blobs: x (n, 2), labels (n,) in 0..2."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % 3
    centres = np.array([[-1.0, 0.0], [1.0, 0.5], [0.0, -1.0]])
    return centres[labels] + 0.6 * rng.standard_normal((n, 2)), labels


def stack(sizes: list[int], activation: str, rng: np.random.Generator) -> nn.Sequential:
    """Linear layers of ``sizes`` with ``activation`` between them (He or Glorot, as the
    page's stack.js would draw them), initialised from ``rng``."""
    init = "he" if activation == "relu" else "glorot"
    layers = []
    for k, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        layers.append(nn.Linear(n_in, n_out, rng=rng, init=init))
        if k + 2 < len(sizes):
            layers.append(ACTIVATIONS[activation]())
    return nn.Sequential(layers)


def layer_list(model: nn.Sequential) -> list[dict]:
    """The model as stack.js's modelFrom reads it: each Linear's W and b as arrays with
    their shapes, each activation by its name."""
    names = {cls: name for name, cls in ACTIVATIONS.items()}
    out = []
    for layer in model.layers:
        if isinstance(layer, nn.Linear):
            out.append(
                {
                    "kind": "linear",
                    **{
                        name: {"values": p.data.ravel().tolist(), "shape": list(p.data.shape)}
                        for name, p in (("W", layer.W), ("b", layer.b))
                    },
                }
            )
        else:
            out.append({"kind": names[type(layer)]})
    return out


def reference_run(
    sizes: list[int],
    activation: str,
    data: tuple[np.ndarray, np.ndarray],
    *,
    epochs: int,
    lr: float,
    batch_size: int | None = None,
    seed: int = 0,
) -> tuple[dict, nn.Sequential]:
    """Train a fresh stack with ``fit`` (mean cross-entropy, SGD, float64) and return what
    the browser needs to retrace it and what it must match, all JSON-ready:

    ``layers``: the initial model (``layer_list``); ``x`` (n * 2,) row by row, ``labels``
    (n,); ``epochs``, ``lr``, ``batch_size``; ``orders``: for mini-batches, each epoch's
    order of the points (epochs, n), which fit cuts into batches, else None; ``loss``,
    ``accuracy``: (epochs + 1,) on the whole set after each epoch, 0 the start;
    ``final``: the trained model, as ``layers``. Beside it, the trained model itself.
    """
    x, labels = data
    model = stack(sizes, activation, np.random.default_rng(seed))
    start = layer_list(model)
    shuffle = np.random.default_rng(seed + 1)
    # fit draws each epoch's order from `shuffle` and nothing else: a twin drawn the same
    # way beforehand gives the very orders it uses.
    twin = copy.deepcopy(shuffle)
    orders = None
    if batch_size is not None:
        orders = [np.concatenate(list(nn.batches(len(x), batch_size, twin))) for _ in range(epochs)]
    history = nn.fit(
        model,
        nn.CrossEntropy(),
        nn.SGD(model.parameters(), lr=lr),
        x,
        labels,
        epochs=epochs,
        batch_size=batch_size,
        rng=shuffle,
    )
    run = {
        "layers": start,
        "x": x.ravel().tolist(),
        "labels": labels.tolist(),
        "epochs": epochs,
        "lr": lr,
        "batch_size": batch_size,
        "orders": None if orders is None else [order.tolist() for order in orders],
        "loss": history.loss.tolist(),
        "accuracy": history.accuracy.tolist(),
        "final": layer_list(model),
    }
    return run, model
