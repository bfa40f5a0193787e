"""The animations on paper: which moments a strip shows, and the strips drawn from a run."""

import numpy as np

from scratchnet.figures.lines import training_strip
from scratchnet.figures.strip import strip_moments
from scratchnet.lines.datasets import training_set
from scratchnet.lines.training import first_full_accuracy, train


def test_the_start_the_first_full_accuracy_the_end_and_halfway_between():
    accuracy = np.r_[np.linspace(0.25, 0.9, 68), np.ones(133)]  # 100% first at 68, of 0..200
    assert strip_moments(accuracy) == [0, 34, 68, 134, 200]
    assert strip_moments(np.r_[0.5, np.ones(10)]) == [0, 1, 5, 10]  # 100% at once: no repeats
    assert strip_moments(np.ones(5)) == [0, 1, 2, 3, 4]  # 100% from the start: quarters


def test_a_run_that_never_reaches_full_accuracy_shows_its_quarters():
    assert strip_moments(np.linspace(0.1, 0.95, 31)) == [0, 7, 15, 22, 30]


def test_the_lines_strip_titles_each_frame_with_its_iteration():
    train_set = training_set()
    history = train(train_set.x0(), train_set.labels, hidden=6, lr=0.01, iterations=80, seed=7)
    fig = training_strip.draw(history, train_set.labels)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    shown = strip_moments(history.accuracy)
    assert [title.split("\n")[0] for title in titles] == [f"iteration {i}" for i in shown]
    full = first_full_accuracy(history)
    assert full is None or full in shown
