"""The playground page's export: every dataset with what standardises it and the box
the figures show, two saved runs (initial parameters, numpy's history, a
mini-batch run's order) exactly as the pipeline saved them, the figures' colours and the
rules of a reader's file; small, the same bytes twice, and a wrong file refused."""

from __future__ import annotations

import json

import numpy as np
import pytest
from test_explore_exports import read_back  # the format as a page reads it

from scratchnet.explore import playground
from scratchnet.explore.pack import PackedArrays
from scratchnet.explore.playground import (
    PlaygroundExportError,
    SavedRun,
    class_shades,
    export_playground,
)
from scratchnet.figures.plane.panels import CLASS_COLOURS, shaded
from scratchnet.plane import csv_points, grids
from scratchnet.plane.datasets import save_data, standardised
from scratchnet.plane.runs import load_run, save_run, train_run
from scratchnet.user_csv import NUMBER

NETWORK = dict(hidden=[8, 2], activation="tanh", init="glorot", lr=0.3, epochs=6, batch_size=None)
BATCHES = dict(hidden=[3], activation="relu", init="he", lr=0.1, epochs=5, batch_size=4)


def blobs(seed: int, n: int = 30, classes: int = 2):
    """``n`` points in ``classes`` blobs, in units far from the standardised ones."""
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % classes
    return 40 + 15 * (labels[:, None] + rng.standard_normal((n, 2))), labels


@pytest.fixture
def exported(tmp_path):
    """Two datasets, a full-batch run and a mini-batch run saved as the pipeline saves
    them, and their export; returns (folder, data by name, runs by name, index)."""
    data = {
        "moons": standardised("moons", blobs(0), blobs(1)),
        "capacity": standardised("noisier moons", blobs(2, 24, 3), blobs(3, 24, 3)),
    }
    for name, dataset in data.items():
        save_data(dataset, tmp_path / f"{name}.npz")
    runs = {
        "main": train_run(data["moons"], NETWORK, seed=0, stream="moons/network"),
        "batches": train_run(data["capacity"], BATCHES, seed=0, stream="capacity/width-3"),
    }
    for name, run in runs.items():
        save_run(run, tmp_path / f"{name}.npz")
    out = tmp_path / "out"
    out.mkdir()
    export(tmp_path, out)
    return out, data, runs, json.loads((out / "index.json").read_text())


def export(folder, out, main_dataset="moons"):
    export_playground(
        datasets={name: folder / f"{name}.npz" for name in ("moons", "capacity")},
        main="moons",
        runs=[
            SavedRun("main", main_dataset, folder / "main.npz"),
            SavedRun("batches", "capacity", folder / "batches.npz"),
        ],
        valid_fraction=0.2,
        index_path=out / "index.json",
    )


def test_each_dataset_is_exported_with_its_standardisation_and_the_figures_box(exported):
    out, data, _, index = exported
    arrays = read_back(out / "playground.bin", index["data"])
    assert [entry["name"] for entry in index["datasets"]] == ["moons", "capacity"]
    for entry in index["datasets"]:
        dataset = data[entry["name"]]
        assert entry["title"] == dataset.name and entry["classes"] == dataset.classes
        for part in ("train", "valid"):
            split = getattr(dataset, part)
            points = arrays[f"{entry['name']}.{part}.points"]
            assert points.dtype == np.float64
            np.testing.assert_array_equal(points, split.points)
            np.testing.assert_array_equal(arrays[f"{entry['name']}.{part}.labels"], split.labels)
            # What the page computes from them is numpy's x, to the last bit.
            standardised_x = (points - np.array(entry["mean"])) / np.array(entry["std"])
            np.testing.assert_array_equal(standardised_x, split.x)
        grid = grids.plane_grid(dataset, resolution=150)
        assert entry["box"] == {
            "xmin": grid.x1[0],
            "xmax": grid.x1[-1],
            "ymin": grid.x2[0],
            "ymax": grid.x2[-1],
        }


def test_each_run_holds_numpys_start_history_and_order(exported):
    out, _, runs, index = exported
    arrays = read_back(out / "playground.bin", index["data"])
    for entry in index["runs"]:
        run = runs[entry["name"]]
        assert entry["settings"] == run.settings
        assert entry["parameters"] == list(run.snapshots)
        for name, snapshots in run.snapshots.items():
            np.testing.assert_array_equal(arrays[f"{entry['name']}.initial.{name}"], snapshots[0])
        for name in ("loss", "accuracy", "val_loss", "val_accuracy"):
            np.testing.assert_array_equal(
                arrays[f"{entry['name']}.{name}"], getattr(run.history, name)
            )
    main, batches = index["runs"]
    assert main["dataset"] == "moons" and main["order_epochs"] == 0 and "main.order" not in arrays
    assert batches["order_epochs"] == BATCHES["epochs"]
    assert arrays["batches.order"].dtype == np.uint16
    np.testing.assert_array_equal(arrays["batches.order"], runs["batches"].order)


def test_the_page_is_told_its_limits_colours_and_the_files_rules(exported):
    _, _, _, index = exported
    assert index["main"] == "moons" and index["valid_fraction"] == 0.2
    assert index["limits"] == {"layers": 4, "units": 16}
    assert index["grid"] == {"margin": grids.MARGIN, "square_up_to": grids.SQUARE_UP_TO}
    assert index["file"] == {
        "header": ["x1", "x2", "class"],
        "most_points": csv_points.MAX_POINTS,
        "most_classes": csv_points.MAX_CLASSES,
        "least_per_class": csv_points.MIN_PER_CLASS,
        "number": NUMBER.pattern,
    }
    colours = index["colours"]
    assert colours["class_colours"] == list(CLASS_COLOURS)
    assert colours["units"]["name"] == "PiYG" and len(colours["units"]["table"]) == 256
    assert len(colours["classes"]) == csv_points.MAX_CLASSES


def test_a_class_shades_from_white_to_the_figures_tint():
    """Entry i of class k's table is the figures' shade of a point of class k that the
    network is i/255 sure of (plane.panels.shaded), for 2 classes as for 10."""
    tables = class_shades()
    hex_of = lambda rgb: "#" + "".join(f"{round(c * 255):02x}" for c in rgb)  # noqa: E731
    for classes in (2, 3, 10):
        for k in range(classes):
            for entry, sure in ((0, 0.0), (255, 1.0), (128, 128 / 255)):
                probabilities = np.full(classes, (1 - sure) / classes)
                probabilities[k] += sure
                assert tables[k][entry] == hex_of(shaded(probabilities[None])[0])
    assert tables[0][0] == "#ffffff" and tables[0][-1] != tables[1][-1]


def test_the_export_is_small_and_the_same_bytes_twice(exported, tmp_path):
    out, *_ = exported
    again = tmp_path / "again"
    again.mkdir()
    export(tmp_path, again)
    for name in ("index.json", "playground.bin"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name
    assert sum(f.stat().st_size for f in out.iterdir()) < 200_000


def test_a_long_batch_order_is_cut_to_the_epochs_that_fit(exported, tmp_path, monkeypatch):
    """A reader's 10,000 points would make the order megabytes: the export keeps the
    first epochs that fit in ORDER_BYTES, and says how many."""
    out, _, runs, _ = exported
    points = runs["batches"].order.shape[1]
    monkeypatch.setattr(playground, "ORDER_BYTES", 2 * points * 2 + 1)  # two epochs of uint16
    export(tmp_path, out)
    index = json.loads((out / "index.json").read_text())
    assert index["runs"][1]["order_epochs"] == 2
    order = read_back(out / "playground.bin", index["data"])["batches.order"]
    np.testing.assert_array_equal(order, runs["batches"].order[:2])


def test_a_saved_run_wider_than_the_pages_limits_widens_them(exported, tmp_path):
    _, data, _, _ = exported
    wide = train_run(data["moons"], {**NETWORK, "hidden": [20], "epochs": 1}, seed=0, stream="w")
    save_run(wide, tmp_path / "main.npz")
    export(tmp_path, tmp_path / "out")
    index = json.loads((tmp_path / "out" / "index.json").read_text())
    assert index["limits"] == {"layers": 4, "units": 20}


def test_a_wrong_file_is_refused_in_one_line_naming_it(exported, tmp_path):
    with pytest.raises(PlaygroundExportError, match=r"main.npz: the main run is on moons$"):
        export(tmp_path, tmp_path / "out", main_dataset="capacity")
    # A mini-batch run whose order is not of its dataset's points.
    run = load_run(tmp_path / "batches.npz")
    save_run(run._replace(order=run.order[:, :5]), tmp_path / "batches.npz")
    with pytest.raises(PlaygroundExportError, match="its order takes 5 points, but the capacity"):
        export(tmp_path, tmp_path / "out")


def test_an_integer_array_must_fit_its_dtype():
    packed = PackedArrays()
    packed.add("order", np.array([0, 65535]), "<u2")
    with pytest.raises(ValueError, match="'too big' has values that <u2 cannot hold"):
        packed.add("too big", np.array([0, 65536]), "<u2")
