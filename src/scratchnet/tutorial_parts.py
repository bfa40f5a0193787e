"""The tutorial's parts as mkdocs.yml declares them, once, under ``extra.parts``: each
part's key (``lines``, ``digits``), its nav section, config block, rule files, notebook
recipe, exercises module and PDF title page. The workflow (its targets, rule files and
docs rules), the site's theme, the notebook and PDF writers and the tests read the parts
here, so adding a part touches its own files and that declaration only.

Light on purpose (YAML only): the workflow reads it at every start.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .user_errors import InputProblem

# What a part declares: each key, and what it says (mkdocs.yml's comment says the same).
FIELDS = {
    "title": "its section of the nav",
    "config": "its block of config/config.yaml, or null for the top-level settings",
    "rules": "its rule files, under workflow/rules/, in the order they are read",
    "notebook": "the recipe of its notebook, under docs/",
    "exercises": "its exercises' module, under src/scratchnet/, or null",
    "title_page": "the settings its PDF's title page lists (label -> quoted text)",
}


class PartDeclarationError(InputProblem, ValueError):
    """mkdocs.yml's ``extra.parts`` lacks what a part needs; the message names the key."""


@dataclass(frozen=True)
class DeclaredPart:
    """One part as declared: ``key`` and the fields of ``FIELDS``."""

    key: str
    title: str
    config: str | None
    rules: list[str]
    notebook: str
    exercises: str | None
    title_page: dict[str, str]


def read_site_config(config_file: str | Path) -> dict:
    """mkdocs.yml as a dict (its ``!!python/name`` tags, if any, left as text)."""
    return yaml.load(Path(config_file).read_text(), Loader=_Loader)


def declared_parts(config_file: str | Path) -> dict[str, DeclaredPart]:
    """Every part ``config_file`` (mkdocs.yml) declares, in order: key -> part."""
    return parts_in(read_site_config(config_file), config_file)


def parts_in(site: dict, config_file: str | Path) -> dict[str, DeclaredPart]:
    """Every part the site's config ``site`` (``config_file`` read) declares, in order."""
    extra = site.get("extra") or {}
    parts = extra.get("parts")
    if not isinstance(parts, dict) or not parts:
        raise PartDeclarationError(f"{config_file}: extra.parts declares no part")
    declared = {}
    for key, fields in parts.items():
        missing = [name for name in FIELDS if name not in (fields or {})]
        unknown = [name for name in fields or {} if name not in FIELDS]
        if missing or unknown:
            problem = f"lacks {', '.join(missing)}" if missing else f"has no field {unknown[0]}"
            raise PartDeclarationError(
                f"{config_file}: extra.parts.{key} {problem}; a part declares "
                + "; ".join(f"{name} ({meaning})" for name, meaning in FIELDS.items())
            )
        declared[key] = DeclaredPart(key=key, **fields)
    return declared


def check_config_blocks(parts: dict[str, DeclaredPart], config: dict) -> None:
    """Every part's config block is a section of ``config``; else one line naming it."""
    for part in parts.values():
        if part.config is not None and not isinstance(config.get(part.config), dict):
            raise PartDeclarationError(
                f"mkdocs.yml: extra.parts.{part.key}.config names the block {part.config!r}, "
                "which config/config.yaml does not have"
            )


def quoted_sources(config_file: str | Path) -> dict[str, str]:
    """The JSON files pages quote from (``extra.pipeline``): source name -> path."""
    return dict((read_site_config(config_file).get("extra") or {}).get("pipeline") or {})


class _Loader(yaml.SafeLoader):
    """YAML's safe loader that reads MkDocs' ``!!python/name:...`` tags as plain text."""


_Loader.add_multi_constructor(
    # "!!python/name:module.attribute": the name is in the tag, the value empty.
    "tag:yaml.org,2002:python/",
    lambda loader, suffix, node: suffix.partition(":")[2] or loader.construct_scalar(node),
)
