"""The digits split: stratified by class, seeded, disjoint, standardised on training only."""

import numpy as np
import pytest

from scratchnet.digits.data import (
    DigitsError,
    load_split,
    make_splits,
    save_split,
    stratified_split,
)
from scratchnet.digits.idx import write_mnist


def test_bundled_digits_split_three_ways_without_overlap(splits):
    sizes = {name: len(split.labels) for name, split in splits.items()}
    assert sum(sizes.values()) == 1797
    assert abs(sizes["valid"] - 0.2 * 1797) < 10 and abs(sizes["test"] - 0.2 * 1797) < 10
    # No image is in two sets: compare the raw pixel rows.
    rows = {name: {s.tobytes() for s in split.images} for name, split in splits.items()}
    assert not (rows["train"] & rows["test"]) and not (rows["train"] & rows["valid"])


def test_every_digit_keeps_its_share_in_every_set(splits):
    shares = {
        name: np.bincount(split.labels, minlength=10) / len(split.labels)
        for name, split in splits.items()
    }
    for name in ("valid", "test"):
        assert np.abs(shares[name] - shares["train"]).max() < 0.01, name


def test_standardised_with_the_training_sets_statistics_only(splits):
    train = splits["train"]
    assert abs(train.x.mean()) < 1e-12 and abs(train.x.std() - 1) < 1e-12
    raw = train.images.reshape(len(train.images), -1)
    mean, std = raw.mean(), raw.std()
    test = splits["test"]
    expected = (test.images.reshape(len(test.images), -1) - mean) / std
    np.testing.assert_allclose(test.x, expected)


def test_the_seed_decides_the_split(splits):
    again = make_splits(None, valid_fraction=0.2, test_fraction=0.2, seed=0)
    other = make_splits(None, valid_fraction=0.2, test_fraction=0.2, seed=1)
    assert np.array_equal(again["test"].labels, splits["test"].labels)
    assert np.array_equal(again["test"].images, splits["test"].images)
    assert not np.array_equal(other["test"].images, splits["test"].images)


def test_stratified_split_covers_every_index_once():
    labels = np.repeat(np.arange(3), [10, 7, 3])
    parts = stratified_split(labels, (0.3, 0.3), np.random.default_rng(5))
    assert sorted(np.concatenate(parts).tolist()) == list(range(len(labels)))


def test_split_round_trips_through_npz(splits, tmp_path):
    save_split(splits["valid"], tmp_path / "valid.npz")
    back = load_split(tmp_path / "valid.npz")
    for field in ("images", "x", "labels"):
        assert np.array_equal(getattr(back, field), getattr(splits["valid"], field))


def test_mnist_keeps_its_own_test_set(tmp_path):
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(200, 28, 28), dtype=np.uint8)
    labels = np.tile(np.arange(10, dtype=np.uint8), 20)
    write_mnist(tmp_path, images, labels, images[:30], labels[:30], gz=True)
    splits = make_splits(tmp_path, valid_fraction=0.25, test_fraction=0.2, seed=0)
    assert len(splits["test"].labels) == 30  # t10k as given; test_fraction unused
    assert len(splits["train"].labels) == 150 and len(splits["valid"].labels) == 50
    assert splits["train"].x.shape == (150, 784) and splits["train"].side == 28


def test_too_few_images_for_a_set_names_the_keys(tmp_path):
    images = np.zeros((4, 28, 28), dtype=np.uint8)
    images[:, 0, 0] = [0, 50, 100, 200]
    labels = np.array([0, 1, 2, 3], dtype=np.uint8)
    write_mnist(tmp_path, images, labels, images, labels)
    with pytest.raises(DigitsError, match="valid set is empty.*valid_fraction"):
        make_splits(tmp_path, valid_fraction=0.1, test_fraction=0.1, seed=0)
