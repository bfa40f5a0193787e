"""The exercises in the notebooks, run in a fresh kernel as a reader would: as published
(every check says it is not written yet, and the notebook runs to its end), with each
exercise's cell filled from the tutorial's own function (every check passes, and the
training that uses the reader's functions prints the pipeline's numbers), and filled
with a catalogued mistake (each check names it, and the notebook still runs to its end)."""

from __future__ import annotations

import copy
import inspect
import json
import re

import nbformat
import pytest
from exercise_parts import PARTS
from test_notebooks import execute, executed, notebooks, printed  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

EXERCISES = PARTS  # each part's table of exercises, as mkdocs.yml declares its module
SWITCH = "train_with_yours = False"


def exercise_cells(notebook: nbformat.NotebookNode, tag: str) -> list:
    return [cell for cell in notebook.cells if tag in cell.metadata.get("tags", [])]


def checks_said(notebook: nbformat.NotebookNode) -> dict[str, str]:
    """What each check cell showed, by exercise."""
    said = {}
    for cell in exercise_cells(notebook, "check"):
        (output,) = [o for o in cell.outputs if o.output_type == "execute_result"]
        said[cell.metadata["exercise"]] = output["data"]["text/plain"]
    return said


def filled(notebook: nbformat.NotebookNode, part: str, version) -> nbformat.NotebookNode:
    """``notebook`` with each exercise's cell holding ``version(exercise)`` (a function)
    under the exercise's name, and the training switched to the reader's functions."""
    notebook = copy.deepcopy(notebook)
    for cell in exercise_cells(notebook, "exercise"):
        name = cell.metadata["exercise"]
        source = inspect.getsource(version(EXERCISES[part][name]))
        cell.source = re.sub(r"^def \w+\(", f"def {name}(", source, count=1, flags=re.M)
    for cell in notebook.cells:
        cell.source = cell.source.replace(SWITCH, SWITCH.replace("False", "True"))
    return notebook


def trained_as_the_pipeline(run: nbformat.NotebookNode, part: str, site) -> str:
    """What the training with the reader's functions printed that the pipeline's run also
    says: part one's first iteration at 100% accuracy, part two's validation accuracy of
    Nielsen's network, part three's of its main run."""
    text = printed(run)
    results = site.parent / "results"
    if part == "lines":
        metrics = json.loads((results / "metrics.json").read_text())
        line = (
            f"first 100% training accuracy at iteration {metrics['first_full_accuracy_iteration']}"
        )
    elif part == "digits":
        metrics = json.loads((results / "digits" / "metrics.json").read_text())
        accuracy = metrics["runs"]["sigmoid_network"]["final_validation_accuracy"]
        line = f"Nielsen's network, with yours: validation accuracy {accuracy!r}"
    else:
        metrics = json.loads((results / "plane" / "metrics.json").read_text())
        accuracy = metrics["main"]["final_validation_accuracy"]
        line = f"main run, with yours: validation accuracy {accuracy!r}"
    assert f"{line}\n" in text
    return text


@pytest.mark.parametrize("part", EXERCISES)
def test_each_exercise_is_a_tagged_cell_then_its_check(notebooks, part):  # noqa: F811
    cells = notebooks[part].cells
    names = [c.metadata["exercise"] for c in exercise_cells(notebooks[part], "exercise")]
    assert names == list(EXERCISES[part])
    for position, cell in enumerate(cells):
        if "exercise" in cell.metadata.get("tags", []):
            after = cells[position + 1]
            assert after.metadata["tags"] == ["check"], cell.id
            assert after.source == f"check({cell.metadata['exercise']})"
            assert "raise NotImplementedError" in cell.source
    assert sum(SWITCH in c.source for c in cells) == 1


@pytest.mark.parametrize("part", EXERCISES)
def test_as_published_every_check_says_not_written_yet(executed, part):  # noqa: F811
    said = checks_said(executed[part])
    assert list(said) == list(EXERCISES[part])
    for name, text in said.items():
        assert text.startswith(f"✗ {name}: not written yet"), text


@pytest.mark.parametrize("part", EXERCISES)
def test_filled_from_the_tutorial_every_check_passes_and_trains_with_them(
    notebooks,  # noqa: F811
    part,
    site,
    tmp_path_factory,
):
    run = execute(filled(notebooks[part], part, lambda e: e.reference), tmp_path_factory, part)
    for name, text in checks_said(run).items():
        assert text.startswith(f"✓ {name}: right on all"), text
    text = trained_as_the_pipeline(run, part, site)
    assert f"training with your {', '.join(EXERCISES[part])}\n" in text


@pytest.mark.parametrize("part", EXERCISES)
def test_filled_with_mistakes_each_check_names_its_mistake_and_the_notebook_runs_on(
    notebooks,  # noqa: F811
    part,
    site,
    tmp_path_factory,
):
    run = execute(
        filled(notebooks[part], part, lambda e: e.mistakes[0].function), tmp_path_factory, part
    )
    for name, text in checks_said(run).items():
        assert text == f"✗ {name}: {EXERCISES[part][name].mistakes[0].diagnosis}"
    # No check passed: the training uses the tutorial's functions, and learns as published.
    text = trained_as_the_pipeline(run, part, site)
    assert "training with your nothing: no check has passed yet\n" in text
