"""The reader's points file: every case of the shared table (tests/plane/csv_cases.json,
which the browser's tests read too) gives its one line, or is read; and the check is
light enough to run while the workflow parses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from harness.points_cases import CASES, write_case
from scratchnet.plane.csv_points import PointsError, check_points_file, read_points
from scratchnet.user_errors import InputProblem


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_each_case_gives_its_one_line_or_is_read(tmp_path, case):
    path = write_case(tmp_path, case)
    if case["message"] is None:
        points, labels = read_points(path)
        assert points.shape == (len(labels), 2) and points.dtype == np.float64
        assert np.isfinite(points).all()
        assert set(labels) == set(range(labels.max() + 1))
        return
    with pytest.raises(PointsError) as caught:
        check_points_file(path)
    assert str(caught.value) == case["message"].format(file=path)
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, InputProblem)  # a job logs it as one line


def test_the_table_holds_every_refusal_the_brief_lists():
    """A missing file, a wrong header, a non-number, NaN or inf, a label outside the
    classes, a class under 10 points, one class, over 10 classes, over 10,000 rows."""
    messages = " | ".join(case["message"] or "" for case in CASES)
    for words in [
        "no such file",
        "header is",
        "is not a number",
        "nan is not a finite number",
        "inf is not a finite number",
        "is not a class",
        "has 9 points",
        "expected at least 2 classes",
        "expected at most 10 classes",
        "expected at most 10000 points",
    ]:
        assert words in messages, words


def test_the_points_keep_their_units_and_the_labels_their_numbers(tmp_path):
    path = tmp_path / "prices.csv"
    path.write_text("x1,x2,class\n" + "1250.5,0.003,1\n" * 10 + "-3e3,0.001,0\n" * 10)
    points, labels = read_points(path)
    assert points[0].tolist() == [1250.5, 0.003] and points[-1].tolist() == [-3000.0, 0.001]
    assert labels.tolist() == [1] * 10 + [0] * 10 and labels.dtype == np.int64


def test_a_file_that_is_not_text_is_one_line(tmp_path):
    path = tmp_path / "points.csv"
    path.write_bytes(b"x1,x2,class\n\xff\xfe,1,0\n")
    with pytest.raises(PointsError, match=r"points.csv: not UTF-8 text; expected a CSV file$"):
        read_points(path)


def test_the_check_imports_neither_matplotlib_nor_scikit_learn():
    """The workflow runs it while parsing, before any job: it must be quick to import."""
    code = (
        "import sys, scratchnet.plane.csv_points; "
        "print(sorted(m for m in ('matplotlib', 'sklearn', 'scipy') if m in sys.modules))"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(src)}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
