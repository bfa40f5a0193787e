"""Each setting's default is written once, in config/config.yaml: the schema holds every
setting's type, range and meaning but no default, config.yaml a value for every setting
the schema knows and nothing else, and the configuration page lists each setting with
config.yaml's default (its tables are made from the two files)."""

from __future__ import annotations

import re

import pytest

from harness.settings_files import SCHEMA, shipped_config
from harness.workflow_copy import REPO
from scratchnet.config_schema import settings
from scratchnet.settings_tables import (
    as_yaml,
    key_in_section,
    section_of,
    section_table,
    sections,
    value_at,
)

CONFIG = shipped_config()
PAGE = (REPO / "docs" / "maintain" / "configuration.md").read_text()
SETTINGS = dict(settings(SCHEMA))
SETTINGS_OF = {
    section: [key for key in SETTINGS if section_of(key) == section] for section in sections(SCHEMA)
}


def leaves(values: dict, path: str = "") -> list[str]:
    """The dotted keys of config.yaml's values (a list is one value)."""
    found = []
    for key, value in values.items():
        name = f"{path}.{key}" if path else key
        found += leaves(value, name) if isinstance(value, dict) else [name]
    return found


def test_the_schema_and_config_yaml_name_the_same_settings():
    assert len(SETTINGS) >= 60
    assert sorted(leaves(CONFIG)) == sorted(SETTINGS)


def test_the_schema_writes_no_default_anywhere():
    text = (REPO / "workflow" / "schemas" / "config.schema.yaml").read_text()
    assert not re.search(r"^\s*default:|[{,]\s*default:", text, re.M)


@pytest.mark.parametrize("key", list(SETTINGS))
def test_a_setting_has_its_default_in_config_yaml_and_its_row_on_the_page(key):
    spec = SETTINGS[key]
    assert spec.get("description"), f"{key}: the schema gives no description"
    default = value_at(CONFIG, key)  # KeyError: config.yaml lacks it
    table = section_table(section_of(key), CONFIG, SCHEMA)
    row = f"| `{key_in_section(key)}` | `{as_yaml(default)}` | {spec['description']} |"
    assert row in table.splitlines()[2 + list(SETTINGS_OF[section_of(key)]).index(key)]
    assert f'--8<-- "{section_of(key)}.md"' in PAGE


def test_every_section_of_the_config_has_its_table_on_the_page():
    assert sections(SCHEMA)[:2] == ["top-level", "himmelblau"]
    included = re.findall(r'^--8<-- "([\w-]+)\.md"$', PAGE, re.M)
    assert sorted(included) == sorted(sections(SCHEMA))


def test_a_changed_default_changes_its_row():
    changed = {**CONFIG, "lr": 0.25, "digits": {**CONFIG["digits"], "seed": 11}}
    assert "| `lr` | `0.25` |" in section_table("top-level", changed, SCHEMA)
    assert "| `lr` | `0.25` |" not in section_table("top-level", CONFIG, SCHEMA)
    assert "| `seed` | `11` |" in section_table("digits", changed, SCHEMA)


NULLABLE = [key for key, spec in SETTINGS.items() if "null" in (spec.get("type") or [])]


@pytest.mark.parametrize("key", NULLABLE)
def test_a_setting_that_may_be_null_says_so_on_its_row(key):
    table = section_table(section_of(key), CONFIG, SCHEMA)
    row = next(
        line for line in table.splitlines() if line.startswith(f"| `{key_in_section(key)}` |")
    )
    assert row.endswith(", or null |"), row
