"""Which snapshots an animation shows and how its parts share them out."""

from scratchnet.figures.frames import animation_frames, frame_iterations


def test_frame_iterations_every_k_and_always_the_last():
    assert frame_iterations(200, 5) == list(range(0, 201, 5))
    assert len(frame_iterations(200, 5)) == 41
    assert frame_iterations(10, 4) == [0, 4, 8, 10]


def test_parts_are_consecutive_and_cover_every_frame():
    frames = animation_frames(200, 5, parts=4)
    assert [len(part) for part in frames.parts] == [11, 10, 10, 10]
    assert sum(frames.parts, []) == frames.shown == frame_iterations(200, 5)
    assert [frames.before(k) for k in range(4)] == [None, 50, 100, 150]


def test_never_more_parts_than_frames_and_the_palette_from_first_middle_last():
    frames = animation_frames(3, 2, parts=8)
    assert frames.shown == [0, 2, 3] and frames.parts == [[0], [2], [3]]
    assert frames.palette == [0, 2, 3]
    assert animation_frames(200, 5, parts=2).palette == [0, 100, 200]
