"""The dependencies are declared in pyproject.toml and again, for conda, in environment.yml
and workflow/envs/*.yaml: every package and version range of each pyproject group a conda
file claims to provide appears in that file (under its conda name), the Python floor is
the same everywhere, and a package both declare has the same range in both."""

from __future__ import annotations

import re
import sys

import pytest
import yaml
from declared import REPO, pyproject, requirements
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

# The pyproject groups (its `dependencies`, then extras) each conda file provides.
CLAIMS = {
    "environment.yml": ["dependencies", "docs", "cluster", "test"],
    "workflow/envs/scratchnet.yaml": ["dependencies"],
    "workflow/envs/docs.yaml": ["docs"],
}
# Packages a conda file leaves out of a group it claims, and why.
LEFT_OUT = {
    # Snakemake starts the jobs from outside their environment, and checks the settings
    # (with jsonschema) before any job; the jobs import only the package and its
    # third-party dependencies.
    "workflow/envs/scratchnet.yaml": {"snakemake", "jsonschema"},
}
# PyPI names whose conda-forge package has another name: matplotlib-base is matplotlib
# without a GUI toolkit, snakemake-minimal is Snakemake without its optional extras.
CONDA_NAMES = {
    "matplotlib": "matplotlib-base",
    "snakemake": "snakemake-minimal",
}
# Entries of a conda file that are not packages of the project's own lists.
NOT_DEPENDENCIES = {"pip", "-e ."}


def group(name: str, project: dict) -> dict[str, SpecifierSet]:
    """The packages of a pyproject group (extras it names, `scratchnet[docs]`, expanded),
    each with its version range, by canonical PyPI name."""
    return {canonicalize_name(r.name): r.specifier for r in requirements(name, project)}


def conda_packages(path: str) -> dict[str, SpecifierSet]:
    """The packages of a conda environment file, conda's and pip's, each with its version
    range, by canonical name."""
    dependencies = yaml.safe_load((REPO / path).read_text())["dependencies"]
    entries = []
    for entry in dependencies:
        entries.extend(entry["pip"] if isinstance(entry, dict) else [entry])
    packages = {}
    for entry in entries:
        entry = entry.split("#")[0].strip()
        if entry in NOT_DEPENDENCIES:
            continue
        name, spec = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*(.*)", entry).groups()
        packages[canonicalize_name(name)] = SpecifierSet(spec.replace(" ", ""))
    return packages


def conda_name(pypi_name: str) -> str:
    return CONDA_NAMES.get(pypi_name, pypi_name)


@pytest.mark.parametrize("path", CLAIMS)
def test_each_conda_file_holds_every_package_of_the_groups_it_claims(path):
    project, listed = pyproject(), conda_packages(path)
    problems = []
    for name in CLAIMS[path]:
        for package, spec in group(name, project).items():
            theirs = conda_name(package)
            if package in LEFT_OUT.get(path, set()):
                continue
            if theirs not in listed:
                problems.append(f"{path} lacks {theirs}{spec} (pyproject.toml's {name})")
            elif listed[theirs] != spec:
                problems.append(
                    f"{path}: {theirs}{listed[theirs]}, but pyproject.toml's {name} says "
                    f"{package}{spec}"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", CLAIMS)
def test_each_conda_file_asks_for_the_python_pyproject_requires(path):
    assert conda_packages(path)["python"] == SpecifierSet(pyproject()["requires-python"])


@pytest.mark.parametrize("path", CLAIMS)
def test_a_package_both_declare_has_one_version_range(path):
    project = pyproject()
    declared = {}
    for name in ["dependencies", *project["optional-dependencies"]]:
        declared.update({conda_name(p): s for p, s in group(name, project).items()})
    for package, spec in conda_packages(path).items():
        if package in declared:
            assert spec == declared[package], (
                f"{path}: {package}{spec}, but pyproject.toml says {declared[package]}"
            )


def test_a_mismatch_is_caught(tmp_path, monkeypatch):
    """The checks above can fail: a floor raised in pyproject.toml alone, or a package
    added to an extra alone, is named."""
    project = pyproject()
    project["dependencies"] = [
        "matplotlib>=3.9" if line.startswith("matplotlib") else line
        for line in project["dependencies"]
    ]
    project["optional-dependencies"]["docs"].append("pymdown-extensions>=10.0")
    monkeypatch.setattr(sys.modules[__name__], "pyproject", lambda: project)
    with pytest.raises(AssertionError, match=r"matplotlib-base>=3\.8, but"):
        test_each_conda_file_holds_every_package_of_the_groups_it_claims(
            "workflow/envs/scratchnet.yaml"
        )
    with pytest.raises(AssertionError, match=r"lacks pymdown-extensions>=10\.0"):
        test_each_conda_file_holds_every_package_of_the_groups_it_claims("workflow/envs/docs.yaml")
