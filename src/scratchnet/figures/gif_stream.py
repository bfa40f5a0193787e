"""Write an animated GIF one frame at a time, with one palette for every frame.

Pillow's ``save(..., save_all=True, append_images=...)`` keeps every frame in memory
until the end (it compares frames to merge duplicates), so memory would grow with the
frame count. Here each frame is quantised to a shared palette and its encoded bytes go
straight to the file, using Pillow's own GIF header and frame encoders (``getheader``,
``getdata``); the only bytes written by hand are the GIF trailer.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PIL import GifImagePlugin, Image

GIF_TRAILER = b";"


def shared_palette(sample_frames: list[np.ndarray], colors: int = 256) -> Image.Image:
    """A palette image for ``quantize(palette=...)``, fitted to RGB frames ``(H, W, 3)``.

    Fitting to several frames (say first, middle, last) covers colours that appear
    only late or early in the animation. Max-coverage keeps large flat areas (the white
    background) exact, where median cut averages them with their antialiased edges.
    """
    montage = Image.fromarray(np.concatenate(sample_frames, axis=0))
    return montage.quantize(colors=colors, method=Image.Quantize.MAXCOVERAGE)


class GifStream:
    """A looping GIF written frame by frame to ``path``; use as a context manager.

    The file appears under its final name only after a successful close; an exception
    inside the ``with`` block removes the partial file.
    """

    def __init__(self, path: str | Path, palette: Image.Image, duration_ms: int, loop: int = 0):
        self.path = Path(path)
        self._partial = self.path.with_name(f".{self.path.name}.partial")
        self._palette = palette
        self._duration_ms = duration_ms
        self._loop = loop
        self._file = None
        self._size = None
        self.frames_written = 0

    def __enter__(self) -> GifStream:
        self._file = open(self._partial, "wb")
        return self

    def append(self, rgb: np.ndarray) -> None:
        """Add one frame, ``rgb: (H, W, 3)`` uint8; every frame must have the same size."""
        frame = Image.fromarray(rgb).quantize(palette=self._palette, dither=Image.Dither.NONE)
        if self._size is None:
            self._size = frame.size
            header, _ = GifImagePlugin.getheader(
                frame, info={"loop": self._loop, "duration": self._duration_ms}
            )
            self._file.writelines(header)
        elif frame.size != self._size:
            raise ValueError(f"frame {self.frames_written} is {frame.size}, expected {self._size}")
        self._file.writelines(GifImagePlugin.getdata(frame, duration=self._duration_ms))
        self.frames_written += 1

    def __exit__(self, exc_type, exc, tb) -> None:
        succeeded = exc_type is None and self.frames_written > 0
        if succeeded:
            self._file.write(GIF_TRAILER)
        self._file.close()
        if succeeded:
            os.replace(self._partial, self.path)
        else:
            self._partial.unlink(missing_ok=True)
        if exc_type is None and not succeeded:
            raise ValueError(f"{self.path}: no frames were written")
