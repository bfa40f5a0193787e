"""Hyperparameter sweeps: one training per point of a grid, and their summary.

A point is (loss, initialisation, learning rate, seed) with the sweep's shared settings
(hidden units, batch size, epochs); its result is a file of its own (the workflow names
it, scratchnet.settings.sweep_point_file). One job may train several points, one after
another (``run_chunk``). A point that diverges is a result, recorded with the epoch it
diverged in. The summary has one row per point, sorted, so the same points give
the same bytes however the sweep was run (one laptop, a cluster, interrupted or not).
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import numpy as np

from ..atomic import written_atomically
from .data import Split
from .runs import DigitsRunDiverged, train_run

SUMMARY_COLUMNS = (
    "loss",
    "init",
    "lr",
    "seed",
    "best_val_accuracy",
    "best_epoch",
    "final_val_accuracy",
    "diverged_epoch",
)


def run_point(
    *, loss: str, init: str, lr: float, seed: int, settings: dict, train: Split, valid: Split
) -> dict:
    """Train one point; returns its record: the point, its per-epoch validation accuracy
    and training loss (up to divergence), and ``diverged_epoch`` (None if it did not)."""
    point_settings = {**settings, "loss": loss, "init": init, "lr": lr}
    try:
        history = train_run("losses", point_settings, train, valid, seed=seed).history
        diverged_epoch = None
    except DigitsRunDiverged as diverged:
        history, diverged_epoch = diverged.__cause__.history, diverged.__cause__.epoch
    return {
        "loss": loss,
        "init": init,
        "lr": lr,
        "seed": seed,
        "epochs": settings["epochs"],
        "val_accuracy": history.val_accuracy.tolist(),
        "train_loss": history.loss.tolist(),
        "diverged_epoch": diverged_epoch,
    }


def save_point(record: dict, path: str | Path) -> None:
    with written_atomically(path) as partial:
        partial.write_text(json.dumps(record, sort_keys=True) + "\n")


def run_chunk(
    points: list[dict],
    paths: list[str | Path],
    *,
    settings: dict,
    train: Split,
    valid: Split,
    report=print,
) -> None:
    """Train each of ``points`` (loss, init, lr, seed), one after another, and save each
    to its file of ``paths`` as soon as it is trained (a killed job keeps the points it
    finished). ``report`` gets one line per point: its time spent training and how it
    ended."""
    if len(points) != len(paths):
        raise ValueError(f"{len(points)} points but {len(paths)} result files")
    for point, path in zip(points, paths):
        started = time.perf_counter()
        record = run_point(**point, settings=settings, train=train, valid=valid)
        trained_s = time.perf_counter() - started
        diverged = record["diverged_epoch"]
        ending = (
            f"diverged at epoch {diverged}"
            if diverged is not None
            else f"best validation accuracy {max(record['val_accuracy']):.4f}"
        )
        save_point(record, path)
        name = "/".join(Path(path).parts[-4:])
        report(f"{name}: trained in {trained_s:.3f} s, {ending}")


def summary_row(record: dict) -> dict:
    """One row of the summary: best and final validation accuracy, the best's epoch.
    A diverged point's final accuracy is that of its last epoch before diverging."""
    accuracy = np.array(record["val_accuracy"])
    best = int(accuracy.argmax())
    return {
        "loss": record["loss"],
        "init": record["init"],
        "lr": record["lr"],
        "seed": record["seed"],
        "best_val_accuracy": float(accuracy[best]),
        "best_epoch": best,
        "final_val_accuracy": float(accuracy[-1]),
        "diverged_epoch": record["diverged_epoch"],
    }


def write_summary(point_files: list[str | Path], path: str | Path) -> list[dict]:
    """Read every point's record, write the summary CSV (sorted rows), return the rows."""
    rows = [summary_row(json.loads(Path(f).read_text())) for f in point_files]
    rows.sort(key=lambda r: (r["loss"], r["init"], r["lr"], r["seed"]))
    with written_atomically(path) as partial, open(partial, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return rows


def read_summary(path: str | Path) -> list[dict]:
    """The summary CSV's rows with numbers as numbers (``diverged_epoch`` None if empty)."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["lr"] = float(row["lr"])
        row["seed"] = int(row["seed"])
        row["best_epoch"] = int(row["best_epoch"])
        for key in ("best_val_accuracy", "final_val_accuracy"):
            row[key] = float(row[key])
        row["diverged_epoch"] = int(row["diverged_epoch"]) if row["diverged_epoch"] else None
    return rows


def sweep_data(train: Split, valid: Split, *, mnist: bool) -> dict:
    """Which data the sweep trained on, for its page: the source, the image side and how
    many images it trained and validated on."""
    return {
        "source": "MNIST" if mnist else "the digits bundled with scikit-learn",
        "side": train.side,
        "train_images": len(train.labels),
        "valid_images": len(valid.labels),
    }


def sweep_metrics(rows: list[dict]) -> dict:
    """The numbers the website quotes: the grid, how many points diverged, and for each
    loss and initialisation the mean (over seeds) best validation accuracy at the worst
    and the best learning rate, and which learning rates those were."""
    lrs = sorted({r["lr"] for r in rows})
    metrics = {
        "points": len(rows),
        "diverged": sum(r["diverged_epoch"] is not None for r in rows),
        "seeds": len({r["seed"] for r in rows}),
        "lr_min": lrs[0],
        "lr_max": lrs[-1],
        "learning_rates": len(lrs),
    }
    for loss in sorted({r["loss"] for r in rows}):
        metrics[loss] = {}
        for init in sorted({r["init"] for r in rows}):
            means = {
                lr: float(
                    np.mean(
                        [
                            r["best_val_accuracy"]
                            for r in rows
                            if (r["loss"], r["init"], r["lr"]) == (loss, init, lr)
                        ]
                    )
                )
                for lr in lrs
            }
            best, worst = max(means, key=means.get), min(means, key=means.get)
            diverged = sum(
                r["diverged_epoch"] is not None
                for r in rows
                if (r["loss"], r["init"]) == (loss, init)
            )
            metrics[loss][init] = {
                "best_accuracy": means[best],
                "best_lr": best,
                "worst_accuracy": means[worst],
                "worst_lr": worst,
                "diverged": diverged,
            }
    return metrics
