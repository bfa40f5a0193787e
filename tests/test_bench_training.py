"""The training benchmark's hand-written yardstick does the same maths as the library (not
timed), and what the benchmarks' README (bench/README.md) says of its digits accuracy
beside the chapter's holds. Its quick run is end to end: tests/workflow/test_bench.py."""

import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from bench.handwritten import train_handwritten
from bench.training import digits_sets, library_mlp, mlp, user_loop_mlp
from harness.workflow_copy import REPO
from scratchnet.digits.data import make_splits
from scratchnet.nn import SGD, CrossEntropy, Linear, ReLU, Sequential, fit


def test_a_users_loop_over_the_layers_is_the_same_work_as_fit():
    """The benchmark's user loop (checks and one-hot rows per batch) trains the very same
    weights as ``fit`` with the same seed: it times the loop, not other maths."""
    rng = np.random.default_rng(3)
    x, y = rng.standard_normal((70, 5)), rng.integers(0, 10, 70)
    settings = dict(hidden=8, lr=0.1, epochs=3, batch_size=16, seed=7, dtype=np.float64)
    users = user_loop_mlp(x, y, **settings).parameters()
    fits = library_mlp(x, y, **settings, running_loss=True).parameters()
    for a, b in zip(users, fits, strict=True):
        np.testing.assert_allclose(a.data, b.data, rtol=1e-12, atol=1e-14)
    start = mlp(5, settings["hidden"], np.random.default_rng(settings["seed"]), np.float64)
    assert not np.allclose(users[0].data, start.layers[0].W.data)  # it did train


@pytest.mark.parametrize("dtype, tolerance", [(np.float64, 1e-10), (np.float32, 1e-5)])
def test_handwritten_loop_matches_the_library_when_seeded_the_same(dtype, tolerance):
    """Same seed: the same initial weights, batches and updates, so the same history."""
    rng = np.random.default_rng(42)
    x, y = rng.standard_normal((70, 5)), rng.integers(0, 3, 70)
    settings = dict(hidden=8, lr=0.1, epochs=4, batch_size=16, seed=7)  # a short last batch
    W1, b1, W2, b2, history = train_handwritten(x, y, **settings, dtype=dtype, classes=3)

    rng = np.random.default_rng(settings["seed"])
    model = Sequential(
        [Linear(5, 8, rng=rng, init="he", dtype=dtype), ReLU(), Linear(8, 3, rng=rng, dtype=dtype)]
    )
    expected = fit(
        model, CrossEntropy(), SGD(model.parameters(), settings["lr"]), x, y,
        epochs=settings["epochs"], batch_size=settings["batch_size"], rng=rng,
    )  # fmt: skip

    assert history["loss"].shape == history["accuracy"].shape == (settings["epochs"] + 1,)
    np.testing.assert_allclose(history["loss"], expected.loss, rtol=0, atol=tolerance)
    np.testing.assert_array_equal(history["accuracy"], expected.accuracy)
    assert history["loss"][-1] < history["loss"][0]  # it learnt something
    for ours, theirs in zip((W1, b1, W2, b2), model.parameters()):
        assert ours.dtype == dtype and ours.shape == theirs.data.shape
        np.testing.assert_allclose(ours, theirs.data, rtol=0, atol=tolerance)


def test_handwritten_running_loss_matches_the_library_when_seeded_the_same():
    """The benchmark's equal-work mode: both record each epoch's running loss only."""
    rng = np.random.default_rng(43)
    x, y = rng.standard_normal((70, 5)), rng.integers(0, 3, 70)
    settings = dict(hidden=8, lr=0.1, epochs=4, batch_size=16, seed=7)
    *weights, history = train_handwritten(x, y, **settings, classes=3, running_loss=True)

    rng = np.random.default_rng(settings["seed"])
    model = Sequential([Linear(5, 8, rng=rng, init="he"), ReLU(), Linear(8, 3, rng=rng)])
    expected = fit(
        model, CrossEntropy(), SGD(model.parameters(), settings["lr"]), x, y,
        epochs=settings["epochs"], batch_size=settings["batch_size"], rng=rng,
        running_loss=True,
    )  # fmt: skip

    assert expected.accuracy is None and history["accuracy"].shape == (1,)
    assert history["loss"].shape == (settings["epochs"] + 1,)
    np.testing.assert_allclose(history["loss"], expected.loss, rtol=0, atol=1e-12)
    for ours, theirs in zip(weights, model.parameters()):
        np.testing.assert_allclose(ours, theirs.data, rtol=0, atol=1e-10)


def image_set(images: np.ndarray) -> set[bytes]:
    return {row.astype(np.int64).tobytes() for row in images.reshape(len(images), -1)}


def test_the_bench_readme_says_why_the_benchmark_accuracy_is_not_the_chapters():
    readme = (REPO / "bench" / "README.md").read_text()
    section = readme[readme.index("## Training speed") :]
    note = section[section.index("These accuracies are not the chapter's") :].split("\n\n")[0]
    for difference in ("own split", "each pixel", "LeCun", "seeds 0-4"):
        assert difference in note, difference

    x_bench = digits_sets()[0]
    chapter = make_splits(None, valid_fraction=0.2, test_fraction=0.2, seed=0)["train"]
    # Its own split: as many training images as the chapter's, but other ones.
    images, labels = load_digits(return_X_y=True)
    raw_bench, _ = train_test_split(images, test_size=0.4, stratify=labels, random_state=0)
    assert len(raw_bench) == len(x_bench) == len(chapter.x)
    assert image_set(raw_bench) != image_set(chapter.images)
    # Each pixel standardised on its own in the benchmark; one mean and std in the chapter.
    varying = x_bench.std(axis=0) > 0
    np.testing.assert_allclose(x_bench.std(axis=0)[varying], 1, rtol=1e-10)
    assert abs(chapter.x.std() - 1) < 1e-10
    assert np.abs(chapter.x.std(axis=0) - 1).max() > 0.5
