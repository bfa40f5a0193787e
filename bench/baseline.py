"""The common way to make the training GIF, kept only as the benchmark's yardstick.

A new pyplot figure per frame, each saved as a PNG with bbox_inches="tight", then every
PNG loaded and handed to Pillow to write one GIF (which holds all frames in memory and
gives each its own palette). Draws the same panels as scratchnet's animation.

    python -m bench.baseline HISTORY.npz TRAIN.csv OUT.gif --dpi 300 --every 5
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from scratchnet.figures.frames import frame_iterations  # noqa: E402
from scratchnet.lines.datasets import read_csv  # noqa: E402
from scratchnet.lines.snapshots import load_history  # noqa: E402
from scratchnet.lines.training import first_full_accuracy  # noqa: E402


def draw_frame(h, labels, i, first_full, limits):
    fig = plt.figure(figsize=(11, 7.2))
    grid = fig.add_gridspec(3, 3, height_ratios=[6, 3.5, 5], width_ratios=[9, 1.3, 24])
    panels = [
        ("W1", 0, 0, "RdBu_r", limits["p"]),
        ("b1", 0, 1, "RdBu_r", limits["p"]),
        ("A1", 0, 2, "viridis", limits["a"]),
        ("W2", 1, 0, "RdBu_r", limits["p"]),
        ("b2", 1, 1, "RdBu_r", limits["p"]),
        ("A2", 1, 2, "gray", (0, 1)),
    ]
    for name, row, col, cmap, (lo, hi) in panels:
        ax = fig.add_subplot(grid[row, col])
        image = ax.imshow(getattr(h, name)[i], cmap=cmap, vmin=lo, vmax=hi, aspect="auto")
        ax.set_title(name)
        fig.colorbar(image, ax=ax)
        if name == "A2":
            predicted = h.A2[i].argmax(axis=0)
            colours = np.where(predicted == labels, "tab:green", "tab:red")
            ax.scatter(np.arange(len(labels)), predicted, c=colours, edgecolors="white")
    curves = grid[2, :].subgridspec(1, 2)
    for k, (values, label) in enumerate(((h.loss, "loss"), (h.accuracy, "accuracy"))):
        ax = fig.add_subplot(curves[k])
        ax.plot(np.arange(i + 1), values[: i + 1])
        ax.set(xlim=(0, len(values) - 1), ylim=(0, values.max() * 1.05), ylabel=label)
        if first_full is not None and i >= first_full:
            ax.axvline(first_full, ls="--", color="0.3")
    fig.suptitle(f"Iteration {i}")
    return fig


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("history")
    parser.add_argument("train")
    parser.add_argument("out")
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--every", type=int, default=5)
    args = parser.parse_args()
    h = load_history(args.history)
    labels = read_csv(args.train).labels
    first_full = first_full_accuracy(h)
    limits = {
        "p": (-max(abs(h.W1).max(), abs(h.W2).max()), max(abs(h.W1).max(), abs(h.W2).max())),
        "a": (0, h.A1.max()),
    }
    with tempfile.TemporaryDirectory() as tmp:
        pngs = []
        for k, i in enumerate(frame_iterations(h.iterations, args.every)):
            fig = draw_frame(h, labels, i, first_full, limits)
            pngs.append(Path(tmp) / f"frame-{k:04d}.png")
            fig.savefig(pngs[-1], dpi=args.dpi, bbox_inches="tight")
            plt.close(fig)
        frames = [Image.open(p) for p in pngs]
        frames[0].save(args.out, save_all=True, append_images=frames[1:], duration=100, loop=0)


if __name__ == "__main__":
    main()
