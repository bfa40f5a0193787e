"""A reader's own points (`--config 'plane={csv: my-points.csv}'`) reach every reader of
part three: the notebook holds them as data (it opens alone, on Colab) and prints that
run's numbers, the pages and the PDF quote that run and name the file, not the
tutorial's datasets; and a file the part cannot use stops the build before any job
with its one line, leaving results/ as it was."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import numpy as np
import pytest
from test_config_errors import messages, run
from test_notebooks import execute, notebook_path, pictures, printed
from test_own_data import page_text
from test_pdf_build import squeezed, text_of

from harness.points_cases import REFUSED, write_case
from harness.workflow_copy import snakemake

pytestmark = pytest.mark.e2e

# The index's sentence true of the tutorial's own datasets only.
TUTORIAL_SENTENCE = "Four datasets, each a shape that no straight line separates"
# One refused file of each kind (no file, its header, its classes) through the workflow:
# tests/test_settings.py gives every case of the table to the same check in process.
THROUGH_THE_WORKFLOW = [
    case
    for case in REFUSED
    if case["name"] in ("a file that is not there", "another header", "a class of nine points")
]


def write_own_points(path: Path, seed: int) -> Path:
    """A reader's CSV: three classes of 40 points with coordinates in the thousands, in
    no order: a ring (class 0) around a blob (class 1), and a blob apart (class 2); x2
    spread wider than x1, one decimal each, as a spreadsheet exports them."""
    rng = np.random.default_rng(seed)
    angle = rng.uniform(0, 2 * np.pi, 40)
    radius = 1000 + 120 * rng.standard_normal(40)
    ring = np.column_stack([3000 + radius * np.cos(angle), 21000 + 1.8 * radius * np.sin(angle)])
    blob = np.array([3000, 21000]) + rng.normal(0, [250, 450], (40, 2))
    apart = np.array([5600, 18500]) + rng.normal(0, [300, 500], (40, 2))
    points, labels = np.concatenate([ring, blob, apart]), np.repeat([0, 1, 2], 40)
    order = rng.permutation(len(labels))
    rows = [f"{x1:.1f},{x2:.1f},{k}" for (x1, x2), k in zip(points[order], labels[order])]
    path.write_text("x1,x2,class\n" + "\n".join(rows) + "\n")
    return path


@pytest.fixture(scope="module")
def own_run(built, tmp_path_factory) -> tuple[Path, Path]:
    """The session's build copied and rebuilt once on the test's own points: part three,
    its notebook and PDF, and the site. (The copy, the CSV.)"""
    folder = tmp_path_factory.mktemp("own-points")
    workdir = shutil.copytree(built, folder / "copy", symlinks=True)
    own = write_own_points(folder / "my-points.csv", seed=3)
    targets = ["plane", "build/notebooks/plane.ipynb", "build/pdf/plane.pdf", "docs"]
    snakemake(workdir, "--cores", "2", *targets, "--config", f"plane={{csv: {own}}}")
    return workdir, own


def plane_metrics(workdir: Path) -> dict:
    return json.loads((workdir / "results" / "plane" / "metrics.json").read_text())


def test_the_notebook_holds_the_readers_points_and_prints_that_runs_numbers(
    own_run, tmp_path_factory
):
    workdir, own = own_run
    metrics = plane_metrics(workdir)
    assert metrics["data"]["tutorial"] is False and metrics["data"]["file"] == str(own)
    assert metrics["main"]["key"] == "csv" and metrics["main"]["classes"] == 3
    notebook = nbformat.read(notebook_path(workdir, "plane"), as_version=4)
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    # One data cell, the reader's points as the pipeline split them (no moons, no
    # spiral), every row of the file once, its values exactly.
    cells = [source for source in code if " = np.array([" in source and "_rows" in source]
    assert len(cells) == 1 and cells[0].startswith("# results/plane/points/main.csv: 120 rows")
    namespace = {"np": np}
    exec(cells[0], namespace)
    rows = namespace["main_rows"]
    given = np.loadtxt(own, delimiter=",", skiprows=1)
    assert sorted(map(tuple, rows[:, :3])) == sorted(map(tuple, given))
    assert int(rows[:, 3].sum()) == metrics["main"]["valid_points"] == 24

    executed = execute(notebook, tmp_path_factory, "own-plane")
    assert pictures(executed) >= 7
    text = printed(executed)
    assert "my-points.csv: 3 classes, 96 training points, 24 validation points\n" in text
    found = re.search(r"^main run: validation accuracy (\S+)$", text, re.M)
    assert found and float(found[1]) == metrics["main"]["final_validation_accuracy"], text
    depth = dict(re.findall(r"^(shallow|deep) \S+: validation accuracy ([^,\s]+)", text, re.M))
    assert {name: float(score) for name, score in depth.items()} == {
        name: metrics["depth"][name]["final_validation_accuracy"] for name in ("shallow", "deep")
    }


def test_the_pages_and_the_pdf_quote_that_run_and_name_the_file(own_run):
    workdir, own = own_run
    metrics = plane_metrics(workdir)
    described = (
        f"The points of this run are the file {own}: 3 classes, 96 points for training and "
        "24 for validation"
    )
    runs = metrics["runs"]["csv"]
    linear, network = runs["softmax_regression"], runs["network"]
    compared = (
        f"On {own}, softmax regression classifies {linear['final_validation_accuracy']:.1%} "
        "of the validation points"
    )
    shallow, deep = metrics["depth"]["shallow"], metrics["depth"]["deep"]
    lowest = [run["lowest_validation_loss_epoch"] for run in (shallow, deep)]
    depth_row = "first reached at epoch {} {}".format(*lowest)
    site = workdir / "site"
    assert squeezed(described) in squeezed(page_text(site, "plane"))
    assert squeezed(TUTORIAL_SENTENCE) not in squeezed(page_text(site, "plane"))
    boundary = squeezed(page_text(site, "plane/boundary"))
    assert squeezed(compared) in boundary
    assert squeezed(f"{network['final_validation_accuracy']:.1%}") in boundary
    capacity = squeezed(page_text(site, "plane/capacity"))
    assert squeezed(depth_row) in capacity
    assert squeezed(f"This site was built from yours: {own}") in squeezed(
        page_text(site, "plane/your-data")
    )
    pdf = squeezed(text_of(workdir / "build" / "pdf" / "plane.pdf"))
    assert squeezed(described) in pdf and squeezed(compared) in pdf
    assert squeezed(TUTORIAL_SENTENCE) not in pdf
    title_page = text_of(workdir / "build" / "pdf" / "plane.pdf", "-layout", "-f", "1", "-l", "1")
    accuracy = f"{metrics['main']['final_validation_accuracy']:.1%}"
    assert squeezed(f"Data {own}") in squeezed(title_page)
    assert squeezed(f"Validation accuracy {accuracy}") in squeezed(title_page)


def test_every_figure_of_the_part_is_drawn_again_from_the_readers_points(own_run, built):
    workdir, _ = own_run
    figures = sorted(path.name for path in (built / "figs").glob("plane-*.png"))
    assert len(figures) == 7
    for name in figures:
        assert (workdir / "figs" / name).read_bytes() != (built / "figs" / name).read_bytes()


def test_a_default_build_describes_the_tutorials_datasets(site):
    assert TUTORIAL_SENTENCE in page_text(site, "plane")
    notebook = nbformat.read(notebook_path(site.parent, "plane"), as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert "capacity_rows = np.array([" in code and "depth_rows = np.array([" in code


@pytest.fixture(scope="module")
def previous(built, tmp_path_factory) -> Path:
    """A copy of the session's build, for the refusals to leave as it was."""
    return shutil.copytree(built, tmp_path_factory.mktemp("previous") / "copy", symlinks=True)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder``: its size and modification time."""
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize(
    "case", THROUGH_THE_WORKFLOW, ids=[case["name"] for case in THROUGH_THE_WORKFLOW]
)
def test_a_refused_file_stops_the_build_with_its_line_before_any_job(previous, tmp_path, case):
    path = write_case(tmp_path, case)
    before = snapshot(previous / "results")
    result = run(previous, "--cores", "2", "plane", "--config", f"plane={{csv: {path}}}")
    assert result.returncode != 0
    expected = f"error: {case['message'].format(file=path)} (config plane.csv)"
    assert messages(result) == [expected], result.stderr
    assert snapshot(previous / "results") == before
