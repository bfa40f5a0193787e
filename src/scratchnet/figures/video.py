"""train-anim.mp4: the GIF's frames as an H.264 video, a far smaller file for web pages."""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import imageio_ffmpeg
from PIL import Image

from ..atomic import written_atomically

MAX_WIDTH = 1920  # wider than a web page needs: larger GIFs are shrunk by a whole factor

# ffmpeg decodes the GIF itself (it composes the GIF's partial, transparent frames into
# full frames exactly as Pillow does, tested): a Python loop handing it frames decoded by
# Pillow took 8.4 s and 163 MB for 1001 frames at 1100x720; ffmpeg on its own takes 3.4 s
# and 85 MB.
# One thread everywhere gives the same bytes on any machine. libx264 holds its look-ahead
# and B-frames in memory: for the 300-dpi GIF (3300x2160, encoded at 1650x1080) its
# defaults took over 1 GB and a look-ahead of 10 frames about 300 MB; a look-ahead of 3
# without B-frames takes 188 MB, for 10% more bytes. The veryfast preset took a quarter
# less time than the default.
X264_OPTIONS = [
    *("-threads", "1", "-preset", "veryfast"),
    *("-x264-params", "rc-lookahead=3:bframes=0"),
]
NO_METADATA = ["-fflags", "+bitexact", "-map_metadata", "-1"]  # no encoder or date tags


def video_size(gif_size: tuple[int, int]) -> tuple[int, tuple[int, int], tuple[int, int]]:
    """(shrink factor, scaled size, padded size) for a GIF of ``gif_size = (W, H)``.

    The GIF is shrunk by the smallest whole factor that fits ``MAX_WIDTH`` (sides rounded
    up), then padded on the bottom/right to even sides: H.264 in yuv420p stores colour
    at half resolution, so both sides must be even.
    """
    shrink = math.ceil(gif_size[0] / MAX_WIDTH)
    width, height = (math.ceil(side / shrink) for side in gif_size)
    return shrink, (width, height), (width + width % 2, height + height % 2)


def gif_to_mp4(gif_path: str | Path, mp4_path: str | Path, *, frame_ms: int, frames: int):
    """Encode the ``frames`` frames of ``gif_path`` as an MP4 with imageio-ffmpeg's bundled
    ffmpeg, one video frame per GIF frame at 1000 / frame_ms frames per second, shrunk
    and padded as ``video_size`` says (padding is white, the figures' background).

    A GIF with another number of frames (a truncated one, say, which ffmpeg would encode
    as far as it goes) raises ValueError and leaves no video.
    """
    with Image.open(gif_path) as gif:  # reads the header only
        shrink, (width, height), (padded_width, padded_height) = video_size(gif.size)
    filters = [f"pad={padded_width}:{padded_height}:0:0:white", "format=yuv420p"]
    if shrink > 1:  # "area": each pixel is the mean of the pixels it covers
        filters.insert(0, f"scale={width}:{height}:flags=area")
    with written_atomically(mp4_path) as partial:
        command = [
            imageio_ffmpeg.get_ffmpeg_exe(),
            *("-nostdin", "-loglevel", "error", "-y", "-threads", "1"),
            # The rate given for the input: every GIF frame becomes one video frame,
            # whatever delays the GIF stores (in hundredths of a second).
            *("-r", f"1000/{frame_ms}", "-i", str(gif_path)),
            *("-filter_threads", "1", "-vf", ",".join(filters)),
            *("-c:v", "libx264", *X264_OPTIONS, *NO_METADATA),
            *("-progress", "pipe:1", "-nostats"),  # key=value lines on stdout: frame=N
            *("-f", "mp4", str(partial)),
        ]
        finished = subprocess.run(command, capture_output=True, text=True)
        if finished.returncode != 0:
            raise RuntimeError(
                f"{gif_path}: ffmpeg could not encode it as {mp4_path} "
                f"(exit code {finished.returncode}): {finished.stderr.strip()[-2000:]}"
            )
        encoded = re.findall(r"^frame=(\d+)$", finished.stdout, re.MULTILINE)
        if not encoded or int(encoded[-1]) != frames:
            raise ValueError(
                f"{gif_path}: expected {frames} frames, ffmpeg found "
                f"{encoded[-1] if encoded else 'none'} (is the GIF truncated?)"
            )
