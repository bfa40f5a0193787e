"""Helpers for tests that run the workflow through snakemake's command line in a
temporary copy of the repository, so the checkout's own results/ and figs/ are untouched."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORKFLOW_PARTS = ("Snakefile", "workflow", "config", "src", "profiles", "mkdocs.yml", "docs")


def copy_workflow(destination: Path) -> Path:
    """A copy of the parts of the repository the workflow needs, without build outputs."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in WORKFLOW_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / part)
    return destination


def snakemake(workdir: Path, *args: str) -> str:
    """Run snakemake's CLI in ``workdir``; fail the test with its output if it fails."""
    command = [sys.executable, "-m", "snakemake", "--directory", str(workdir), *args]
    result = subprocess.run(command, capture_output=True, text=True, cwd=workdir)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{output}"
    return output


def planned_jobs(workdir: Path, *args: str) -> set[str]:
    """The rules a dry run would execute (from snakemake's job-stats table)."""
    output = snakemake(workdir, "--dry-run", *args)
    if "Nothing to be done" in output:
        return set()
    table = output.split("Job stats:", 1)[1].split("total", 1)[0]
    return set(re.findall(r"^(\w+)\s+\d+\s*$", table, flags=re.MULTILINE)) - {"all"}
