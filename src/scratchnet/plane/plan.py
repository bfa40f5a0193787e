"""What part three computes, from its settings: the datasets, the runs on each, and the
datasets each figure is drawn from.

The tutorial's choices are fixed here, their numbers come from the config's ``plane:``
block. With ``plane.csv`` set, the reader's points (dataset "csv") replace every
dataset: each run is trained on them and each figure drawn from them.
"""

from __future__ import annotations

from .datasets import MAKERS

# The runs on each dataset: on the moons the main run, full-batch descent saved at every
# update; softmax regression beside the network where no straight line will do; one
# hidden layer against two on the spiral; one hidden layer of each width on the noisier
# moons (the widths come from the config).
RUNS = {
    "moons": ["network"],
    "circles": ["softmax_regression", "network"],
    "xor": ["softmax_regression", "network"],
    "spiral": ["shallow", "deep"],
    "capacity": [],
}
# The datasets each figure is drawn from.
FIGURES = {
    "data": ["moons", "circles", "xor", "spiral"],
    "hidden_layer": ["circles", "xor"],
    "boundary": ["moons"],  # the animation, its strip and the hidden units
    "hidden_view": ["moons", "circles", "xor"],
    "capacity": ["capacity"],
    "depth": ["spiral"],
}
READER = "csv"
# The runs held to scikit-learn's MLPClassifier with the same settings.
COMPARED = ("network", "softmax_regression", "shallow", "deep")


def reader_file(plane: dict) -> str | None:
    """``plane.csv``, or None when unset (the settings' check made any unset one None)."""
    return plane["csv"]


def datasets(plane: dict) -> list[str]:
    """The datasets to make: the tutorial's, or "csv" alone."""
    return [READER] if reader_file(plane) else list(MAKERS)


def runs(plane: dict, dataset: str) -> list[str]:
    """The runs on ``dataset``: those of ``RUNS``, plus "width-W" for each capacity width;
    every kind of run on the reader's points."""
    widths = [f"width-{w}" for w in plane["capacity"]["widths"]]
    if dataset == READER:
        return ["network", "softmax_regression", "shallow", "deep", *widths]
    return RUNS[dataset] + (widths if dataset == "capacity" else [])


def figure_datasets(plane: dict, figure: str) -> list[str]:
    """The datasets figure ``figure`` (a key of ``FIGURES``) is drawn from."""
    return [READER] if reader_file(plane) else FIGURES[figure]


def playground_batches(plane: dict) -> tuple[str, str]:
    """The mini-batch run the playground page is held to (dataset, run): the capacity
    run nearest 8 units wide, as the page's networks are of 1 to 16 units a layer."""
    width = min(plane["capacity"]["widths"], key=lambda width: abs(width - 8))
    return figure_datasets(plane, "capacity")[0], f"width-{width}"


def run_settings(plane: dict, run: str) -> dict:
    """The settings of ``run`` (``runs.SETTINGS``) from the ``plane`` block."""
    block = plane[settings_block(run)]
    if run == "network":
        return dict(block)
    if run == "softmax_regression":
        return {**block, "hidden": [], "activation": None}
    if run in ("shallow", "deep"):
        return {**_common(block), "hidden": block[run]}
    return {**_common(block), "hidden": [int(run.removeprefix("width-"))]}


def settings_block(run: str) -> str:
    """The block of the ``plane`` settings that ``run`` is trained with (plane.<block>)."""
    if run in ("network", "softmax_regression"):
        return run
    if run in ("shallow", "deep"):
        return "depth"
    if run.startswith("width-"):
        return "capacity"
    raise ValueError(f"no plane run {run!r}")


def _common(block: dict) -> dict:
    """The training settings a block of several runs shares."""
    keys = ("activation", "init", "lr", "epochs", "batch_size")
    return {key: block[key] for key in keys}
