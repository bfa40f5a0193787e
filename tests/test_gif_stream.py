"""The streaming GIF writer: frames decode back exactly, timing and looping are set."""

import numpy as np
import pytest
from PIL import Image

from scratchnet.figures.gif_stream import GifStream, shared_palette


def _frames(count, shape=(40, 60)):
    rng = np.random.default_rng(0)
    colours = rng.integers(0, 256, size=(8, 3), dtype=np.uint8)
    return [colours[rng.integers(0, 8, size=shape)] for _ in range(count)]


def test_frames_round_trip_with_duration_and_loop(tmp_path):
    frames = _frames(5)
    path = tmp_path / "anim.gif"
    with GifStream(path, shared_palette(frames), duration_ms=100) as gif:
        for frame in frames:
            gif.append(frame)
    with Image.open(path) as im:
        assert im.n_frames == 5
        assert im.info["loop"] == 0
        for index, frame in enumerate(frames):
            im.seek(index)
            assert im.info["duration"] == 100
            np.testing.assert_array_equal(np.array(im.convert("RGB")), frame)


def test_an_error_leaves_no_file(tmp_path):
    frames = _frames(2)
    path = tmp_path / "anim.gif"
    with pytest.raises(ValueError, match="expected"):
        with GifStream(path, shared_palette(frames), duration_ms=100) as gif:
            gif.append(frames[0])
            gif.append(frames[1][:20])  # a frame of another size
    assert list(tmp_path.iterdir()) == []
