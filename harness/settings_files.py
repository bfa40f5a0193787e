"""The workflow's settings as the tests read them: the schema, and the defaults of
config/config.yaml (a fresh copy each call: the code under test may change it in place)."""

from __future__ import annotations

import yaml

from harness.workflow_copy import REPO

SCHEMA = yaml.safe_load((REPO / "workflow" / "schemas" / "config.schema.yaml").read_text())


def shipped_config() -> dict:
    """config/config.yaml, read anew."""
    return yaml.safe_load((REPO / "config" / "config.yaml").read_text())
