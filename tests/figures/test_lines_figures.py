"""Part one's figures: animation frames, the network diagram, deterministic saving."""

import numpy as np
import pytest

from scratchnet.figures.common import save_figure
from scratchnet.figures.lines import network_diagram, training_curves
from scratchnet.figures.lines.training_animation import TrainingAnimation
from scratchnet.lines.datasets import training_set
from scratchnet.lines.training import first_full_accuracy, train


@pytest.fixture(scope="module")
def short_run():
    train_set = training_set()
    return train(
        train_set.x0(), train_set.labels, hidden=6, lr=0.01, iterations=20, seed=7
    ), train_set


def test_animation_frames_share_one_size_and_change(short_run):
    history, train_set = short_run
    animation = TrainingAnimation(history, train_set.labels, dpi=40)
    first, last = animation.frame(0), animation.frame(20)
    assert first.shape == last.shape and first.dtype == np.uint8
    assert first.shape[:2] == (round(7.2 * 40), 11 * 40)
    assert not np.array_equal(first, last)
    np.testing.assert_array_equal(animation.frame(0), first)  # redrawing is repeatable


@pytest.fixture(scope="module")
def run_to_full_accuracy():
    """80 iterations of the tutorial's run: training accuracy first reaches 100% at 68."""
    train_set = training_set()
    history = train(train_set.x0(), train_set.labels, hidden=6, lr=0.01, iterations=80, seed=7)
    assert first_full_accuracy(history) == 68
    return history, train_set


def test_blitted_frames_are_pixel_identical_to_full_redraws(run_to_full_accuracy):
    history, train_set = run_to_full_accuracy
    animation = TrainingAnimation(history, train_set.labels, dpi=40)
    # Out of order, across the first 100% (whose marks then join the background) and back.
    for iteration in [80, 67, 68, 0, 79, 69, 3]:
        np.testing.assert_array_equal(
            animation.frame(iteration), animation.redrawn_frame(iteration), f"{iteration}"
        )


def test_a_styled_call_inside_another_keeps_the_style_in_force():
    import matplotlib

    from scratchnet.figures.common import styled

    @styled
    def inner():
        return matplotlib.rcParams["lines.linewidth"]

    @styled
    def outer(width):
        matplotlib.rcParams["lines.linewidth"] = width
        return inner()

    @styled
    def failing():
        raise RuntimeError

    assert outer(7.0) == 7.0  # not set back to the style's 1.8
    with pytest.raises(RuntimeError):
        failing()
    with matplotlib.rc_context({"lines.linewidth": 5.0}):
        assert inner() == 1.8  # after an error, the style is set again


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_saving_twice_gives_identical_bytes(tmp_path, short_run, suffix):
    history, _ = short_run
    paths = [tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"]
    for path in paths:
        if suffix == ".svg":
            fig = network_diagram.draw(9, 6, 2, ["p"] * 9, ["0", "1"])
        else:
            fig = training_curves.draw(history.loss, history.accuracy, None)
        save_figure(fig, path, dpi=50)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a" + suffix, "b" + suffix]


def test_a_users_matplotlib_settings_do_not_change_the_figure(tmp_path, short_run):
    import matplotlib

    history, _ = short_run
    plain, meddled = tmp_path / "plain.png", tmp_path / "meddled.png"
    save_figure(training_curves.draw(history.loss, history.accuracy, 3), plain, dpi=50)
    with matplotlib.rc_context({"savefig.bbox": "tight", "font.size": 20, "lines.linewidth": 5}):
        save_figure(training_curves.draw(history.loss, history.accuracy, 3), meddled, dpi=50)
        assert matplotlib.rcParams["font.size"] == 20  # the caller's settings are kept
    assert plain.read_bytes() == meddled.read_bytes()


@pytest.mark.parametrize(
    "count, grid",
    [(1, (1, 1)), (7, (3, 3)), (18, (3, 6)), (24, (3, 8)), (30, (3, 10)), (100, (9, 12))],
)
def test_an_image_grid_fits_any_count_of_images(count, grid):
    """Three rows deep, as the tutorial's 24 and 18; a reader's large set in more rows."""
    from scratchnet.figures.image_grid import draw_image_grid

    fig = draw_image_grid(np.zeros((count, 3, 3)), [f"Class: {i % 2}" for i in range(count)])
    assert fig.axes[0].get_subplotspec().get_geometry()[:2] == grid
    assert len(fig.axes) == grid[0] * grid[1]
    assert sum(ax.axison for ax in fig.axes) == count  # the rest stay empty
