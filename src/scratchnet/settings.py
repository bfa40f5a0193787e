"""The pipeline's settings made ready once, while the workflow is parsed and before any
job runs: checked against the schema (each refusal one line naming the key), unset paths
resolved, the checks no schema can express made (the user's files included), and the
values the rules derive from them computed (the animation's frames, the replay page's
runs, the sweep's points). The rules read the result and hand each job its own values
as ``params``.

Light on purpose: the workflow imports this at every start, so it imports no
matplotlib, figure or training module (a no-op build stays fast).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from .config_schema import as_schema_numbers, unknown_key_message, value_message
from .figures.frames import AnimationFrames, animation_frames
from .user_errors import InputProblem

# The name of the tutorial's own run on the replay page (and in its URLs).
DEFAULT_RUN = "default"
# Part one's settings that name a CSV of the user's own images.
LINES_USER_FILES = ("train_csv", "valid_1_csv", "valid_2_csv")


class SettingsProblem(InputProblem, ValueError):
    """A setting the pipeline cannot run with; the message names the key and why."""


@dataclass(frozen=True)
class PlanePlan:
    """Part three's jobs, from its settings (``scratchnet.plane.plan``): ``datasets``
    made (the tutorial's four and the capacity's moons, or "csv", the reader's points),
    ``runs`` (dataset -> run -> its settings), ``compared`` (the "dataset/run" keys held
    to scikit-learn), ``figures`` (each figure's datasets: figure -> list), ``roles``
    (the dataset of the main run, of the capacity runs and of the depth runs: role ->
    dataset; the reader's points play every role) and ``playground_batches`` (the
    mini-batch run the playground page is held to: dataset, run)."""

    datasets: list[str]
    runs: dict[str, dict[str, dict]]
    compared: list[str]
    figures: dict[str, list[str]]
    roles: dict[str, str]
    playground_batches: tuple[str, str]

    @property
    def main(self) -> str:
        """The main run's dataset."""
        return self.roles["main"]


@dataclass(frozen=True)
class Prepared:
    """What the rules read beside the config itself.

    ``lines_animation``: train-anim.gif's frames and the parts its jobs render;
    ``digits_animation_frames``: digits-anim.gif's frame count (one per epoch and the
    start); ``replay_runs``: the replay page's runs, the tutorial's first, each name ->
    its full training settings (hidden, lr, iterations, seed); ``sweep_points``: every
    point of the sweep (loss, init, lr, seed) in a fixed order, ``sweep_chunks`` the same
    points cut into the jobs that train them; ``loss_names``: the losses a setting may
    name (the schema's list); ``plane``: part three's datasets, runs and figures
    (``PlanePlan``).
    """

    lines_animation: AnimationFrames
    digits_animation_frames: int
    replay_runs: dict[str, dict]
    sweep_points: list[dict]
    sweep_chunks: list[list[dict]]
    loss_names: list[str]
    plane: PlanePlan


def prepare(config: dict, schema: dict) -> Prepared:
    """Check ``config`` (in place: numbers typed, unset settings made None) against
    ``schema`` and derive what the rules need; a problem raises ``SettingsProblem``."""
    as_schema_numbers(config, schema)
    for message in (unknown_key_message(config, schema), value_message(config, schema)):
        if message:
            raise SettingsProblem(message)
    check_lines(config)
    check_plane(config["plane"])
    check_user_files(config)
    return Prepared(
        lines_animation=animation_frames(
            config["iterations"], config["snapshot_every"], config["frame_chunks"]
        ),
        digits_animation_frames=config["digits"]["softmax_regression"]["epochs"] + 1,
        replay_runs=replay_runs(config),
        sweep_points=(points := sweep_points(config["sweep"])),
        sweep_chunks=chunked(points, config["sweep"]["points_per_job"]),
        loss_names=list(schema["$defs"]["loss"]["enum"]),
        plane=plane_plan(config["plane"]),
    )


def check_lines(config: dict) -> None:
    """Part one's checks across settings."""
    if config["snapshot_every"] > config["iterations"]:
        raise SettingsProblem(
            f"config: snapshot_every ({config['snapshot_every']}) must not exceed "
            f"iterations ({config['iterations']}): the animation would show only the first "
            "and the last iteration"
        )


def check_plane(plane: dict) -> None:
    """Part three's checks across settings."""
    epochs = plane["network"]["epochs"]
    if plane["frames"] > epochs + 1:
        raise SettingsProblem(
            f"config: plane.frames ({plane['frames']}) must not exceed plane.network.epochs "
            f"+ 1 ({epochs + 1}): the animation shows one update at most per frame"
        )


def plane_plan(plane: dict) -> PlanePlan:
    """What part three computes and draws, from its settings."""
    from .plane import plan

    datasets = plan.datasets(plane)
    runs = {
        dataset: {run: plan.run_settings(plane, run) for run in plan.runs(plane, dataset)}
        for dataset in datasets
    }
    figures = {figure: plan.figure_datasets(plane, figure) for figure in plan.FIGURES}
    compared = [
        f"{dataset}/{run}"
        for dataset, dataset_runs in runs.items()
        for run in dataset_runs
        if run in plan.COMPARED
    ]
    (main,) = figures["boundary"]
    roles = {"main": main, "capacity": figures["capacity"][0], "depth": figures["depth"][0]}
    return PlanePlan(datasets, runs, compared, figures, roles, plan.playground_batches(plane))


def check_user_files(config: dict) -> None:
    """The user's own files the config names, so a bad one stops the build before any
    job runs: one line naming the file, the row and the problem, and the config key.
    Part one's CSVs (3x3 images) and part three's points (at most 10,000 rows) are read
    whole as their jobs will read them; MNIST's folder is only looked in (its files are
    read by the first job). A training set needs both classes (a validation set of one
    class is fine)."""
    from .digits.idx import find_mnist
    from .lines.datasets import CLASS_NAMES, read_csv

    for key in LINES_USER_FILES:
        if config[key] is None:
            continue
        try:
            dataset = read_csv(config[key])
        except InputProblem as problem:
            raise SettingsProblem(f"error: {problem} (config {key})") from None
        classes = set(dataset.labels.tolist())
        if key == "train_csv" and len(classes) < len(CLASS_NAMES):
            (only,) = classes
            raise SettingsProblem(
                f"error: {config[key]}: every image is class {only} ({CLASS_NAMES[only]}); "
                "a training set needs images of both classes, 0 (vertical) and "
                f"1 (horizontal) (config {key})"
            )
    if config["plane"]["csv"] is not None:
        from .plane.datasets import read_dataset

        plane = config["plane"]
        try:  # read and split as the job will: every row, and each class in both sets
            read_dataset(plane["csv"], valid_fraction=plane["valid_fraction"], seed=plane["seed"])
        except InputProblem as problem:
            raise SettingsProblem(f"error: {problem} (config plane.csv)") from None
    if config["digits"]["mnist_dir"] is not None:
        try:
            find_mnist(config["digits"]["mnist_dir"])
        except InputProblem as problem:
            raise SettingsProblem(f"error: {problem} (config digits.mnist_dir)") from None


def replay_runs(config: dict) -> dict[str, dict]:
    """The replay page's runs: the tutorial's own (``DEFAULT_RUN``), then each of
    ``explore.runs``, the tutorial's training with that run's seed and/or lr."""
    tutorial = {key: config[key] for key in ("hidden", "lr", "iterations", "seed")}
    runs = {DEFAULT_RUN: tutorial}
    for run in config["explore"]["runs"]:
        if run["name"] in runs:
            raise SettingsProblem(
                f"config: explore.runs names two runs {run['name']!r}; names must differ"
            )
        changes = {key: run[key] for key in ("seed", "lr") if key in run}
        runs[run["name"]] = {**tutorial, **changes}
    return runs


def sweep_points(sweep: dict) -> list[dict]:
    """Every point of the sweep's grid, losses varying slowest, seeds fastest."""
    grid = itertools.product(sweep["losses"], sweep["inits"], sweep["lrs"], sweep["seeds"])
    return [dict(loss=loss, init=init, lr=lr, seed=seed) for loss, init, lr, seed in grid]


def chunked(points: list[dict], size: int) -> list[list[dict]]:
    """``points`` cut into consecutive chunks of ``size`` (the last may be shorter)."""
    return [points[start : start + size] for start in range(0, len(points), size)]


def sweep_point_file(point: dict) -> str:
    """Where a sweep point's result is saved."""
    return str(
        Path("results/sweep/points")
        / point["loss"]
        / point["init"]
        / f"lr{point['lr']}"
        / f"seed{point['seed']}.json"
    )
