"""Chapter two's data: handwritten digits, split, standardised, and saved once for every run.

The default is the 1797 digits of 8x8 pixels that scikit-learn ships inside its wheel (no
download); with ``mnist_dir`` set, MNIST's 28x28 digits from the user's own IDX files. A
split holds ``images: (n, side, side)`` as read (for figures), ``x: (n, side * side)``
standardised with the *training* set's mean and standard deviation (one number each, as
the classic tutorial does) for training, and ``labels: (n,)`` in 0..9.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..atomic import save_npz
from ..user_errors import InputProblem
from .idx import load_mnist

SPLITS = ("train", "valid", "test")
N_CLASSES = 10


class Split(NamedTuple):
    """images: (n, side, side) raw pixels; x: (n, side * side) standardised; labels: (n,)."""

    images: np.ndarray
    x: np.ndarray
    labels: np.ndarray

    @property
    def side(self) -> int:
        return self.images.shape[1]


class DigitsError(InputProblem, ValueError):
    """The digits cannot be split as configured; the message names the config key."""


def load_source(mnist_dir: str | Path | None) -> tuple[np.ndarray, np.ndarray, tuple | None]:
    """The raw digits: ``(images (n, side, side), labels (n,), given_test)``.

    ``given_test`` is MNIST's own test set ``(images, labels)``, or None for the bundled
    digits, which have none and are split three ways instead.
    """
    if mnist_dir is None:
        from sklearn.datasets import load_digits  # imported here: slow, and MNIST skips it

        digits = load_digits()
        return digits.images, digits.target, None
    mnist = load_mnist(mnist_dir)
    return mnist.train_images, mnist.train_labels, (mnist.test_images, mnist.test_labels)


# --8<-- [start:stratified_split]
def stratified_split(
    labels: np.ndarray, fractions: tuple[float, ...], rng: np.random.Generator
) -> list[np.ndarray]:
    """Indices into ``labels`` for parts of the given ``fractions`` (the first part takes
    the rest), each class divided in the same proportions, each part in index order.

    For every class, its examples are shuffled with ``rng`` and cut at the rounded
    fractions of its count, so every part holds each digit in nearly the same share.
    """
    parts = [[] for _ in range(len(fractions) + 1)]
    for digit in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == digit))
        cuts = np.round(np.cumsum(fractions) * len(members)).astype(int)
        pieces = np.split(members, cuts)
        parts[0].append(pieces[-1])
        for part, piece in zip(parts[1:], pieces[:-1]):
            part.append(piece)
    return [np.sort(np.concatenate(part)) for part in parts]
    # --8<-- [end:stratified_split]


def make_splits(
    mnist_dir: str | Path | None,
    *,
    valid_fraction: float,
    test_fraction: float,
    seed: int,
) -> dict[str, Split]:
    """The train, valid and test splits, standardised with the training set's statistics.

    The bundled digits are split three ways by class; MNIST keeps its own test set and
    splits ``valid_fraction`` off its training set (``test_fraction`` is then unused).
    """
    images, labels, given_test = load_source(mnist_dir)
    rng = np.random.default_rng(seed)
    if given_test is None:
        train, valid, test = stratified_split(labels, (valid_fraction, test_fraction), rng)
        raw = {"train": train, "valid": valid, "test": test}
        raw = {name: (images[index], labels[index]) for name, index in raw.items()}
    else:
        train, valid = stratified_split(labels, (valid_fraction,), rng)
        raw = {"train": (images[train], labels[train]), "valid": (images[valid], labels[valid])}
        raw["test"] = given_test
    for name, (_, split_labels) in raw.items():
        if len(split_labels) == 0:
            raise DigitsError(
                f"digits: the {name} set is empty ({len(labels)} images, valid_fraction "
                f"{valid_fraction}, test_fraction {test_fraction}); use fractions that "
                "leave every set at least one image"
            )
    # --8<-- [start:standardise]
    pixels = raw["train"][0].reshape(len(raw["train"][0]), -1).astype(np.float64)
    mean, std = pixels.mean(), pixels.std()
    if std == 0:
        raise DigitsError("digits: every training pixel has the same value; nothing to learn")
    return {
        name: Split(
            split_images,
            (split_images.reshape(len(split_images), -1) - mean) / std,
            np.asarray(split_labels, dtype=np.int64),
        )
        for name, (split_images, split_labels) in raw.items()
    }
    # --8<-- [end:standardise]


def save_split(split: Split, path: str | Path) -> None:
    """Write ``split`` to the ``.npz`` at ``path`` (atomically, uncompressed: read often)."""
    save_npz(path, split._asdict(), compress=False)


def load_split(path: str | Path) -> Split:
    """Read a split written by ``save_split``."""
    with np.load(path) as arrays:
        return Split(**{name: arrays[name] for name in Split._fields})
