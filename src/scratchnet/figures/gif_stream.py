"""Write an animated GIF one frame at a time, with one palette for every frame.

Pillow's ``save(..., save_all=True, append_images=...)`` keeps every frame in memory
until the end (it compares frames to merge duplicates), so memory would grow with the
frame count. Here each frame goes straight to the file, encoded by Pillow's own GIF
header and frame writers (``getheader``, ``getdata``). After the first frame only the
rectangle that changed is stored, with its unchanged pixels transparent, which keeps
the file small: a heatmap cell that keeps its colour costs nothing.

A long animation can be written in parts by separate processes (``previous=`` gives a
part the frame before it) and the parts joined with ``join_gif_parts``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import GifImagePlugin, Image

from ..atomic import partial_path, written_atomically

GIF_TRAILER = b";"
PALETTE_COLORS = 255  # the 256th palette entry is kept for transparency
TRANSPARENT = 255
KEEP_PREVIOUS = 1  # GIF disposal method 1: leave the frame in place, draw the next over it


def shared_palette(sample_frames: Sequence[np.ndarray]) -> Image.Image:
    """A palette image for ``quantize(palette=...)``, fitted to frames ``(H, W, 3 or 4)``.

    Fitting to several frames (say first, middle, last) covers colours that appear
    only late or early in the animation. Max-coverage keeps large flat areas (the white
    background) exact, where median cut averages them with their antialiased edges.
    (Fitting to every other pixel would save memory but tints the white background.)
    """
    montage = Image.fromarray(np.concatenate([f[..., :3] for f in sample_frames], axis=0))
    return montage.quantize(colors=PALETTE_COLORS, method=Image.Quantize.MAXCOVERAGE)


class GifStream:
    """A looping GIF of ``size = (width, height)`` written frame by frame to ``path``.

    Use as a context manager. The file appears under its final name only after a
    successful close; an exception inside the ``with`` block removes the partial file.
    ``previous`` is the frame shown just before this file's first frame, when the file is
    one part of a longer animation: the first frame is then stored as a change.
    """

    def __init__(
        self,
        path: str | Path,
        palette: Image.Image,
        size: tuple[int, int],
        duration_ms: int,
        loop: int = 0,
        previous: np.ndarray | None = None,
    ):
        self.path = Path(path)
        self._partial = partial_path(self.path)
        self._palette = palette
        self._size = size
        self._duration_ms = duration_ms
        self._loop = loop
        self._previous = previous
        self._file = None
        self.frames_written = 0

    def __enter__(self) -> GifStream:
        self._file = open(self._partial, "wb")
        canvas = Image.new("P", self._size)
        canvas.putpalette(self._palette.getpalette())
        header, _ = GifImagePlugin.getheader(
            canvas, info={"loop": self._loop, "duration": self._duration_ms}
        )
        self._file.writelines(header)
        return self

    def append(self, pixels: np.ndarray) -> None:
        """Add one frame of the stream's size, ``pixels: (H, W, 3)`` RGB or ``(H, W, 4)``
        RGBA uint8. GIF has no partial transparency: frames are taken as opaque."""
        if (pixels.shape[1], pixels.shape[0]) != self._size:
            raise ValueError(
                f"frame {self.frames_written} is {pixels.shape[1]}x{pixels.shape[0]}, "
                f"expected {self._size[0]}x{self._size[1]}"
            )
        if self._previous is None:
            self._write(self._quantize(pixels), (0, 0), transparency=None)
        else:
            self._write_change(pixels)
        self._previous = pixels
        self.frames_written += 1

    def _quantize(self, pixels: np.ndarray) -> Image.Image:
        # No dithering: flat colours stay flat, and unchanged pixels stay unchanged.
        rgb = Image.fromarray(np.ascontiguousarray(pixels[..., :3]))
        return rgb.quantize(palette=self._palette, dither=Image.Dither.NONE)

    def _write_change(self, pixels: np.ndarray) -> None:
        """Store only the bounding box of changed pixels; unchanged ones are transparent."""
        changed = _changed_pixels(pixels, self._previous)
        if not changed.any():  # keep the frame (its time on screen) but draw nothing
            self._write(Image.new("P", (1, 1), TRANSPARENT), (0, 0), TRANSPARENT)
            return
        rows = np.flatnonzero(changed.any(axis=1))
        cols = np.flatnonzero(changed.any(axis=0))
        box = np.s_[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
        indices = np.array(self._quantize(pixels[box]))
        indices[~changed[box]] = TRANSPARENT
        frame = Image.frombytes("P", (indices.shape[1], indices.shape[0]), indices.tobytes())
        self._write(frame, (int(cols[0]), int(rows[0])), TRANSPARENT)

    def _write(self, frame: Image.Image, offset: tuple[int, int], transparency: int | None):
        params = {"duration": self._duration_ms, "disposal": KEEP_PREVIOUS}
        if transparency is not None:
            params["transparency"] = transparency
        self._file.writelines(GifImagePlugin.getdata(frame, offset=offset, **params))

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


def _changed_pixels(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(H, W) bool: where the colours of two frames differ. Two contiguous RGBA frames
    compare one 32-bit word per pixel, several times faster than channel by channel."""
    both_rgba = a.shape[2] == b.shape[2] == 4
    if both_rgba and a.flags.c_contiguous and b.flags.c_contiguous:
        return a.view(np.uint32)[..., 0] != b.view(np.uint32)[..., 0]
    return np.any(a[..., :3] != b[..., :3], axis=2)


def _header_length(gif: bytes) -> int:
    """Bytes before the first frame of a GIF written by ``GifStream``: the screen
    descriptor (13 bytes), the global colour table, and the looping extension."""
    packed = gif[10]
    table = 3 * 2 ** ((packed & 0b111) + 1) if packed & 0b1000_0000 else 0
    length = 13 + table
    if gif[length : length + 3] == b"!\xff\x0b":  # NETSCAPE2.0 application extension
        length += 19
    return length


def join_gif_parts(parts: Sequence[str | Path], path: str | Path) -> None:
    """Join GIFs written by ``GifStream`` as consecutive parts of one animation.

    The parts share their header (size, palette, looping) byte for byte, and each part
    after the first stores its first frame as a change from the previous part's last
    frame, so joining is: one header, every part's frames in order, one trailer. (A
    general tool such as gifsicle would decode and re-encode every frame to do this.)
    Parts are copied a block at a time: memory does not grow with their size.
    """
    if not parts:
        raise ValueError(f"{path}: no parts to join")
    with open(parts[0], "rb") as f:
        start = f.read(HEADER_MAX)
    header = start[: _header_length(start)]
    with written_atomically(path) as partial, open(partial, "wb") as joined:
        joined.write(header)
        for part in parts:
            with open(part, "rb") as f:
                frames = f.seek(0, os.SEEK_END) - len(header) - len(GIF_TRAILER)
                f.seek(frames + len(header))
                ends_well = f.read() == GIF_TRAILER
                f.seek(0)
                if f.read(len(header)) != header or not ends_well:
                    raise ValueError(f"{part}: not a part of the same animation as {parts[0]}")
                while frames:
                    block = f.read(min(COPY_BLOCK, frames))
                    joined.write(block)
                    frames -= len(block)
        joined.write(GIF_TRAILER)


HEADER_MAX = 13 + 3 * 256 + 19  # screen descriptor, largest colour table, looping extension
COPY_BLOCK = 1 << 20
