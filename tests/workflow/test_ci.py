"""CI runs what the README tells users to run, and the GitHub Pages workflow is valid and
builds the site with the same command."""

from __future__ import annotations

import re

import yaml

from workflow_copy import REPO


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


def test_ci_runs_exactly_the_readme_commands():
    commands = readme_commands()
    assert len(commands) == 2
    assert ci_commands() == commands


def test_pages_workflow_builds_with_the_readme_command_and_deploys_site():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "docs.yml").read_text())
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
