"""The declared minimum versions are honest: with every direct dependency at its floor in
pyproject.toml (`uv pip install --resolution lowest-direct -e ".[docs]"` into a fresh
venv), the pipeline builds every asset and the website, and the tutorial's numbers hold:
chapter one first reaches 100% at the same iteration, and the digits' reference model and
part three's main run have the same accuracy as in this environment's build (figures may
differ in pixels)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from harness.workflow_copy import REPO, copy_workflow

pytestmark = pytest.mark.e2e

EXTRA = "docs"
# uv as the test extra installs it, beside this Python: not another uv that comes first on
# PATH, nor none when the venv is not activated.
SCRIPTS = sysconfig.get_path("scripts")
UV = shutil.which("uv", path=SCRIPTS)


def run(command: list[str], **kwargs) -> str:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{output[-5000:]}"
    return output


def floors() -> dict[str, Version]:
    """Each direct dependency of the package and its ``EXTRA`` with its ``>=`` floor."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"][EXTRA]
    found = {}
    for line in requirements:
        requirement = Requirement(line)
        for specifier in requirement.specifier:
            if specifier.operator == ">=":
                found[requirement.name.lower()] = Version(specifier.version)
    return found


@pytest.fixture(scope="module")
def lowest_venv(tmp_path_factory) -> Path:
    """A fresh venv with the lowest direct versions; its python."""
    if UV is None:
        pytest.fail(f'uv not found in {SCRIPTS}: python -m pip install -e ".[test]" installs it')
    venv = tmp_path_factory.mktemp("lowest") / "venv"
    started = time.monotonic()
    run([UV, "venv", "--quiet", "--python", sys.executable, str(venv)])
    python = venv / "bin" / "python"
    run(
        [UV, "pip", "install", "--python", str(python), "--resolution", "lowest-direct",
         "-e", f"{REPO}[{EXTRA}]"]
    )  # fmt: skip
    print(f"lowest-direct install: {time.monotonic() - started:.0f} s")
    return python


def test_the_venv_holds_every_direct_dependency_at_its_floor(lowest_venv):
    frozen = run([UV, "pip", "freeze", "--python", str(lowest_venv)])
    installed = {}
    for line in frozen.splitlines():
        if "==" in line:
            name, version = line.split("==", 1)
            installed[name.lower().replace("_", "-")] = Version(version)
    wanted = floors()
    assert {"numpy", "matplotlib", "snakemake", "mkdocs-material"} <= set(wanted)
    assert {name: installed.get(name) for name in wanted} == wanted


def test_the_pipeline_builds_at_the_floors_with_the_tutorials_numbers(lowest_venv, built, tmp_path):
    workdir = copy_workflow(tmp_path / "workflow")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["VIRTUAL_ENV"] = str(lowest_venv.parent.parent)
    env["PATH"] = f"{lowest_venv.parent}{os.pathsep}{env['PATH']}"
    started = time.monotonic()
    run([str(lowest_venv), "-m", "snakemake", "--cores", "2", "all", "docs"], cwd=workdir, env=env)
    print(f"snakemake all docs at the floors: {time.monotonic() - started:.0f} s")
    assert (workdir / "site" / "index.html").is_file()

    def metrics(root: Path, path: str) -> dict:
        return json.loads((root / "results" / path).read_text())

    lowest, here = metrics(workdir, "metrics.json"), metrics(built, "metrics.json")
    iteration = "first_full_accuracy_iteration"
    assert lowest[iteration] == here[iteration]
    assert lowest["final_loss"] == pytest.approx(here["final_loss"], rel=1e-9)
    lowest, here = metrics(workdir, "digits/metrics.json"), metrics(built, "digits/metrics.json")
    assert lowest["reference"]["test_accuracy"] == here["reference"]["test_accuracy"]
    lowest, here = metrics(workdir, "plane/metrics.json"), metrics(built, "plane/metrics.json")
    main = "final_validation_accuracy"
    assert lowest["main"][main] == here["main"][main]
