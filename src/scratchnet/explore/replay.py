"""The replay page's data: every iteration of each run of the 9-6-2 network.

The page trains: its trainer (docs/javascripts/explore/train.js) computes the activations,
the loss and the gradients from the parameters, exactly as ``scratchnet.lines`` does (the
browser tests hold it to 1e-9). So the export holds, in float64, what that maths starts
from, and nothing it can compute:

- ``training-set.bin``: the training images ``x0: (9, m)``, column-major pixels as the
  network sees them (the labels are in the index);
- ``<run>.bin``, one per run: its parameters at every iteration 0..n (W1: (n+1, 6, 9),
  b1: (n+1, 6, 1), W2: (n+1, 2, 6), b2: (n+1, 2, 1)), so the page can branch the run
  anywhere, and its saved ``loss`` and ``accuracy`` (n+1,) as numpy computed them.

The index adds what the page draws them with: the colour tables, each run's settings and
fixed colour scales (as train-anim.gif computes them), and the names of pixels and classes.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..figures.common import symmetric_limit
from ..lines.datasets import CLASS_NAMES, PIXEL_COLUMNS, SIDE, read_csv
from ..lines.snapshots import load_history
from ..lines.training import first_full_accuracy
from .colours import figure_colours
from .pack import PackedArrays, write_index

# float64: the page's trainer starts from these numbers and must match numpy's to 1e-9.
DTYPE = "<f8"
# The arrays of a run the page reads; the rest of the IterationHistory it computes.
RUN_ARRAYS = ("W1", "b1", "W2", "b2", "loss", "accuracy")
TRAINING_SET = "training-set"  # a file beside the runs': no run may take the name


class ReplayRun(NamedTuple):
    """One run to replay: its ``name`` (in the URL and file name), the ``history.npz``
    train_network saved, and the ``settings`` it was trained with (hidden, lr,
    iterations, seed), as the workflow prepared them (scratchnet.settings.replay_runs)."""

    name: str
    history: str | Path
    settings: dict


def run_label(settings: dict, default: dict) -> str:
    """What the run choice says: its seed and learning rate, and whether they are the
    tutorial's ``default`` settings."""
    what = f"seed {settings['seed']}, learning rate {settings['lr']:g}"
    same = all(settings[key] == default[key] for key in ("seed", "lr"))
    return what + (" (the tutorial's)" if same else "")


def export_replay(runs: list[ReplayRun], train_csv: str | Path, index_path: str | Path) -> None:
    """Write ``index_path`` (JSON) and, beside it, ``training-set.bin`` and ``<name>.bin``
    for each of ``runs`` (the first is the tutorial's default). ``train_csv``: the training
    set the runs learned."""
    train_set = read_csv(train_csv)
    labels = train_set.labels
    folder = Path(index_path).parent
    images = PackedArrays()
    images.add("x0", train_set.x0(), DTYPE)
    training = images.write(folder / f"{TRAINING_SET}.bin")
    default = runs[0].settings
    exported = []
    for run in runs:
        settings = run.settings
        history = load_history(run.history)
        if history.A2.shape[2] != len(labels):
            raise ValueError(
                f"{run.history}: {history.A2.shape[2]} training images, but {train_csv} has "
                f"{len(labels)}; rebuild with snakemake"
            )
        packed = PackedArrays()
        for name in RUN_ARRAYS:
            packed.add(name, getattr(history, name), DTYPE)
        data = packed.write(folder / f"{run.name}.bin")
        exported.append(
            {
                "name": run.name,
                "label": run_label(settings, default),
                "settings": settings,
                "iterations": history.iterations,
                "first_full_accuracy": first_full_accuracy(history),
                # Fixed for the whole run, as in the animation, so iterations compare.
                "scales": {
                    "parameter": symmetric_limit(history.W1, history.b1, history.W2, history.b2),
                    "activation": max(float(history.A1.max()), 1e-9),
                    "probability": 1.0,
                },
                "data": data,
            }
        )
    write_index(
        {
            "runs": exported,
            "training_set": training,
            "labels": labels.tolist(),
            "class_names": [CLASS_NAMES[k] for k in sorted(CLASS_NAMES)],
            "pixel_names": list(PIXEL_COLUMNS),
            "image_side": SIDE,
            "colours": figure_colours(),
        },
        index_path,
    )
