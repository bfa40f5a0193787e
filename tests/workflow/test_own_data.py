"""A teacher's own images (`--config train_csv=my.csv valid_1_csv=...`) reach every
reader of part one: the notebook holds them as data (it opens alone, on Colab) and
prints that run's numbers, and the pages and the PDF describe that data and name its
files, not the tutorial's; a default build still describes the tutorial's own."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import nbformat
import numpy as np
import pytest
from test_notebooks import execute, notebook_path, pictures, printed
from test_pdf_build import squeezed, text_of

from harness.workflow_copy import snakemake

pytestmark = pytest.mark.e2e

# The data page's sentence true of the tutorial's own training set only.
TUTORIAL_SENTENCE = (
    "for each of the three columns a pure vertical line and three variants whose pixels "
    "are slightly dimmed"
)
HEADER = "1_1,1_2,1_3,2_1,2_2,2_3,3_1,3_2,3_3,class"


def write_own_images(path: Path, count: int, seed: int) -> Path:
    """A teacher's CSV: ``count`` lines of both classes in no order, each 3 pixels of
    0.65-1 on a faint background of up to 0.15, three decimals as typed by hand."""
    rng = np.random.default_rng(seed)
    rows = []
    for k in range(count):
        label = k if k < 2 else int(rng.integers(2))
        image = rng.uniform(0, 0.15, (3, 3)).round(3)
        line, intensities = rng.integers(3), rng.uniform(0.65, 1.0, 3).round(3)
        if label == 0:
            image[:, line] = intensities
        else:
            image[line, :] = intensities
        pixels = image.T.ravel()  # column-major: 1_1, 1_2, 1_3 is the first column
        rows.append(",".join(f"{value:g}" for value in pixels) + f",{label}")
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n")
    return path


def page_text(site: Path, address: str) -> str:
    """A page's article as one line of text."""
    page = (site / address / "index.html").read_text()
    article = re.search(r"<article\b[^>]*>(.*)</article>", page, re.S)[1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


@pytest.fixture(scope="module")
def own_run(built, tmp_path_factory) -> tuple[Path, Path, Path]:
    """The session's build copied and rebuilt (`all docs`) on 30 training images and a
    validation set 1 of 12, CSVs of the test's own: (the copy, the two CSVs)."""
    folder = tmp_path_factory.mktemp("own-data")
    workdir = shutil.copytree(built, folder / "copy", symlinks=True)
    own = write_own_images(folder / "my-images.csv", 30, seed=1)
    valid = write_own_images(folder / "my-valid.csv", 12, seed=5)
    settings = [f"train_csv={own}", f"valid_1_csv={valid}"]
    snakemake(workdir, "--cores", "2", "all", "docs", "--config", *settings)
    return workdir, own, valid


def test_the_notebook_holds_the_teachers_images_and_prints_that_runs_numbers(
    own_run, tmp_path_factory
):
    workdir, own, valid = own_run
    metrics = json.loads((workdir / "results" / "metrics.json").read_text())
    assert metrics["data"]["training"] == {"tutorial": False, "file": str(own), "source": str(own)}
    assert metrics["data"]["valid_1"]["file"] == str(valid)
    iteration = metrics["first_full_accuracy_iteration"]
    assert iteration is not None  # this CSV is learnt: the check below means something
    notebook = nbformat.read(notebook_path(workdir, "lines"), as_version=4)
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    # Not the tutorial's sets: the data cells, holding the files' own values exactly.
    assert not any("training_set()" in source or "one_dim_pixel_set(" in source for source in code)
    for name, file, rows in [("training_rows", own, 30), ("valid_1_rows", valid, 12)]:
        data = next(source for source in code if f"{name} = np.array([" in source)
        assert data.startswith("# results/data/") and f": {rows} rows of 10 columns, 1_1," in data
        namespace = {"np": np}
        exec(data, namespace)
        expected = np.loadtxt(file, delimiter=",", skiprows=1)
        assert namespace[name].tobytes() == expected.tobytes(), name

    executed = execute(notebook, tmp_path_factory, "own-lines")
    text = printed(executed)
    assert "30 training images; x0 is 9 x 30\n" in text
    assert f"first 100% training accuracy at iteration {iteration}\n" in text
    scores = dict(re.findall(r"^validation set (\d): \d+ images, accuracy (\S+)$", text, re.M))
    assert "validation set 1: 12 images, " in text
    assert {name: float(score) for name, score in scores.items()} == {
        "1": metrics["validation_accuracy"]["valid_1"],
        "2": metrics["validation_accuracy"]["valid_2"],
    }
    assert pictures(executed) >= 4  # the grid of the 30 images among them


def test_the_pages_and_the_pdf_describe_the_teachers_images_not_the_tutorials(own_run):
    workdir, own, valid = own_run
    data_page = squeezed(page_text(workdir / "site", "data"))
    assert squeezed(TUTORIAL_SENTENCE) not in data_page
    assert squeezed(f"The training set of this run is the file {own}: 30 images") in data_page
    pdf = text_of(workdir / "build" / "pdf" / "lines.pdf")
    assert squeezed(TUTORIAL_SENTENCE) not in squeezed(pdf)
    assert squeezed(f"The training set of this run is the file {own}: 30 images") in squeezed(pdf)
    title_page = text_of(workdir / "build" / "pdf" / "lines.pdf", "-layout", "-f", "1", "-l", "1")
    assert squeezed(f"Training images 30, {own}") in squeezed(title_page)
    this_run = squeezed(page_text(workdir / "site", "pipeline"))
    assert squeezed(f"training images 30, {own}") in this_run
    assert squeezed(f"validation set 1 12, {valid}") in this_run
    validation = squeezed(page_text(workdir / "site", "validation"))
    assert squeezed("the six pure lines") not in validation
    assert squeezed(f"Set 1 is the file {valid}, 12 images.") in validation


def test_a_default_build_describes_the_tutorials_own_images(site):
    assert TUTORIAL_SENTENCE in page_text(site, "data")
    assert "The 18 images of set 1 are the six pure lines" in page_text(site, "validation")
    pdf = site.parent / "build" / "pdf" / "lines.pdf"
    assert squeezed(TUTORIAL_SENTENCE) in squeezed(text_of(pdf))
    notebook = nbformat.read(notebook_path(site.parent, "lines"), as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert "training = training_set()" in code and "training_rows" not in code
