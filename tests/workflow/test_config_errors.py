"""A bad setting stops the build while Snakemake parses the workflow, before any job runs:
one line naming the key (and the file), a non-zero exit, and the previous build left as
it was (its outputs and results/config.json, byte for byte and by mtime)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from harness.workflow_copy import copy_workflow, snakemake

pytestmark = pytest.mark.e2e

# The previous build's files a failed run must leave alone: the one describing the build,
# and the outputs of the jobs that read the user's files.
KEPT = [
    "results/config.json",
    "results/data/train.csv",
    "results/digits/train.npz",
    "results/digits/valid.npz",
    "results/digits/test.npz",
]
HEADER = "1_1,1_2,1_3,2_1,2_2,2_3,3_1,3_2,3_3,class\n"
MNIST = [
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
]


def run(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "snakemake", "--directory", str(workdir), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=workdir)


def messages(result: subprocess.CompletedProcess) -> list[str]:
    """stderr's lines, but Snakemake's notes on the profile and the --config."""
    return [
        line
        for line in result.stderr.splitlines()
        if not line.startswith(("Using workflow specific profile", "Config file "))
    ]


@pytest.fixture(scope="module")
def previous_build(tmp_path_factory) -> Path:
    """A copy of the workflow with the files of KEPT built by the default config."""
    workdir = copy_workflow(tmp_path_factory.mktemp("previous"))
    snakemake(workdir, "--cores", "2", *KEPT)
    return workdir


def snapshot(workdir: Path) -> dict[str, tuple[bytes, int]]:
    return {
        name: ((workdir / name).read_bytes(), (workdir / name).stat().st_mtime_ns) for name in KEPT
    }


def bad_csv(folder: Path) -> str:
    path = folder / "bad-header.csv"
    path.write_text("a,b,c\n1,0,1\n")
    return str(path)


def empty_csv(folder: Path) -> str:
    path = folder / "empty.csv"
    path.write_text("")
    return str(path)


def csv_with_a_value_outside(folder: Path) -> str:
    path = folder / "bright.csv"
    path.write_text(HEADER + "1,1,1,0,0,0,0,0,0,0\n1,1.2,1,0,0,0,0,0,0,0\n")
    return str(path)


def one_class_csv(folder: Path) -> str:
    path = folder / "vertical.csv"
    path.write_text(HEADER + "1,1,1,0,0,0,0,0,0,0\n" * 15)
    return str(path)


def mnist_missing_a_file(folder: Path) -> str:
    mnist = folder / "mnist"
    mnist.mkdir(exist_ok=True)
    for name in MNIST[:3]:
        (mnist / name).write_bytes(b"\x00\x00\x08\x01")
    return str(mnist)


@pytest.mark.parametrize(
    "setting, message",
    [
        (
            lambda folder: f"train_csv={bad_csv(folder)}",
            "error: {folder}/bad-header.csv, row 1: header is 'a,b,c'; expected "
            f"'{HEADER.strip()}' (config train_csv)",
        ),
        (
            lambda folder: f"valid_1_csv={empty_csv(folder)}",
            "error: {folder}/empty.csv: the file is empty; expected a header row "
            f"{HEADER.strip()} (config valid_1_csv)",
        ),
        (
            lambda folder: f"valid_2_csv={folder}/absent.csv",
            "error: {folder}/absent.csv: no such file (config valid_2_csv)",
        ),
        *(
            (
                lambda folder, key=key: f"{key}={csv_with_a_value_outside(folder)}",
                "error: {folder}/bright.csv, row 3, column 1_2: 1.2 is outside [0, 1] "
                f"(config {key})",
            )
            for key in ("train_csv", "valid_1_csv", "valid_2_csv")
        ),
        (
            lambda folder: f"train_csv={one_class_csv(folder)}",
            "error: {folder}/vertical.csv: every image is class 0 (vertical); a training "
            "set needs images of both classes",
        ),
        (
            lambda folder: f"digits={{mnist_dir: {folder}/no-mnist}}",
            "error: {folder}/no-mnist: no such folder; expected a folder holding "
            + ", ".join(f"{name}[.gz]" for name in MNIST)
            + " (config digits.mnist_dir)",
        ),
        (
            lambda folder: f"digits={{mnist_dir: {mnist_missing_a_file(folder)}}}",
            "error: {folder}/mnist: missing t10k-labels-idx1-ubyte[.gz]; expected ",
        ),
    ],
    ids=[
        "csv-header",
        "csv-empty",
        "csv-missing",
        *(f"{key}-value" for key in ("train", "valid-1", "valid-2")),
        "train-one-class",
        "mnist-folder-missing",
        "mnist-file-missing",
    ],
)
def test_a_bad_user_file_stops_the_build_before_any_job(previous_build, tmp_path, setting, message):
    before = snapshot(previous_build)
    result = run(previous_build, "--cores", "2", "--config", setting(tmp_path))
    assert result.returncode != 0
    lines = messages(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(message.format(folder=tmp_path)), lines[0]
    assert snapshot(previous_build) == before


@pytest.mark.parametrize(
    "setting, key, suggestion",
    [
        ("typo_key=1", "'typo_key'", "known keys: seed, hidden, lr"),
        ("digits={seeed: 1}", "'digits.seeed'", "did you mean 'digits.seed'?"),
    ],
)
def test_a_typo_in_a_key_is_one_line_naming_it(tmp_path, setting, key, suggestion):
    workdir = copy_workflow(tmp_path)
    result = run(workdir, "-n", "--config", setting)
    assert result.returncode != 0
    lines = messages(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"config: unknown key {key}; {suggestion}")
