"""Chapter two on MNIST: the whole chapter runs on small IDX files the test writes, and a
broken file stops the build with an error naming the file."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from harness.workflow_copy import copy_workflow, small_parts_config, snakemake
from scratchnet.digits.idx import MNIST_FILES, write_mnist

pytestmark = pytest.mark.e2e


def fake_mnist(folder, n_train=300, n_test=100, seed=0):
    """Random 28x28 'digits', every label present: the shapes of MNIST, not its content."""
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(n_train + n_test, 28, 28), dtype=np.uint8)
    labels = (np.arange(n_train + n_test) % 10).astype(np.uint8)
    write_mnist(folder, images[:n_train], labels[:n_train], images[n_train:], labels[n_train:])


@pytest.fixture(scope="module")
def mnist_build(tmp_path_factory):
    workdir = copy_workflow(tmp_path_factory.mktemp("mnist"))
    fake_mnist(workdir / "mnist")
    config = small_parts_config(workdir, f"  mnist_dir: {workdir / 'mnist'}\n")
    snakemake(workdir, "--cores", "2", "digits", *config)
    return workdir


def test_every_digits_figure_is_drawn_from_28x28_images(mnist_build):
    metrics = json.loads((mnist_build / "results" / "digits" / "metrics.json").read_text())
    assert metrics["data"]["side"] == 28 and metrics["data"]["pixels"] == 784
    assert metrics["data"]["test_images"] == 100  # MNIST's own test set, as given
    assert metrics["data"]["train_images"] + metrics["data"]["valid_images"] == 300
    for name in ("digits-samples", "softmax-templates", "confusion-matrix", "misclassified"):
        with Image.open(mnist_build / "figs" / f"{name}.png") as png:
            assert png.size[0] > 300, name
    with Image.open(mnist_build / "figs" / "digits-anim.gif") as gif:
        assert gif.n_frames == 4  # epochs 0..3


def test_templates_are_28_by_28(mnist_build):
    with np.load(mnist_build / "results" / "digits" / "runs" / "softmax_regression.npz") as run:
        assert run["W1"].shape == (4, 784, 10)


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda f: f.write_bytes(f.read_bytes()[:-7]), "data truncated"),
        (lambda f: f.write_bytes(b"\x12\x34\x08\x03" + f.read_bytes()[4:]), "magic number"),
        (lambda f: f.unlink(), "missing train-images-idx3-ubyte"),
    ],
    ids=["truncated", "bad-magic", "missing"],
)
def test_a_broken_file_stops_the_build_naming_it(tmp_path, damage, message):
    workdir = copy_workflow(tmp_path / "broken")
    fake_mnist(workdir / "mnist", n_train=40, n_test=10)
    images = workdir / "mnist" / MNIST_FILES["train_images"]
    damage(images)
    config = small_parts_config(workdir, f"  mnist_dir: {workdir / 'mnist'}\n")
    command = [sys.executable, "-m", "snakemake", "--directory", str(workdir), "--cores", "1"]
    result = subprocess.run(
        [*command, "results/digits/train.npz", *config], capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert message in output and "train-images-idx3-ubyte" in output, output
    assert not (workdir / "results" / "digits" / "train.npz").exists()
