"""`snakemake --report` on a built workflow: every caption and the front page parse
cleanly (docutils prints no warning, the HTML shows no "System Message")."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e


def test_the_report_has_no_docutils_warning(built, tmp_path):
    report = tmp_path / "report.html"
    command = [
        sys.executable,
        "-m",
        "snakemake",
        "--directory",
        str(built),
        "--report",
        str(report),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=built)
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    for level in ("(INFO/1)", "(WARNING/2)", "(ERROR/3)", "(SEVERE/4)"):
        assert level not in output, output
    html = report.read_text()
    assert "System Message" not in html
    # Each figure made it in, under its chapter.
    for name in ("training-set.png", "digits-samples.png", "train-anim.gif"):
        assert name in html
