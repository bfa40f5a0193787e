"""The MP4 companion: every GIF frame, even sizes, large animations shrunk for the web."""

import imageio_ffmpeg
import numpy as np
from PIL import Image

from scratchnet.figures.video import MAX_WIDTH, gif_to_mp4, pad_to_even


def _gif(path, size, count=5):
    width, height = size
    frames = []
    for k in range(count):
        frame = np.full((height, width, 3), 255, np.uint8)
        frame[:, : (k + 1) * width // count] = (200, 30, 30)
        frames.append(Image.fromarray(frame))
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)


def _video_facts(path):
    frames = imageio_ffmpeg.read_frames(str(path))
    meta = next(frames)
    return meta["size"], meta["fps"], sum(1 for _ in frames)


def test_odd_sizes_are_padded_and_every_frame_kept(tmp_path):
    _gif(tmp_path / "a.gif", (61, 41))
    assert gif_to_mp4(tmp_path / "a.gif", tmp_path / "a.mp4", frame_ms=100) == 5
    assert _video_facts(tmp_path / "a.mp4") == ((62, 42), 10.0, 5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gif", "a.mp4"]


def test_wide_animations_shrink_by_a_whole_factor(tmp_path):
    _gif(tmp_path / "wide.gif", (2 * MAX_WIDTH + 2, 40), count=3)
    gif_to_mp4(tmp_path / "wide.gif", tmp_path / "wide.mp4", frame_ms=200)
    # Just over twice too wide: shrunk 3x, 1281 x 14 pixels rounded up, then padded even.
    assert _video_facts(tmp_path / "wide.mp4") == ((1282, 14), 5.0, 3)


def test_a_gif_of_delta_frames_decodes_to_every_full_frame(tmp_path):
    from scratchnet.figures.gif_stream import GifStream, shared_palette

    frames = []
    for k in range(4):  # a bar that grows: later frames store only the change
        frame = np.full((40, 60, 3), 255, np.uint8)
        frame[10:30, : 15 * (k + 1)] = (30, 30, 200)
        frames.append(frame)
    with GifStream(tmp_path / "a.gif", shared_palette(frames), (60, 40), 100) as gif:
        for frame in frames:
            gif.append(frame)
    gif_to_mp4(tmp_path / "a.gif", tmp_path / "a.mp4", frame_ms=100)
    decoded = imageio_ffmpeg.read_frames(str(tmp_path / "a.mp4"))
    next(decoded)
    last = np.frombuffer(list(decoded)[-1], np.uint8).reshape(40, 60, 3)
    assert np.abs(last[20, 55].astype(int) - (30, 30, 200)).max() < 40  # the full bar


def test_the_same_gif_gives_the_same_bytes(tmp_path):
    _gif(tmp_path / "a.gif", (64, 48))
    gif_to_mp4(tmp_path / "a.gif", tmp_path / "1.mp4", frame_ms=100)
    gif_to_mp4(tmp_path / "a.gif", tmp_path / "2.mp4", frame_ms=100)
    assert (tmp_path / "1.mp4").read_bytes() == (tmp_path / "2.mp4").read_bytes()


def test_pad_to_even_pads_with_white_only_where_needed():
    odd = np.zeros((3, 5, 3), np.uint8)
    padded = pad_to_even(odd)
    assert padded.shape == (4, 6, 3)
    assert (padded[3] == 255).all() and (padded[:, 5] == 255).all()
    even = np.zeros((4, 6, 3), np.uint8)
    assert pad_to_even(even) is even
