"""train-anim.mp4: the GIF's frames as an H.264 video, a far smaller file for web pages."""

from __future__ import annotations

import math
from pathlib import Path

import imageio_ffmpeg
import numpy as np
from PIL import Image, ImageSequence

from ..atomic import written_atomically

MAX_WIDTH = 1920  # wider than a web page needs: larger GIFs are shrunk by a whole factor

# libx264 in one thread with a short look-ahead: a few frames in memory instead of dozens
# (at 3300x2160 the defaults took over 1 GB), and the same bytes on every run. The
# veryfast preset: 1001 frames at 1100x720 in 8.3 s instead of 11.2 s, 4% larger.
X264_OPTIONS = ["-threads", "1", "-preset", "veryfast", "-x264-params", "rc-lookahead=10"]
NO_METADATA = ["-fflags", "+bitexact", "-map_metadata", "-1"]  # no encoder or date tags


def pad_to_even(rgb: np.ndarray) -> np.ndarray:
    """Pad ``rgb: (H, W, 3)`` with white on the bottom/right to even H and W: H.264 in
    yuv420p stores colour at half resolution, so both sides must be even."""
    height, width = rgb.shape[:2]
    padding = ((0, height % 2), (0, width % 2), (0, 0))
    return np.pad(rgb, padding, constant_values=255) if height % 2 or width % 2 else rgb


def gif_to_mp4(gif_path: str | Path, mp4_path: str | Path, *, frame_ms: int) -> int:
    """Encode every frame of ``gif_path`` at 1000 / frame_ms frames per second, streaming
    one frame at a time through imageio-ffmpeg's bundled ffmpeg. Returns the frame count."""
    with written_atomically(mp4_path) as partial, Image.open(gif_path) as gif:
        shrink = math.ceil(gif.size[0] / MAX_WIDTH)
        width, height = (math.ceil(side / shrink) for side in gif.size)
        writer = imageio_ffmpeg.write_frames(
            str(partial),
            (width + width % 2, height + height % 2),
            fps=1000 / frame_ms,
            codec="libx264",
            pix_fmt_out="yuv420p",
            macro_block_size=1,  # we pad to even sizes ourselves rather than rescale
            output_params=X264_OPTIONS + NO_METADATA,
        )
        writer.send(None)  # start ffmpeg
        count = 0
        try:
            for frame in ImageSequence.Iterator(gif):
                rgb = frame.convert("RGB")
                if shrink > 1:
                    rgb = rgb.reduce(shrink)
                writer.send(np.ascontiguousarray(pad_to_even(np.array(rgb))))
                count += 1
        finally:
            writer.close()  # flushes ffmpeg; on an error the partial file is then removed
    return count
