"""The MP4 companion: every GIF frame, even sizes, large animations shrunk for the web."""

import subprocess

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image, ImageSequence

from scratchnet.figures.gif_stream import GifStream, shared_palette
from scratchnet.figures.video import MAX_WIDTH, gif_to_mp4, video_size


def _gif(path, size, count=5, duration=100):
    """A GIF of ``count`` different frames (a bar that grows), ``duration`` ms each."""
    width, height = size
    frames = []
    for k in range(count):
        frame = np.full((height, width, 3), 255, np.uint8)
        frame[:, : (k + 1) * width // count] = (200, 30, 30)
        frames.append(Image.fromarray(frame))
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=duration, loop=0)


def _video_facts(path):
    frames = imageio_ffmpeg.read_frames(str(path))
    meta = next(frames)
    return meta["size"], meta["fps"], sum(1 for _ in frames)


def test_odd_sizes_are_padded_and_every_frame_kept(tmp_path):
    _gif(tmp_path / "a.gif", (61, 41))
    gif_to_mp4(tmp_path / "a.gif", tmp_path / "a.mp4", frame_ms=100, frames=5)
    assert _video_facts(tmp_path / "a.mp4") == ((62, 42), 10.0, 5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gif", "a.mp4"]


@pytest.mark.parametrize(("gif_ms", "frame_ms"), [(100, 200), (30, 30), (100, 20), (20, 150)])
def test_every_gif_frame_is_one_video_frame_at_the_configured_rate(tmp_path, gif_ms, frame_ms):
    # ffmpeg would otherwise time frames by the GIF's own delays, in hundredths of a
    # second, dropping or repeating frames when they differ from the video's rate.
    _gif(tmp_path / "a.gif", (40, 20), count=24, duration=gif_ms)
    gif_to_mp4(tmp_path / "a.gif", tmp_path / "a.mp4", frame_ms=frame_ms, frames=24)
    size, fps, count = _video_facts(tmp_path / "a.mp4")
    assert count == 24 and fps == pytest.approx(1000 / frame_ms, abs=0.01)


def test_wide_animations_shrink_by_a_whole_factor(tmp_path):
    _gif(tmp_path / "wide.gif", (2 * MAX_WIDTH + 2, 40), count=3, duration=200)
    gif_to_mp4(tmp_path / "wide.gif", tmp_path / "wide.mp4", frame_ms=200, frames=3)
    # Just over twice too wide: shrunk 3x, 1281 x 14 pixels rounded up, then padded even.
    assert _video_facts(tmp_path / "wide.mp4") == ((1282, 14), 5.0, 3)


def _delta_gif(path):
    """A GifStream GIF of a bar that grows: frames after the first store only the change,
    the rest of each transparent."""
    frames = []
    for k in range(4):
        frame = np.full((40, 60, 3), 255, np.uint8)
        frame[10:30, : 15 * (k + 1)] = (30, 30, 200)
        frame[35, 4 * k : 4 * k + 3] = (200, 30, 30)  # a mark that moves: a second change
        frames.append(frame)
    with GifStream(path, shared_palette(frames), (60, 40), 100) as gif:
        for frame in frames:
            gif.append(frame)


def test_ffmpeg_composes_delta_frames_exactly_as_pillow_does(tmp_path):
    # gif_to_mp4 relies on ffmpeg's GIF decoder to build full frames from our partial,
    # transparent ones: the decoded pixels must be those of the animation.
    _delta_gif(tmp_path / "a.gif")
    with Image.open(tmp_path / "a.gif") as gif:
        expected = np.stack([np.array(f.convert("RGB")) for f in ImageSequence.Iterator(gif)])
    decoded = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", str(tmp_path / "a.gif")]
        + ["-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        capture_output=True,
        check=True,
    ).stdout
    assert np.array_equal(np.frombuffer(decoded, np.uint8).reshape(expected.shape), expected)


def test_a_gif_of_delta_frames_decodes_to_every_full_frame(tmp_path):
    _delta_gif(tmp_path / "a.gif")
    gif_to_mp4(tmp_path / "a.gif", tmp_path / "a.mp4", frame_ms=100, frames=4)
    decoded = imageio_ffmpeg.read_frames(str(tmp_path / "a.mp4"))
    next(decoded)
    last = np.frombuffer(list(decoded)[-1], np.uint8).reshape(40, 60, 3)
    assert np.abs(last[20, 55].astype(int) - (30, 30, 200)).max() < 40  # the full bar


def test_the_same_gif_gives_the_same_bytes(tmp_path):
    _gif(tmp_path / "a.gif", (64, 48))
    gif_to_mp4(tmp_path / "a.gif", tmp_path / "1.mp4", frame_ms=100, frames=5)
    gif_to_mp4(tmp_path / "a.gif", tmp_path / "2.mp4", frame_ms=100, frames=5)
    assert (tmp_path / "1.mp4").read_bytes() == (tmp_path / "2.mp4").read_bytes()


def test_padding_is_white_and_only_on_the_bottom_and_right(tmp_path):
    black = Image.new("RGB", (61, 41))
    black.save(tmp_path / "a.gif", save_all=True, append_images=[black], duration=100)
    gif_to_mp4(tmp_path / "a.gif", tmp_path / "a.mp4", frame_ms=100, frames=1)
    decoded = imageio_ffmpeg.read_frames(str(tmp_path / "a.mp4"))
    next(decoded)
    first = np.frombuffer(next(decoded), np.uint8).reshape(42, 62, 3).astype(int)
    assert first[:38, :58].max() < 16  # the picture, away from chroma blur at the seam
    assert first[41, :58].min() > 235 and first[:38, 61].min() > 235  # the padding


def test_video_size_shrinks_by_whole_factors_and_pads_to_even():
    assert video_size((1100, 720)) == (1, (1100, 720), (1100, 720))
    assert video_size((61, 41)) == (1, (61, 41), (62, 42))
    assert video_size((3300, 2160)) == (2, (1650, 1080), (1650, 1080))
    assert video_size((MAX_WIDTH + 1, 9)) == (2, (961, 5), (962, 6))


def test_a_file_that_is_not_a_gif_fails_naming_it_and_leaves_no_video(tmp_path):
    (tmp_path / "a.gif").write_bytes(b"GIF89a" + bytes(20))  # a header, then nonsense
    with pytest.raises(Exception, match="a.gif"):
        gif_to_mp4(tmp_path / "a.gif", tmp_path / "a.mp4", frame_ms=100, frames=5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gif"]


@pytest.mark.parametrize("kept", [0.5, 0.8])
def test_a_truncated_gif_fails_instead_of_giving_a_short_video(tmp_path, kept):
    _gif(tmp_path / "a.gif", (64, 48), count=10)
    whole = (tmp_path / "a.gif").read_bytes()
    (tmp_path / "a.gif").write_bytes(whole[: int(len(whole) * kept)])
    with pytest.raises(ValueError, match=r"a.gif: expected 10 frames, ffmpeg found \d"):
        gif_to_mp4(tmp_path / "a.gif", tmp_path / "a.mp4", frame_ms=100, frames=10)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gif"]


def test_an_ffmpeg_failure_is_reported_with_its_message(tmp_path):
    _gif(tmp_path / "a.gif", (64, 48))
    with pytest.raises(RuntimeError, match="a.gif: ffmpeg could not encode it .*missing"):
        gif_to_mp4(tmp_path / "a.gif", tmp_path / "missing" / "a.mp4", frame_ms=100, frames=5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gif"]
