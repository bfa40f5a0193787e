"""Running the workflow through snakemake's command line in a temporary copy of the
repository, so the checkout's own results/ and figs/ are untouched: for the tests and
the benchmarks."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from scratchnet.tutorial_parts import declared_parts, read_site_config

REPO = Path(__file__).resolve().parents[1]
# The tutorial's parts, as mkdocs.yml declares them (extra.parts): key -> declaration.
PARTS = declared_parts(REPO / "mkdocs.yml")
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


def snakemake(workdir: Path, *args: str, env: dict | None = None) -> str:
    """Run snakemake's CLI in ``workdir`` (in environment ``env``, by default this
    process's); fail the test with its output if it fails."""
    command = [sys.executable, "-m", "snakemake", "--directory", str(workdir), *args]
    result = subprocess.run(command, capture_output=True, text=True, cwd=workdir, env=env)
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


# Parts two and three at a few epochs each: the same rules and figures in a fraction of
# the time. (The digits block comes last: a caller's lines are added to it.)
SMALL_PARTS = """
plane:
  network: {epochs: 6}
  softmax_regression: {epochs: 4}
  capacity: {epochs: 4, widths: [1, 8]}
  depth: {epochs: 4}
  grid: 30
  frames: 4
digits:
  softmax_regression: {epochs: 3}
  sigmoid_network: {epochs: 2}
  first_training: {epochs: 4}
  losses: {epochs: 2, seeds: 2}
  reference: {epochs: 2}
  init_study: {layers: 20, width: 64}
"""


def small_parts_config(workdir: Path, extra: str = "") -> list[str]:
    """Command-line arguments for a config file (written in ``workdir``) that shrinks
    parts two's and three's runs, plus ``extra`` YAML lines under ``digits:``."""
    path = workdir / "small-parts.yaml"
    path.write_text(SMALL_PARTS + extra)
    return ["--configfile", str(path)]


def part_pages() -> dict[str, list[str]]:
    """Each part's pages, in nav order: key -> pages."""
    from scratchnet.docsite.parts import nav_pages

    nav = read_site_config(REPO / "mkdocs.yml")["nav"]
    return {key: nav_pages(nav, part.title, REPO / "mkdocs.yml") for key, part in PARTS.items()}
