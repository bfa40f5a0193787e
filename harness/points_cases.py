"""The shared table of a reader's points files (tests/plane/csv_cases.json, which the
browser's tests read too): its cases, and each case's file as every test writes it."""

from __future__ import annotations

import json
from pathlib import Path

from harness.workflow_copy import REPO

CASES = json.loads((REPO / "tests" / "plane" / "csv_cases.json").read_text())["cases"]
# The files the check refuses, each with its one line ({file} standing for its path).
REFUSED = [case for case in CASES if case["message"] is not None]


def case_text(case: dict) -> str:
    """The case's file: each of its lines, each followed by a newline, as often as given."""
    return "".join(f"{line}\n" * times for line, times in case["lines"])


def write_case(folder: Path, case: dict) -> Path:
    """The case's file in ``folder`` as points.csv (not written when its lines are null)."""
    path = folder / "points.csv"
    if case["lines"] is not None:
        path.write_text(case_text(case), encoding="utf-8", newline="")
    return path
