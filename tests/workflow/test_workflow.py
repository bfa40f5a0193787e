"""The Snakemake workflow end to end, through snakemake's command line, in a temporary
copy of the repository: every asset is built, opens, and has its expected size; reruns
do exactly the work that changed; the rules are lint- and format-clean."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from harness.workflow_copy import REPO, copy_workflow, planned_jobs, small_parts_config, snakemake

pytestmark = pytest.mark.e2e

# Pixel sizes at the default config (dpi 150, gif_dpi 100).
PNG_SIZES = {
    "training-set.png": (1260, 487),
    "x0.png": (1200, 510),
    "y.png": (1200, 225),
    "y_enc.png": (1200, 285),
    "mat-init.png": (1500, 600),
    "himmelblau-gradient.png": (1650, 720),
    "valid-set1.png": (1215, 622),
    "valid-set2.png": (1620, 622),
    "training-curves.png": (1350, 540),
}
# Chapter two's figures whose size does not depend on the run (misclassified.png grows
# with the number of mistakes).
DIGITS_PNG_SIZES = {
    "digits-samples.png": (1125, 510),
    "normal-densities.png": (1050, 540),
    "sigmoid-derivative.png": (1050, 540),
    "gradient-descent.png": (1050, 600),
    "init-study.png": (1200, 690),
    "digits-training.png": (1500, 570),
    "digits-losses.png": (1200, 630),
    "softmax-templates.png": (1275, 570),
    "confusion-matrix.png": (840, 750),
}
# Part three's figures (their sizes follow its settings: the capacity's widths, say).
PLANE_FIGURES = [
    f"plane-{name}.png"
    for name in ("data", "hidden-layer", "units", "capacity", "depth", "hidden-view")
]
ALL_FIGURES = sorted(
    [*PNG_SIZES, *DIGITS_PNG_SIZES, "misclassified.png", "nn.svg", *PLANE_FIGURES]
    + ["train-anim.gif", "train-anim.mp4", "digits-anim.gif", "digits-anim.mp4"]
    + ["plane-anim.gif", "plane-anim.mp4"]
    + ["train-anim-strip.png", "digits-anim-strip.png", "plane-anim-strip.png"]  # on paper
)
GIF_SIZE, GIF_FRAMES = (1100, 720), 41
TRAINING_JOBS = {
    "train_network",
    "evaluate_network",
    "plot_initial_params",
    "plot_training_curves",
    "plot_validation_set",
    "render_animation_part",
    "assemble_training_animation",
    "encode_training_video",
    "plot_training_strip",
    "record_config",
}


def test_every_png_exists_opens_and_has_its_size(built):
    made = {p.name for p in (built / "figs").iterdir()}
    # The sweep is not part of `all`; the website's build (tests/test_site.py) adds it.
    assert made - {"sweep-summary.png"} == set(ALL_FIGURES)
    for name, size in {**PNG_SIZES, **DIGITS_PNG_SIZES}.items():
        with Image.open(built / "figs" / name) as image:
            image.load()
            assert image.size == size, name
            assert "Software" not in image.info, name  # run-dependent metadata stripped


def test_gif_has_41_frames_of_100_ms_looping(built):
    with Image.open(built / "figs" / "train-anim.gif") as gif:
        assert gif.size == GIF_SIZE
        assert gif.n_frames == GIF_FRAMES
        assert gif.info["loop"] == 0
        for index in (0, GIF_FRAMES - 1):
            gif.seek(index)
            assert gif.info["duration"] == 100


def test_video_has_every_frame_at_the_gif_rate(built):
    import imageio_ffmpeg

    frames = imageio_ffmpeg.read_frames(str(built / "figs" / "train-anim.mp4"))
    meta = next(frames)
    assert meta["size"] == GIF_SIZE and meta["fps"] == 10.0
    assert sum(1 for _ in frames) == GIF_FRAMES


def test_network_diagram_is_an_svg_without_a_date(built):
    svg = (built / "figs" / "nn.svg").read_text()
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and root.get("width") == "504pt"
    assert "Date" not in svg and "dc:date" not in svg


def test_metrics_match_the_tutorial(built):
    import json

    metrics = json.loads((built / "results" / "metrics.json").read_text())
    assert metrics["first_full_accuracy_iteration"] == 68
    assert metrics["validation_accuracy"] == {"valid_1": 1.0, "valid_2": 1.0}
    run = json.loads((built / "results" / "training" / "run.json").read_text())
    assert run["settings"] == {"hidden": 6, "lr": 0.01, "iterations": 200, "seed": 7}


def test_second_run_does_nothing(built):
    assert planned_jobs(built) == set()
    assert planned_jobs(built, "--config", "iterations=200.0") == set()  # the same number


def test_changing_lr_reruns_only_training_and_what_depends_on_it(built):
    assert planned_jobs(built, "--config", "lr=0.05") == TRAINING_JOBS


def test_editing_one_figure_module_redraws_only_that_figure(built):
    module = built / "src" / "scratchnet" / "figures" / "lines" / "labels.py"
    # A real edit: snakemake ignores a newer mtime when a file's checksum is unchanged.
    module.write_text(module.read_text() + "\n# restyled\n")
    assert planned_jobs(built) == {"plot_labels"}
    snakemake(built, "--cores", "2", "figs/y.png")  # leave the build up to date


def test_editing_a_helper_module_redraws_exactly_the_figures_listing_it(built):
    # image_grid is a helper of two entries of workflow/figures.yaml, and only of those.
    module = built / "src" / "scratchnet" / "figures" / "image_grid.py"
    module.write_text(module.read_text() + "\n# restyled\n")
    assert planned_jobs(built) == {"plot_training_set", "plot_validation_set"}
    snakemake(
        built, "--cores", "2", "figs/training-set.png", "figs/valid-set1.png", "figs/valid-set2.png"
    )


def test_report_is_self_contained_with_every_figure_and_a_caption(built):
    report = built / "report.html"
    snakemake(built, "--report", str(report))
    html = report.read_text()
    for name in ALL_FIGURES:
        assert name in html, name
    for caption in (REPO / "workflow" / "report").glob("*.rst"):
        if caption.name == "sweep-summary.rst":
            continue  # the report covers `all`, which leaves the sweep out
        opening = caption.read_text().split("{{")[0].split(".")[0][:60]
        assert opening in html, caption.name
    assert not re.search(r"""(src|href)=["']https?://""", html)  # nothing fetched when viewed


def test_lint_and_format_are_clean():
    lint = subprocess.run(
        [sys.executable, "-m", "snakemake", "--lint"], cwd=REPO, capture_output=True, text=True
    )
    assert "Congratulations" in lint.stdout + lint.stderr, lint.stdout + lint.stderr
    snakefmt = shutil.which("snakefmt", path=sysconfig.get_path("scripts"))  # this venv's
    assert snakefmt, "snakefmt is installed by the [test] extra"
    check = subprocess.run([snakefmt, "--check", "."], cwd=REPO, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


SMALL = ["--config", "iterations=12", "snapshot_every=4", "dpi=40", "gif_dpi=30"]


def test_builds_are_byte_identical_across_runs_and_core_counts(tmp_path):
    builds = []
    for cores in ("1", "4"):
        workdir = copy_workflow(tmp_path / f"cores-{cores}")
        snakemake(workdir, "--cores", cores, *SMALL, *small_parts_config(workdir))
        builds.append({p.name: p.read_bytes() for p in sorted((workdir / "figs").iterdir())})
    assert sorted(builds[0]) == ALL_FIGURES
    differing = [name for name in builds[0] if builds[0][name] != builds[1][name]]
    assert differing == []


def test_python_is_lint_and_format_clean():
    ruff = shutil.which("ruff", path=sysconfig.get_path("scripts"))  # this venv's
    assert ruff, "ruff is installed by the [test] extra"
    paths = ["src", "tests", "harness", "bench", "workflow/scripts"]
    for command in ([ruff, "check", *paths], [ruff, "format", "--check", *paths]):
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_digits_animation_has_a_frame_per_epoch(built):
    with Image.open(built / "figs" / "digits-anim.gif") as gif:
        assert gif.n_frames == 31  # epochs 0..30 of the softmax regression
        assert gif.info["duration"] == 200 and gif.info["loop"] == 0


def test_digits_metrics_tell_the_chapters_story(built):
    import json

    metrics = json.loads((built / "results" / "digits" / "metrics.json").read_text())
    first = metrics["runs"]["first_training"]
    assert first["final_training_accuracy"] == 1.0
    assert first["final_validation_accuracy"] < 0.95
    reference = metrics["reference"]
    assert reference["test_accuracy"] > 0.95
    assert abs(reference["test_accuracy"] - reference["mlp_classifier"]) < 0.03
    losses = metrics["losses"]
    assert losses["cross_entropy"]["final_validation_accuracy_mean"] > 0.9
    assert metrics["init_study"]["lecun_relu"]["final_std"] < 1e-15


def test_editing_a_digits_figure_redraws_only_it_and_nn_reruns_the_chapter(built):
    module = built / "src" / "scratchnet" / "figures" / "digits" / "templates.py"
    module.write_text(module.read_text() + "\n# restyled\n")
    # templates.py is also the animation's code: both redraw, nothing retrains.
    assert planned_jobs(built) == {
        "plot_softmax_templates",
        "render_digits_animation",
        "encode_digits_video",
    }
    snakemake(built, "--cores", "2", "figs/softmax-templates.png", "figs/digits-anim.mp4")
    layers = built / "src" / "scratchnet" / "nn" / "modules.py"
    layers.write_text(layers.read_text() + "\n# edited\n")
    planned = planned_jobs(built)
    assert {"make_digits_splits", "train_digits_run", "train_reference_model"} <= planned
    assert not planned & TRAINING_JOBS  # chapter one does not use the layer library
    assert "plot_normal_densities" in planned  # every digits figure lists its chapter's code
    snakemake(built, "--cores", "2")


def test_a_copied_checkout_has_nothing_to_do(built, tmp_path):
    # As `cp -a` or a CI cache restored at another path: the rules name their code by a
    # path relative to the working directory, so the recorded inputs still match.
    copy = tmp_path / "moved"
    shutil.copytree(built, copy, symlinks=True)
    assert "Nothing to be done" in snakemake(copy, "--dry-run")
    # --directory from another folder: the same checkout, seen from elsewhere.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = [sys.executable, "-m", "snakemake", "-s", str(copy / "Snakefile")]
    result = subprocess.run(
        [*command, "--directory", str(copy), "--dry-run"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert "Nothing to be done" in result.stdout + result.stderr, result.stdout + result.stderr
