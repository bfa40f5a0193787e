"""Write files so that they appear whole or not at all: a job killed mid-write, or one
that fails, never leaves a file under its final name that looks finished.

A rename alone survives a killed process, not a power cut: the file system may write the
new name to disk before the file's data. So the data is flushed to disk (``fsync``)
before the rename, and the folder, which holds the name, after it."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np


def partial_path(path: str | Path) -> Path:
    """The hidden name ``path`` is written under until it is complete, same suffix
    (some writers, such as ffmpeg, choose the format by suffix): x.png -> .x.partial.png"""
    path = Path(path)
    return path.with_name(f".{path.stem}.partial{path.suffix}")


@contextmanager
def written_atomically(path: str | Path) -> Iterator[Path]:
    """Yield the partial path to write (a file, or a directory the block creates); rename
    it to ``path`` when the block succeeds, delete it when the block raises."""
    partial = partial_path(path)
    try:
        yield partial
    except BaseException:
        if partial.is_dir():
            shutil.rmtree(partial)
        else:
            partial.unlink(missing_ok=True)
        raise
    _fsync_tree(partial)
    os.replace(partial, path)
    _fsync(Path(path).parent)


def _fsync(path: Path) -> None:
    """Flush ``path`` (a file or a folder) to disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_tree(path: Path) -> None:
    """Flush the file ``path``, or a folder's every file and folder, to disk."""
    if not path.is_dir():
        _fsync(path)
        return
    for folder, _, files in os.walk(path):
        for name in files:
            _fsync(Path(folder) / name)
        _fsync(Path(folder))


def save_json(data: dict, path: str | Path) -> None:
    """Write ``data`` as stable, human-readable JSON (sorted keys, trailing newline)."""
    with written_atomically(path) as partial:
        partial.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def save_npz(path: str | Path, arrays: dict[str, np.ndarray], compress: bool = True) -> None:
    """Write ``arrays`` to the ``.npz`` at ``path`` (compressed unless ``compress`` is
    False, for files read often), whole or not at all. The same arrays give the same bytes."""
    save = np.savez_compressed if compress else np.savez
    with written_atomically(path) as partial, open(partial, "wb") as f:
        save(f, **arrays)
