"""The playground page's data: part three's datasets, two of its runs as numpy trained
them, and the figures' colours.

The page trains in the browser (docs/javascripts/explore/stack.js), on any dataset, from
numpy's saved initial parameters or its own seeded ones. So the export holds what that
training starts from and what numpy reached, in float64, and nothing the page computes:

- every dataset the pipeline made: its training and validation ``points`` (n, 2) in the
  data's units and ``labels`` (n,), the training set's ``mean`` and ``std`` (2,) that
  standardise a point (the page computes (points - mean) / std, numpy's x to the bit),
  and the ``box`` the part's boundary figures show (``grids.plane_grid``'s ends);
- two saved runs: the main run (full batch) and one mini-batch run: the settings, the
  initial parameters (epoch 0) the page trains from, numpy's ``loss``, ``accuracy``,
  ``val_loss`` and ``val_accuracy`` after every epoch and, for mini-batches, the order in
  which each epoch took the training points (uint16), as many epochs of it as
  ``ORDER_BYTES`` holds (all of them for the tutorial's 200 points);
- the colours: each class's shades from white to its tint (``panels.shaded``'s rule), the
  unit maps' colour map, the curves' colours; and the rules the page checks a reader's
  file with and frames the plane by, from the modules that define them.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import matplotlib
import numpy as np

from .. import user_csv
from ..figures.common import LOSS_COLOR
from ..figures.plane import animation, panels, units
from ..plane import csv_points, grids
from ..plane.datasets import PlaneData, load_data
from ..plane.runs import Run, load_run, parameter_names
from .colours import colour_table
from .pack import PackedArrays, write_index

DTYPE = "<f8"  # the page's trainer starts from these numbers and must match numpy's to 1e-9
ORDER_DTYPE = "<u2"  # a point's index: a reader's file has at most 10,000 points
ORDER_BYTES = 500_000  # the most a run's batch order may take of the page's data
HISTORY = ("loss", "accuracy", "val_loss", "val_accuracy")
SHADES = 256  # entries of a class's colour table, white to its tint
# The page's own limits on the network a reader builds (widened to the saved runs').
MOST_LAYERS, MOST_UNITS = 4, 16


class PlaygroundExportError(ValueError):
    """A saved file does not hold what the page needs; the message names it."""


class SavedRun(NamedTuple):
    """A run the page can start from: its ``name`` in the page ("main", "batches"), the
    ``dataset`` it trained on, its file (``plane.runs.save_run``'s) at ``path``."""

    name: str
    dataset: str
    path: str | Path


def class_shades(classes: int = csv_points.MAX_CLASSES) -> list[list[str]]:
    """For each class, ``SHADES`` colours "#rrggbb" from white (entry 0: every class as
    likely) to the class's tint (the last: certain), as ``panels.shaded`` colours the
    plane: entry i is the shade of a point of that class with sureness i / (SHADES - 1)."""
    sure = np.linspace(0, 1, SHADES)
    tables = []
    for k in range(classes):
        # Probabilities over all classes whose sureness ((max - 1/K) / (1 - 1/K)) is `sure`.
        probabilities = np.full((SHADES, classes), (1 - sure[:, None]) / classes)
        probabilities[:, k] += sure
        rgb = np.round(panels.shaded(probabilities) * 255).astype(int)
        tables.append([f"#{r:02x}{g:02x}{b:02x}" for r, g, b in rgb])
    return tables


def page_colours() -> dict:
    """The figures' colours, for the page: ``classes`` (each class's shades), the
    ``units`` colour map (plane-units.png's), the ``training`` and ``validation`` curves'
    colours (plane-anim.gif's) and how validation points are drawn (``valid_alpha``)."""
    return {
        "classes": class_shades(),
        "class_colours": list(panels.CLASS_COLOURS),
        "units": {"name": units.ACTIVATION_CMAP, "table": colour_table(units.ACTIVATION_CMAP)},
        "training": matplotlib.colors.to_hex(LOSS_COLOR),
        "validation": matplotlib.colors.to_hex(animation.VALID_COLOR),
        "valid_alpha": panels.VALID_ALPHA,
        "few_points": panels.FEW_POINTS,
    }


def file_rules() -> dict:
    """What a reader's points file must be (``plane.csv_points``), for the page's check
    of one, which gives the same sentences: the header, the limits, and the pattern a
    number must match (``user_csv.NUMBER``)."""
    return {
        "header": list(csv_points.HEADER),
        "most_points": csv_points.MAX_POINTS,
        "most_classes": csv_points.MAX_CLASSES,
        "least_per_class": csv_points.MIN_PER_CLASS,
        "number": user_csv.NUMBER.pattern,
    }


def box(data: PlaneData) -> dict:
    """The part of the plane the boundary figures show for ``data``, in its units."""
    grid = grids.plane_grid(data, resolution=2)  # the grid's two ends on each axis
    return {
        "xmin": float(grid.x1[0]),
        "xmax": float(grid.x1[-1]),
        "ymin": float(grid.x2[0]),
        "ymax": float(grid.x2[-1]),
    }


def add_dataset(packed: PackedArrays, key: str, data: PlaneData, path: str | Path) -> dict:
    """Pack ``data``'s points and labels under ``key``; return its entry of the index.
    Checks that (points - mean) / std is the x numpy trained on, bit for bit."""
    for split in (data.train, data.valid):
        if not np.array_equal(data.standardise(split.points), split.x):
            raise PlaygroundExportError(f"{path}: x is not the points standardised by mean, std")
    for split_name in ("train", "valid"):
        split = getattr(data, split_name)
        packed.add(f"{key}.{split_name}.points", split.points, DTYPE)
        packed.add(f"{key}.{split_name}.labels", split.labels, "|u1")
    return {
        "name": key,
        "title": data.name,
        "classes": data.classes,
        "mean": data.mean.tolist(),
        "std": data.std.tolist(),
        "box": box(data),
        "points": {"train": len(data.train.labels), "valid": len(data.valid.labels)},
    }


def order_epochs(run: Run) -> int:
    """How many epochs of ``run``'s batch order fit in ``ORDER_BYTES`` (0 for full batch)."""
    if run.order is None:
        return 0
    epochs, n = run.order.shape
    return min(epochs, ORDER_BYTES // (n * np.dtype(ORDER_DTYPE).itemsize))


def add_run(packed: PackedArrays, saved: SavedRun, data: PlaneData) -> dict:
    """Pack ``saved``'s initial parameters, history and batch order under its name;
    return its entry of the index."""
    run = load_run(saved.path)
    names = parameter_names(len(run.snapshots) // 2)
    if run.snapshots[names[0]].shape[1] != 2 or len(run.history.loss) != run.settings["epochs"] + 1:
        raise PlaygroundExportError(f"{saved.path}: not a run of part three's saved form")
    if run.order is not None and run.order.shape[1] != len(data.train.labels):
        raise PlaygroundExportError(
            f"{saved.path}: its order takes {run.order.shape[1]} points, but the "
            f"{saved.dataset} data has {len(data.train.labels)}; rebuild with snakemake"
        )
    for name in names:
        packed.add(f"{saved.name}.initial.{name}", run.snapshots[name][0], DTYPE)
    for name in HISTORY:
        packed.add(f"{saved.name}.{name}", getattr(run.history, name), DTYPE)
    kept = order_epochs(run)
    if kept:
        packed.add(f"{saved.name}.order", run.order[:kept], ORDER_DTYPE)
    return {
        "name": saved.name,
        "dataset": saved.dataset,
        "settings": run.settings,
        "parameters": names,
        "order_epochs": kept,
    }


def limits(runs: list[dict]) -> dict:
    """The most hidden layers and units a reader may ask for: the page's own, or more
    if a saved run has more (the page must be able to show it)."""
    hidden = [run["settings"]["hidden"] for run in runs]
    return {
        "layers": max(MOST_LAYERS, *(len(h) for h in hidden)),
        "units": max(MOST_UNITS, *(max(h) for h in hidden)),
    }


def export_playground(
    *,
    datasets: dict[str, str | Path],
    main: str,
    runs: list[SavedRun],
    valid_fraction: float,
    index_path: str | Path,
) -> None:
    """Write ``index_path`` (JSON) and ``playground.bin`` beside it: every dataset of
    ``datasets`` (name -> its ``.npz``), the ``runs`` (the first is the main run, on the
    ``main`` dataset), the colours and the rules; ``valid_fraction`` is the share of each
    class of a reader's file the page keeps for validation (plane.valid_fraction)."""
    if runs[0].dataset != main:
        raise PlaygroundExportError(f"{runs[0].path}: the main run is on {main}")
    packed = PackedArrays()
    loaded = {name: load_data(path) for name, path in datasets.items()}
    entries = [add_dataset(packed, name, loaded[name], datasets[name]) for name in datasets]
    saved = []
    for run in runs:
        if run.dataset not in loaded:
            raise PlaygroundExportError(f"{run.path}: trained on {run.dataset}, not exported")
        saved.append(add_run(packed, run, loaded[run.dataset]))
    data = packed.write(Path(index_path).with_name("playground.bin"))
    write_index(
        {
            "datasets": entries,
            "main": main,
            "runs": saved,
            "limits": limits(saved),
            "valid_fraction": valid_fraction,
            "grid": {"margin": grids.MARGIN, "square_up_to": grids.SQUARE_UP_TO},
            "file": file_rules(),
            "colours": page_colours(),
            "data": data,
        },
        index_path,
    )
