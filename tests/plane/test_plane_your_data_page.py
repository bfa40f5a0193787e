"""The page for a reader's own points (docs/plane/your-data.md) shows each refusal as the
check words it: every line of its table is a line of the shared cases
(tests/plane/csv_cases.json), or the split's own, for the file my-points.csv."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness.points_cases import CASES
from scratchnet.plane.datasets import read_dataset
from scratchnet.user_errors import InputProblem

HERE = Path(__file__).parent
PAGE = HERE.parents[1] / "docs" / "plane" / "your-data.md"
FILE = "my-points.csv"
# A table row of the page: | what the file does | `the line` |
ROW = re.compile(r"^\| [^|`]+ \| `(?P<line>[^`]+)` \|$", re.M)


def page_lines() -> list[str]:
    return [match["line"] for match in ROW.finditer(PAGE.read_text())]


def test_every_line_the_page_shows_is_the_checks_own(tmp_path):
    shown = page_lines()
    assert len(shown) >= 15
    known = {case["message"].format(file=FILE) for case in CASES if case["message"]}
    # The one refusal the file's checks cannot give alone: a split that leaves a class
    # no validation point, which also depends on plane.valid_fraction.
    path = tmp_path / FILE
    path.write_text("x1,x2,class\n" + "".join(f"{i},{i % 7},{i % 2}\n" for i in range(20)))
    with pytest.raises(InputProblem) as split:
        read_dataset(path, valid_fraction=0.01, seed=0)
    known.add(str(split.value).replace(str(path), FILE))
    assert [line for line in shown if line not in known] == []
    assert str(split.value).replace(str(path), FILE) in shown


def test_the_example_line_is_a_whole_refusal():
    """The page's example: error:, a case's line, and the setting that named the file."""
    example = re.search(r"^error: (?P<line>.+) \(config plane\.csv\)$", PAGE.read_text(), re.M)
    assert example, "the page shows no whole line"
    assert example["line"] in page_lines()
