"""The streaming GIF writer: frames decode back exactly, changes are stored as
transparent deltas, parts join into the same bytes as one stream, errors leave nothing."""

import numpy as np
import pytest
from PIL import Image

from scratchnet.figures.gif_stream import (
    TRANSPARENT,
    GifStream,
    join_gif_parts,
    shared_palette,
)

SIZE = (60, 40)  # width, height


def _frames(count, channels=3):
    """Frames of a few flat colours, each changing a small patch of the one before;
    ``channels`` 4 adds an opaque alpha channel, as the animation's canvas has."""
    rng = np.random.default_rng(0)
    colours = rng.integers(0, 256, size=(8, 3), dtype=np.uint8)
    frame = colours[rng.integers(0, 8, size=(SIZE[1], SIZE[0]))]
    frames = [frame]
    for k in range(1, count):
        frame = frame.copy()
        frame[5 + k : 12 + k, 10 : 10 + 3 * k] = colours[k % 8]
        frames.append(frame)
    frames.append(frames[-1].copy())  # an unchanged frame still counts
    if channels == 4:
        opaque = np.full((SIZE[1], SIZE[0], 1), 255, np.uint8)
        frames = [np.concatenate([f, opaque], axis=2) for f in frames]
    return frames


def _write(path, frames, palette, previous=None):
    with GifStream(path, palette, SIZE, duration_ms=100, previous=previous) as gif:
        for frame in frames:
            gif.append(frame)


@pytest.mark.parametrize("channels", [3, 4])
def test_frames_round_trip_with_duration_and_loop(tmp_path, channels):
    frames = _frames(5, channels)
    path = tmp_path / "anim.gif"
    _write(path, frames, shared_palette(frames))
    with Image.open(path) as im:
        assert im.n_frames == len(frames)
        assert im.info["loop"] == 0
        for index, frame in enumerate(frames):
            im.seek(index)
            assert im.info["duration"] == 100
            np.testing.assert_array_equal(np.array(im.convert("RGB")), frame[..., :3])


def test_later_frames_store_only_the_changed_box_with_transparency(tmp_path):
    frames = _frames(3)
    path = tmp_path / "anim.gif"
    _write(path, frames, shared_palette(frames))
    with Image.open(path) as im:
        im.seek(2)
        # Frame 2 changed rows 7..13, columns 10..15 of frame 1 (see _frames).
        assert im.dispose_extent == (10, 7, 16, 14)
    # Graphic control extensions ("!" 0xF9 4, packed flags, delay, transparent index):
    # the first frame is opaque, every later one has transparent index 255.
    data = path.read_bytes()
    controls, start = [], data.find(b"!\xf9\x04")
    while start != -1:
        controls.append(data[start + 3 : start + 7])
        start = data.find(b"!\xf9\x04", start + 1)
    assert len(controls) == len(frames)
    assert controls[0][0] & 1 == 0
    assert all(c[0] & 1 and c[3] == TRANSPARENT for c in controls[1:])


def test_a_change_within_one_palette_colour_stores_nothing(tmp_path):
    frames = [np.full((SIZE[1], SIZE[0], 3), 250, np.uint8) for _ in range(2)]
    frames[1][3:9, 4:20] = 251  # both greys take the palette's single entry
    palette = shared_palette(frames[:1])
    path = tmp_path / "anim.gif"
    _write(path, frames, palette)
    with Image.open(path) as im:
        im.seek(1)
        assert im.dispose_extent == (0, 0, 1, 1)  # the one-pixel, transparent stand-in


@pytest.mark.parametrize("channels", [3, 4])
def test_parts_join_into_the_same_bytes_as_one_stream(tmp_path, channels):
    frames = _frames(7, channels)
    palette = shared_palette(frames)
    _write(tmp_path / "whole.gif", frames, palette)
    _write(tmp_path / "part-0.gif", frames[:3], palette)
    _write(tmp_path / "part-1.gif", frames[3:], palette, previous=frames[2])
    join_gif_parts([tmp_path / "part-0.gif", tmp_path / "part-1.gif"], tmp_path / "joined.gif")
    assert (tmp_path / "joined.gif").read_bytes() == (tmp_path / "whole.gif").read_bytes()


def test_rgb_and_rgba_frames_mix(tmp_path):
    rgb, rgba = _frames(3, 3), _frames(3, 4)
    mixed = [rgb[0], rgba[1], rgb[2], rgba[3]]
    _write(tmp_path / "mixed.gif", mixed, shared_palette(rgb))
    _write(tmp_path / "plain.gif", rgb, shared_palette(rgb))
    assert (tmp_path / "mixed.gif").read_bytes() == (tmp_path / "plain.gif").read_bytes()


def test_parts_of_different_animations_are_refused(tmp_path):
    frames = _frames(2)
    _write(tmp_path / "a.gif", frames, shared_palette(frames))
    _write(tmp_path / "b.gif", frames, shared_palette([255 - f for f in frames]))
    with pytest.raises(ValueError, match="not a part of the same animation"):
        join_gif_parts([tmp_path / "a.gif", tmp_path / "b.gif"], tmp_path / "joined.gif")
    assert not (tmp_path / "joined.gif").exists()


def test_an_error_leaves_no_file(tmp_path):
    frames = _frames(2)
    path = tmp_path / "anim.gif"
    with pytest.raises(ValueError, match="expected 60x40"):
        with GifStream(path, shared_palette(frames), SIZE, duration_ms=100) as gif:
            gif.append(frames[0])
            gif.append(frames[1][:20])  # a frame of another size
    assert list(tmp_path.iterdir()) == []


def test_the_most_frequent_colours_stay_exact_beside_near_twins():
    """White beside near-white antialiasing greys, in a frame with far more colours than
    the palette holds: the fitted palette still maps white, and black, exactly."""
    rng = np.random.default_rng(1)
    frame = np.full((300, 400, 3), 255, np.uint8)
    frame[:40] = rng.integers(0, 256, size=(40, 400, 3))  # ~16,000 colours
    for offset, grey in enumerate(range(244, 255)):  # antialiased edges next to white
        frame[100 + 10 * offset : 105 + 10 * offset, 50:350] = grey
    frame[250:270, 50:350] = 0
    palette = shared_palette([frame])
    quantized = Image.fromarray(frame).quantize(palette=palette, dither=Image.Dither.NONE)
    rgb = np.array(quantized.convert("RGB"))
    assert (rgb[299, 399] == 255).all()  # white
    assert (rgb[260, 200] == 0).all()  # black
    assert np.abs(rgb[100:210].astype(int) - frame[100:210]).max() <= 8  # greys stay close
