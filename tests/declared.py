"""What pyproject.toml declares: the project's table, and a group's requirements (its
`dependencies` or an extra) with the project's own extras it names expanded."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]


def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]


def requirements(name: str, project: dict) -> list[Requirement]:
    """The requirements of group ``name`` of ``project``; `scratchnet[docs]` is replaced by
    the docs extra's own."""
    lines = (
        project["dependencies"]
        if name == "dependencies"
        else project["optional-dependencies"][name]
    )
    found = []
    for line in lines:
        requirement = Requirement(line)
        if canonicalize_name(requirement.name) == canonicalize_name(project["name"]):
            for extra in requirement.extras:
                found.extend(requirements(extra, project))
        else:
            found.append(requirement)
    return found
