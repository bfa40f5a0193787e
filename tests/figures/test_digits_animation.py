"""The digits animation: each frame, drawn over the saved background, is pixel for pixel
the figure redrawn in full, in any order of frames."""

import numpy as np
import pytest

from scratchnet.digits.runs import SavedRun, train_run
from scratchnet.figures.common import styled
from scratchnet.figures.digits.animation import DigitsAnimation


@pytest.fixture(scope="module")
def run(splits):
    settings = dict(lr=0.1, epochs=4, batch_size=32, init="lecun")
    result = train_run("softmax_regression", settings, splits["train"], splits["valid"], seed=0)
    return SavedRun(result.history, result.snapshots)


@styled
def frames_both_ways(run, epochs):
    animation = DigitsAnimation(run, dpi=40)
    blitted = [animation.frame(epoch) for epoch in epochs]
    redrawn = []
    for epoch in epochs:
        animation.frame(epoch)  # set the artists' data
        for artist in animation.animated:
            artist.set_animated(False)
        animation.canvas.draw()
        redrawn.append(np.array(animation.canvas.buffer_rgba()))
        for artist in animation.animated:
            artist.set_animated(True)
    return blitted, redrawn


def test_blitted_frames_equal_full_redraws_in_any_order(run):
    epochs = [3, 0, 4, 1]
    blitted, redrawn = frames_both_ways(run, epochs)
    for epoch, a, b in zip(epochs, blitted, redrawn):
        assert np.array_equal(a, b), epoch
    assert not np.array_equal(blitted[0], blitted[1])  # the frames do change
