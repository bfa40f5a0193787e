"""scratchnet.atomic: a file (or folder) appears whole or not at all, and survives a power
cut: its data reaches the disk (fsync) before the rename, its folder's entry after."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from scratchnet import atomic


@pytest.fixture
def disk_events(monkeypatch) -> list[tuple[str, Path]]:
    """Every fsync (of which path) and rename, in order."""
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor):
        events.append(("fsync", Path(os.readlink(f"/proc/self/fd/{descriptor}"))))
        real_fsync(descriptor)

    def replace(source, destination):
        events.append(("rename", Path(destination)))
        real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    return events


def test_a_file_is_flushed_before_its_rename_and_its_folder_after(tmp_path, disk_events):
    path = tmp_path / "metrics.json"
    atomic.save_json({"loss": 0.5}, path)
    partial = atomic.partial_path(path)
    assert disk_events == [("fsync", partial), ("rename", path), ("fsync", tmp_path)]
    assert path.read_text() == '{\n  "loss": 0.5\n}\n' and not partial.exists()


def test_an_npz_is_flushed_too(tmp_path, disk_events):
    path = tmp_path / "run.npz"
    atomic.save_npz(path, {"w": np.arange(3)})
    assert [kind for kind, _ in disk_events] == ["fsync", "rename", "fsync"]
    with np.load(path) as arrays:
        assert list(arrays["w"]) == [0, 1, 2]


def test_a_folder_is_flushed_file_by_file_before_its_rename(tmp_path, disk_events):
    site = tmp_path / "site"
    with atomic.written_atomically(site) as partial:
        (partial / "figs").mkdir(parents=True)
        (partial / "index.html").write_text("<p>hi</p>")
        (partial / "figs" / "a.png").write_bytes(b"png")
    flushed = {path.relative_to(atomic.partial_path(site)) for _, path in disk_events[:-2]}
    assert flushed == {Path("."), Path("figs"), Path("index.html"), Path("figs/a.png")}
    assert disk_events[-2:] == [("rename", site), ("fsync", tmp_path)]
    assert (site / "figs" / "a.png").read_bytes() == b"png"


def test_a_failing_block_leaves_nothing_and_renames_nothing(tmp_path, disk_events):
    path = tmp_path / "figure.png"
    with pytest.raises(RuntimeError), atomic.written_atomically(path) as partial:
        partial.write_bytes(b"half")
        raise RuntimeError("drawing failed")
    assert disk_events == []
    assert list(tmp_path.iterdir()) == []
