"""The exporters of the browser pages: the binary format the pages read, the colours they
draw with, and the checks that stop a wrong file from reaching a page."""

import json

import matplotlib
import numpy as np
import pytest

from scratchnet.explore.colours import colour_table, figure_colours
from scratchnet.explore.digits import DigitsExportError, whole_pixels
from scratchnet.explore.pack import TYPED_ARRAYS, PackedArrays
from scratchnet.explore.replay import ReplayRun, export_replay
from scratchnet.lines.datasets import training_set, write_csv
from scratchnet.lines.snapshots import save_history
from scratchnet.lines.training import train


def read_back(binary, index):
    """The arrays of a packed file as a page reads them: dtype, shape and offset."""
    dtypes = {typed: dtype for dtype, typed in TYPED_ARRAYS.items()}
    raw = binary.read_bytes()
    assert len(raw) == index["bytes"]
    arrays = {}
    for name, entry in index["arrays"].items():
        count = int(np.prod(entry["shape"]))
        assert entry["offset"] % 8 == 0  # a Float64Array view needs it
        flat = np.frombuffer(raw, dtypes[entry["dtype"]], count, entry["offset"])
        arrays[name] = flat.reshape(entry["shape"])
    return arrays


def test_packed_arrays_read_back_as_written(tmp_path):
    rng = np.random.default_rng(3)
    written = {
        "weights": rng.normal(size=(5, 3)),
        "pixels": rng.integers(0, 256, size=(3, 7)).astype(np.uint8),
        "odd": rng.normal(size=(3,)).astype(np.float32),
    }
    packed = PackedArrays()
    packed.add("pixels", written["pixels"], "|u1")  # 21 bytes: the next must be padded
    packed.add("odd", written["odd"], "<f4")
    packed.add("weights", written["weights"], "<f8")
    index = packed.write(tmp_path / "x.bin")
    for name, array in read_back(tmp_path / "x.bin", index).items():
        np.testing.assert_array_equal(array, written[name])
    with pytest.raises(ValueError, match="'weights' added twice"):
        packed.add("weights", written["weights"], "<f8")


def test_colour_tables_are_matplotlibs_bytes():
    for name in ("RdBu_r", "viridis", "gray"):
        cmap = matplotlib.colormaps[name]
        table = colour_table(name)
        assert len(table) == cmap.N
        for entry in (0, 100, cmap.N - 1):
            r, g, b, _ = cmap(entry, bytes=True)
            assert table[entry] == f"#{r:02x}{g:02x}{b:02x}"
    assert figure_colours()["maps"]["parameter"]["name"] == "RdBu_r"


def test_digit_pixels_must_be_whole_numbers():
    assert whole_pixels(np.array([[0.0, 16.0]]), "x").dtype == np.uint8
    with pytest.raises(DigitsExportError, match="test.npz: pixels are not whole numbers"):
        whole_pixels(np.array([[0.5]]), "test.npz")


def exported_run(tmp_path, name="default"):
    """A 20-iteration run of the tutorial's network, saved as train_network saves it."""
    train_set = training_set()
    write_csv(train_set, tmp_path / "train.csv")
    history = train(train_set.x0(), train_set.labels, hidden=6, lr=0.01, iterations=20, seed=7)
    save_history(history, tmp_path / "history.npz")
    settings = {"hidden": 6, "lr": 0.01, "iterations": 20, "seed": 7}
    return train_set, history, ReplayRun(name, tmp_path / "history.npz", settings)


def test_replay_export_holds_what_the_pages_trainer_starts_from_in_float64(tmp_path):
    train_set, history, run = exported_run(tmp_path)
    (tmp_path / "out").mkdir()
    export_replay([run], tmp_path / "train.csv", tmp_path / "out" / "index.json")
    index = json.loads((tmp_path / "out" / "index.json").read_text())
    (entry,) = index["runs"]
    assert entry["label"] == "seed 7, learning rate 0.01 (the tutorial's)"
    assert entry["settings"]["lr"] == 0.01 and entry["first_full_accuracy"] is None
    assert index["labels"] == train_set.labels.tolist()
    arrays = read_back(tmp_path / "out" / "default.bin", entry["data"])
    assert set(arrays) == {"W1", "b1", "W2", "b2", "loss", "accuracy"}
    assert all(array.dtype == np.float64 for array in arrays.values())
    for name, array in arrays.items():  # every iteration, to the last bit
        np.testing.assert_array_equal(array, getattr(history, name))
    x0 = read_back(tmp_path / "out" / "training-set.bin", index["training_set"])["x0"]
    np.testing.assert_array_equal(x0, train_set.x0())
    assert x0.shape == (9, 24)
