"""The draw-a-digit page's data: the trained reference network and softmax regression,
the training set's standardisation, and the first test images with their saved predictions.

The page standardises the pixels the reader paints as training did,
x = (pixels - mean) / std, then runs the forward pass itself: for the reference network
logits = ReLU(x W1 + b1) W2 + b2, for the softmax regression logits = x W1 + b1, and
softmax over the 10 logits. Weights travel as float64, so the page's probabilities are
numpy's to rounding; pixels as uint8 (both datasets store whole numbers 0..255).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..digits.data import load_split
from ..digits.runs import load_run
from .colours import figure_colours
from .pack import PackedArrays, write_index


class DigitsExportError(ValueError):
    """A saved file does not hold what the page needs; the message names it."""


def whole_pixels(images: np.ndarray, where: str) -> np.ndarray:
    """``images`` as uint8, checking that nothing is lost (whole numbers in 0..255)."""
    if images.min() < 0 or images.max() > 255 or not np.all(images == np.round(images)):
        raise DigitsExportError(f"{where}: pixels are not whole numbers in 0..255")
    return images.astype(np.uint8)


def final_parameters(path: str | Path, names: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The parameters ``names`` after the last epoch of the run saved at ``path``."""
    snapshots = load_run(path).snapshots
    missing = [name for name in names if name not in snapshots]
    if missing:
        raise DigitsExportError(f"{path}: no {', '.join(missing)}; not the run expected")
    return {name: snapshots[name][-1] for name in names}


def export_digits(
    *,
    train: str | Path,
    test: str | Path,
    reference: str | Path,
    predictions: str | Path,
    softmax_regression: str | Path,
    test_images: int,
    index_path: str | Path,
) -> None:
    """Write ``index_path`` (JSON) and ``model.bin`` beside it from the saved split files
    (``train``, ``test``), the two runs and the reference network's test ``predictions``;
    the first ``test_images`` test images go with them."""
    train_split, test_split = load_split(train), load_split(test)
    pixels = train_split.images.reshape(len(train_split.images), -1).astype(np.float64)
    mean, std = float(pixels.mean()), float(pixels.std())  # as digits.data standardises
    if not np.allclose((pixels - mean) / std, train_split.x):
        raise DigitsExportError(f"{train}: x is not the images standardised by their mean and std")
    saved = np.load(predictions)
    if not np.array_equal(saved["labels"], test_split.labels):
        raise DigitsExportError(f"{predictions}: its labels are not those of {test}")
    count = min(test_images, len(test_split.labels))

    packed = PackedArrays()
    for name, value in final_parameters(reference, ("W1", "b1", "W2", "b2")).items():
        packed.add(f"reference.{name}", value, "<f8")
    for name, value in final_parameters(softmax_regression, ("W1", "b1")).items():
        packed.add(f"softmax_regression.{name}", value, "<f8")
    packed.add("test.images", whole_pixels(test_split.images[:count], str(test)), "|u1")
    data = packed.write(Path(index_path).with_name("model.bin"))
    write_index(
        {
            "side": train_split.side,
            "pixel_max": float(train_split.images.max()),
            "standardise": {"mean": mean, "std": std},
            "test": {
                "labels": test_split.labels[:count].tolist(),
                "reference_predictions": saved["predicted"][:count].tolist(),
            },
            "colours": figure_colours(),
            "data": data,
        },
        index_path,
    )
