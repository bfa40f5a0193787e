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
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
from PIL import GifImagePlugin, Image

from ..atomic import partial_path, written_atomically

GIF_TRAILER = b";"
PALETTE_COLORS = 255  # the 256th palette entry is kept for transparency
SAMPLE_STRIDE = 2  # the palette is fitted to every other pixel of every other row
EXACT_COLOURS = 16  # the most frequent colours are kept exact (background, text, cells)
TRANSPARENT = 255
KEEP_PREVIOUS = 1  # GIF disposal method 1: leave the frame in place, draw the next over it


def shared_palette(sample_frames: Iterable[np.ndarray]) -> Image.Image:
    """A palette image for ``quantize(palette=...)``, fitted to frames ``(H, W, 3 or 4)``.

    Fitting to several frames (say first, middle, last) covers colours that appear
    only late or early in the animation. Max-coverage keeps large flat areas apart from
    their antialiased edges, where median cut averages them. The quantiser sees every
    other pixel of every other row (``SAMPLE_STRIDE``): on the full 300-dpi frames it
    needed over 300 MB. The ``EXACT_COLOURS`` most frequent colours (the background,
    text, flat cells) are then made exact (see ``_keep_exact``). ``sample_frames`` may
    be a generator: each frame is subsampled as it arrives and not kept.
    """
    samples = np.concatenate(
        [np.ascontiguousarray(f[::SAMPLE_STRIDE, ::SAMPLE_STRIDE, :3]) for f in sample_frames]
    )
    palette = Image.fromarray(samples).quantize(
        colors=PALETTE_COLORS, method=Image.Quantize.MAXCOVERAGE
    )
    exact = _most_frequent_colours(samples, EXACT_COLOURS)
    entries = np.array(palette.getpalette(), dtype=np.int64).reshape(-1, 3)[:PALETTE_COLORS]
    _keep_exact(palette, entries, exact[: len(entries)])
    return palette


def _keep_exact(palette: Image.Image, entries: np.ndarray, exact: np.ndarray) -> None:
    """Make the colours of ``exact: (k, 3)``, most frequent first, quantise to themselves.

    First each exact colour replaces its nearest palette entry: the quantiser's boxes
    can shift a flat colour slightly (the white background came out (253, 249, 249)).
    That is not enough, because Pillow maps a pixel through a cache of cells of nearby
    colours, each cell given the one entry nearest the *cell*: an entry beside white,
    such as (251, 251, 251), can take white's pixels. So each entry that takes an exact
    colour's pixels becomes that colour, unless it holds a more frequent exact colour
    (two exact colours in one cell cannot both stay exact: the more frequent wins).
    ``entries: (n, 3)`` are the palette's colours, updated in place.
    """
    held = np.full(len(entries), len(exact))  # rank of the exact colour an entry holds
    for rank, colour in enumerate(exact):
        distances = ((entries - colour) ** 2).sum(axis=1)
        distances[held < len(exact)] = np.iinfo(np.int64).max
        nearest = int(np.argmin(distances))
        entries[nearest], held[nearest] = colour, rank
    probe = Image.fromarray(exact.astype(np.uint8)[np.newaxis])  # (1, k, 3)
    while True:  # each round lowers one entry's rank: it ends
        palette.putpalette(entries.astype(np.uint8).ravel().tolist())
        taken = np.array(probe.quantize(palette=palette, dither=Image.Dither.NONE))[0]
        mergeable = [
            (rank, entry)
            for rank, entry in enumerate(taken)
            if (entries[entry] != exact[rank]).any() and held[entry] > rank
        ]
        if not mergeable:
            return
        rank, entry = mergeable[0]
        entries[entry], held[entry] = exact[rank], rank


def _most_frequent_colours(rgb: np.ndarray, count: int) -> np.ndarray:
    """The ``count`` most frequent colours of ``rgb: (H, W, 3)``, most frequent first
    (ties broken by colour value, so the order is reproducible), as ``(count, 3)``."""
    packed = (rgb[..., 0].astype(np.uint32) << 16) | (rgb[..., 1].astype(np.uint32) << 8)
    packed |= rgb[..., 2]
    colours, counts = np.unique(packed, return_counts=True)
    top = colours[np.argsort(-counts, kind="stable")[:count]]
    return np.stack([(top >> 16) & 255, (top >> 8) & 255, top & 255], axis=1).astype(np.int64)


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
        self._previous = None if previous is None else self._quantize(previous)
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
        indices = self._quantize(pixels)
        if self._previous is None:
            self._write(indices, (0, 0), transparency=None)
        else:
            self._write_change(indices)
        # The palette indices, not the pixels, are what the next frame is compared with:
        # a quarter of the memory, and a colour change within one index is no change.
        self._previous = indices
        self.frames_written += 1

    def _quantize(self, pixels: np.ndarray) -> np.ndarray:
        """The palette index of each pixel: (H, W) uint8."""
        image = Image.fromarray(np.ascontiguousarray(pixels))  # no copy if contiguous
        # Pillow drops the alpha channel several times faster than numpy's pixels[..., :3].
        rgb = image if image.mode == "RGB" else image.convert("RGB")
        # No dithering: flat colours stay flat, and unchanged pixels stay unchanged.
        return np.asarray(rgb.quantize(palette=self._palette, dither=Image.Dither.NONE))

    def _write_change(self, indices: np.ndarray) -> None:
        """Store only the bounding box of changed pixels; unchanged ones are transparent."""
        changed = indices != self._previous
        if not changed.any():  # keep the frame (its time on screen) but draw nothing
            self._write(np.full((1, 1), TRANSPARENT, np.uint8), (0, 0), TRANSPARENT)
            return
        rows = np.flatnonzero(changed.any(axis=1))
        cols = np.flatnonzero(changed.any(axis=0))
        box = np.s_[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
        self._write(
            np.where(changed[box], indices[box], TRANSPARENT).astype(np.uint8, copy=False),
            (int(cols[0]), int(rows[0])),
            TRANSPARENT,
        )

    def _write(self, indices: np.ndarray, offset: tuple[int, int], transparency: int | None):
        """Write ``indices: (h, w)`` uint8, palette indices, as a frame at ``offset``."""
        frame = Image.frombytes("P", (indices.shape[1], indices.shape[0]), indices.tobytes())
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


def write_frames(
    path: str | Path,
    frame: Callable[[int], np.ndarray],
    count: int,
    *,
    duration_ms: int,
    progress: Callable[[str], None] | None = None,
) -> int:
    """Stream ``frame(0)`` ... ``frame(count - 1)`` (pixels (H, W, 3 or 4), one size) to
    the GIF ``path``, with one palette fitted to the first, middle and last frames; a
    progress line about every tenth frame. Returns the number of frames written."""
    last = count - 1
    palette = shared_palette(frame(k) for k in sorted({0, last // 2, last}))
    height, width = frame(0).shape[:2]
    with GifStream(path, palette, (width, height), duration_ms) as gif:
        for k in range(count):
            gif.append(frame(k))
            if progress and (k % max(1, count // 10) == 0 or k == last):
                progress(f"frame {k + 1}/{count}")
    return gif.frames_written


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
