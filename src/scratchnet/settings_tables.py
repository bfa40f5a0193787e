"""The configuration page's tables, made from the settings' one source each: a setting's
default from config/config.yaml, its meaning and range from the schema. One Markdown
table per section of the config (the top-level settings, then each block: ``digits``,
``sweep``, ...), which docs/maintain/configuration.md includes, so the page cannot list
a default that config.yaml does not have.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .atomic import written_atomically
from .config_schema import described, settings

# The section of the top-level settings that belong to no block.
TOP_LEVEL = "top-level"


def sections(schema: dict) -> list[str]:
    """The config's sections: ``TOP_LEVEL``, then each top-level block, in the schema's
    order."""
    blocks = [key for key, spec in schema["properties"].items() if "properties" in spec]
    return [TOP_LEVEL, *blocks]


def section_of(key: str) -> str:
    """The section a dotted setting belongs to."""
    return key.split(".")[0] if "." in key else TOP_LEVEL


def value_at(config: dict, key: str):
    """The value of the dotted setting ``key`` in ``config``; KeyError if it is missing."""
    value = config
    for part in key.split("."):
        value = value[part]
    return value


def key_in_section(key: str) -> str:
    """A dotted setting as its section's table names it: ``digits.seed`` -> ``seed``."""
    return key if section_of(key) == TOP_LEVEL else key.split(".", 1)[1]


def as_yaml(value) -> str:
    """A value as YAML writes it on one line: ``null``, ``[0.0, 0.0]``, ``{name: a}``."""
    text = yaml.safe_dump(value, default_flow_style=True, sort_keys=False, width=1000)
    return text.strip().removesuffix("...").strip()


def row(key: str, spec: dict, default, schema: dict) -> str:
    """One row: the key (within its section), its default as YAML writes it, what it
    sets and what it may be."""
    meaning = spec.get("description", "")
    shown = f"| `{key_in_section(key)}` | `{as_yaml(default)}` | {meaning} |"
    return f"{shown} {allowed_values(spec, schema)} |"


def allowed_values(spec: dict, schema: dict, plural: bool = False) -> str:
    """What the schema allows, in words: "an integer ≥ 1", "one of a4, us-letter", "a
    list of numbers > 0" (``plural``: said of each item of a list)."""
    spec = described(spec, schema)
    if "enum" in spec:
        return ("drawn from " if plural else "one of ") + ", ".join(map(str, spec["enum"]))
    types = spec.get("type")
    types = types if isinstance(types, list) else [types]
    if "array" in types:
        items = allowed_values(spec.get("items", {}), schema, plural=True)
        joint = " " if items.startswith("drawn") else " of "
        return f"a list{joint}{items}" if items else "a list"
    if "object" in types:
        keys = ", ".join(described(spec, schema).get("properties", {}))
        return ("sections" if plural else "a section") + (f" ({keys})" if keys else "")
    if "string" in types:
        return "a path, or null" if "null" in types else "text"
    nouns = {"integer": ("an integer", "integers"), "number": ("a number", "numbers")}
    noun = next((nouns[kind][plural] for kind in nouns if kind in types), "")
    bounds = [
        f"{symbol} {spec[word]:g}"
        for word, symbol in (
            ("minimum", "≥"),
            ("exclusiveMinimum", ">"),
            ("maximum", "≤"),
            ("exclusiveMaximum", "<"),
        )
        if word in spec
    ]
    if "multipleOf" in spec:
        bounds.append(f"a multiple of {spec['multipleOf']:g}")
    number = f"{noun} {', '.join(bounds)}".strip()
    return f"{number}, or null" if "null" in types else number


def section_table(section: str, config: dict, schema: dict) -> str:
    """The Markdown table of ``section``'s settings, in the schema's order."""
    where = "key" if section == TOP_LEVEL else f"key under `{section}:`"
    lines = [f"| {where} | default | what it sets | allowed |", "| --- | --- | --- | --- |"]
    for key, spec in settings(schema):
        if section_of(key) == section:
            lines.append(row(key, spec, value_at(config, key), schema))
    return "\n".join(lines) + "\n"


def write_tables(config_file: str | Path, schema_file: str | Path, folder: str | Path) -> None:
    """Write ``<section>.md`` for each section into ``folder``, atomically, from the
    defaults in ``config_file`` and the schema ``schema_file``."""
    config = yaml.safe_load(Path(config_file).read_text())
    schema = yaml.safe_load(Path(schema_file).read_text())
    with written_atomically(folder) as partial:
        partial.mkdir()
        for section in sections(schema):
            (partial / f"{section}.md").write_text(section_table(section, config, schema))
