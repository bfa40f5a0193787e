"""Every run's job resources are declared once: the rules leave the common ones to the
workflow profile's default-resources, which Snakemake reads after any other profile and
lets replace that profile's whole list, so the Slurm profile declares none of its own."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def profile(name: str) -> dict:
    return yaml.safe_load((REPO / "profiles" / name / "config.yaml").read_text())


def test_the_workflow_profile_gives_every_job_memory_and_runtime():
    resources = dict(entry.split("=") for entry in profile("default")["default-resources"])
    assert set(resources) >= {"mem_mb", "runtime"}


def test_the_slurm_profile_leaves_default_resources_to_the_workflow_profile():
    # Given there, they would be silently replaced by profiles/default's.
    assert "default-resources" not in profile("slurm")


def test_no_rule_repeats_the_defaults():
    rules = sorted((REPO / "workflow" / "rules").rglob("*.smk"))
    for path in rules:
        text = path.read_text()
        assert not re.search(r"^\s+threads: 1$", text, re.M), path
        assert not re.search(r"^\s+runtime=10,$", text, re.M), path
