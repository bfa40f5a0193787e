"""CI runs what the README tells users to run; the GitHub Pages workflow is valid under
GitHub's workflow schema and builds the site with the same command; the files the README
and CI name exist."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from harness.workflow_copy import REPO

PAGES_WORKFLOW = REPO / ".github" / "workflows" / "docs.yml"


def readme_commands() -> list[str]:
    """The two commands of the README's "Two commands" block, without their comments."""
    section = (REPO / "README.md").read_text().split("## Two commands", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, flags=re.DOTALL)[1]
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]


def ci_commands() -> list[str]:
    """The commands .ci/run executes (every line that is not a comment or shell setup)."""
    lines = (REPO / ".ci" / "run").read_text().splitlines()
    setup = ("#", "set ", "cd ")
    return [line.strip() for line in lines if line.strip() and not line.startswith(setup)]


def test_every_file_the_readme_and_ci_name_exists():
    """Paths such as `tests/workflow/test_site.py` or `.ci/slurm-cluster` in the README,
    .ci/run and the pages workflow name files of this repository."""
    named = re.compile(
        r"(?<![\w/.])((?:tests|src|workflow|bench|harness|docs|config|profiles|\.ci)/[\w/.-]*\w)"
    )
    for text_file in (REPO / "README.md", REPO / ".ci" / "run", PAGES_WORKFLOW):
        paths = set(named.findall(text_file.read_text()))
        assert paths, text_file  # the pattern finds the paths there are
        missing = sorted(path for path in paths if not (REPO / path).exists())
        assert missing == [], text_file.name


def test_ci_runs_exactly_the_readme_commands():
    commands = readme_commands()
    assert len(commands) == 2
    assert ci_commands() == commands


def test_pages_workflow_builds_with_the_readme_command_and_deploys_site():
    workflow = yaml.safe_load(PAGES_WORKFLOW.read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "push" in triggers and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert runs == [readme_commands()[0]]
    uses = {step["uses"].split("@")[0]: step for step in build["steps"] if "uses" in step}
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def check_github_workflow(path: Path) -> subprocess.CompletedProcess:
    """check-jsonschema against its bundled copy of GitHub's workflow schema (offline)."""
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema"]
    command += ["vendor.github-workflows", str(path)]
    return subprocess.run(command, capture_output=True, text=True)


def test_pages_workflow_is_valid_under_githubs_workflow_schema(tmp_path):
    result = check_github_workflow(PAGES_WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    # The check bites: the same file with one misspelt key fails it.
    misspelt = tmp_path / "docs.yml"
    misspelt.write_text(PAGES_WORKFLOW.read_text().replace("runs-on:", "runs_on:", 1))
    result = check_github_workflow(misspelt)
    assert result.returncode == 1 and "'runs-on' is a required property" in result.stdout
