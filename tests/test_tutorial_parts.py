"""The tutorial's parts, declared once in mkdocs.yml's extra.parts: every field there, each
file it names present, and a declaration lacking something named in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scratchnet.docsite.parts import nav_pages
from scratchnet.tutorial_parts import (
    FIELDS,
    PartDeclarationError,
    check_config_blocks,
    declared_parts,
    quoted_sources,
    read_site_config,
)

REPO = Path(__file__).resolve().parents[1]
SITE_CONFIG = REPO / "mkdocs.yml"
PARTS = declared_parts(SITE_CONFIG)


def test_the_site_declares_its_parts_in_order():
    assert list(PARTS)[:2] == ["lines", "digits"]


@pytest.mark.parametrize("key", list(PARTS))
def test_each_file_a_part_names_is_there(key):
    part = PARTS[key]
    assert nav_pages(read_site_config(SITE_CONFIG)["nav"], part.title, SITE_CONFIG)
    for rule_file in part.rules:
        assert (REPO / "workflow" / "rules" / rule_file).is_file(), rule_file
    assert (REPO / "docs" / part.notebook).is_file()
    assert part.exercises is None or (REPO / "src" / "scratchnet" / part.exercises).is_file()
    config = yaml.safe_load((REPO / "config" / "config.yaml").read_text())
    assert part.config is None or isinstance(config[part.config], dict)
    figures = yaml.safe_load((REPO / "workflow" / "figures.yaml").read_text())
    assert key in figures  # its static figures' section


def test_the_quoted_files_are_listed_once_in_the_sites_config():
    sources = quoted_sources(SITE_CONFIG)
    assert sources["metrics"] == "results/metrics.json"
    extensions = read_site_config(SITE_CONFIG)["markdown_extensions"]
    quoting = next(
        e for e in extensions if isinstance(e, dict) and "scratchnet.docsite.run_numbers" in e
    )
    assert quoting["scratchnet.docsite.run_numbers"]["sources"] == sources  # the same anchor


def declaration(tmp_path, without=(), **fields) -> Path:
    part = {name: None for name in FIELDS} | {"rules": [], "title_page": {}} | fields
    part = {name: value for name, value in part.items() if name not in without}
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump({"extra": {"parts": {"three": part}}}))
    return path


def test_a_part_lacking_a_field_or_with_an_unknown_one_is_one_line(tmp_path):
    path = declaration(tmp_path, without=["notebook"])
    with pytest.raises(
        PartDeclarationError, match=r"mkdocs.yml: extra.parts.three lacks notebook; a"
    ):
        declared_parts(path)
    path = declaration(tmp_path, pdf="x")
    with pytest.raises(PartDeclarationError, match=r"extra.parts.three has no field pdf; a part"):
        declared_parts(path)
    (tmp_path / "mkdocs.yml").write_text("extra: {}\n")
    with pytest.raises(PartDeclarationError, match="extra.parts declares no part"):
        declared_parts(tmp_path / "mkdocs.yml")


def test_a_config_block_the_config_lacks_is_named(tmp_path):
    parts = declared_parts(declaration(tmp_path, config="plane"))
    with pytest.raises(
        PartDeclarationError, match="extra.parts.three.config names the block 'plane'"
    ):
        check_config_blocks(parts, {"digits": {}})
    check_config_blocks(parts, {"plane": {"seed": 0}})


def test_mkdocs_python_tags_are_read_as_text(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text("markdown_extensions:\n  - x:\n      f: !!python/name:os.getcwd\n")
    assert read_site_config(path)["markdown_extensions"][0]["x"]["f"] == "os.getcwd"
