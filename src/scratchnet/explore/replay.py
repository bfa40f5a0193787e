"""The replay page's data: every iteration of each run of the 9-6-2 network.

One binary file per run (``pack``) holds, as float32, every array of its saved history at
iterations 0..n: W1, b1, W2, b2, A1, A2, loss, accuracy and the gradients dW1, db1, dW2,
db2 (0..n-1). The index adds what the page draws them with: the colour tables, each run's
fixed colour scales (as train-anim.gif computes them), the labels of the training images
and the names of pixels and classes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from ..figures.common import symmetric_limit
from ..lines.datasets import CLASS_NAMES, PIXEL_COLUMNS, SIDE, read_csv
from ..lines.snapshots import load_history
from ..lines.training import History, first_full_accuracy
from .colours import figure_colours
from .pack import PackedArrays, write_index

# float32: 7 significant digits, more than the page shows, at half the bytes of float64.
DTYPE = "<f4"


class ReplayRun(NamedTuple):
    """One run to replay: its ``name`` (in the URL and file name), the ``history.npz`` and
    the ``run.json`` (its settings) that train_network saved."""

    name: str
    history: str | Path
    run: str | Path


def run_label(settings: dict, default: dict) -> str:
    """What the run choice says: its seed and learning rate, and whether they are the
    tutorial's ``default`` settings."""
    what = f"seed {settings['seed']}, learning rate {settings['lr']:g}"
    same = all(settings[key] == default[key] for key in ("seed", "lr"))
    return what + (" (the tutorial's)" if same else "")


def export_replay(runs: list[ReplayRun], train_csv: str | Path, index_path: str | Path) -> None:
    """Write ``index_path`` (JSON) and, beside it, ``<name>.bin`` for each of ``runs`` (the
    first is the tutorial's default). ``train_csv``: the training set the runs learned."""
    labels = read_csv(train_csv).labels
    default = json.loads(Path(runs[0].run).read_text())["settings"]
    exported = []
    for run in runs:
        settings = json.loads(Path(run.run).read_text())["settings"]
        history = load_history(run.history)
        if history.A2.shape[2] != len(labels):
            raise ValueError(
                f"{run.history}: {history.A2.shape[2]} training images, but {train_csv} has "
                f"{len(labels)}; rebuild with snakemake"
            )
        packed = PackedArrays()
        for name in History._fields:
            packed.add(name, getattr(history, name), DTYPE)
        data = packed.write(Path(index_path).with_name(f"{run.name}.bin"))
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
            "labels": labels.tolist(),
            "class_names": [CLASS_NAMES[k] for k in sorted(CLASS_NAMES)],
            "pixel_names": list(PIXEL_COLUMNS),
            "image_side": SIDE,
            "colours": figure_colours(),
        },
        index_path,
    )
