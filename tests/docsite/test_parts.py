"""A part as mkdocs.yml declares it: its pages in nav order, however deep the nav nests
them, where its numbers and code come from, and a config lacking any of it named."""

from pathlib import Path

import pytest

from scratchnet.docsite.parts import Part, PartError, nav_pages, read_part

NAV = [
    {"Home": "index.md"},
    {"Part one": ["one/a.md", {"B": "one/b.md"}]},
    {"More": [{"Part two": [{"C": "two/c.md"}, {"Sub": [{"D": "two/d.md"}]}]}]},
]


def test_a_parts_pages_are_its_nav_sections_pages_in_order_however_nested():
    assert nav_pages(NAV, "Part one", Path("mkdocs.yml")) == ["one/a.md", "one/b.md"]
    assert nav_pages(NAV, "Part two", Path("mkdocs.yml")) == ["two/c.md", "two/d.md"]


def test_a_missing_section_names_the_config_and_the_title():
    with pytest.raises(PartError, match=r"mkdocs\.yml: the nav has no section 'Part 1'"):
        nav_pages(NAV, "Part 1", Path("mkdocs.yml"))


def test_an_undeclared_part_names_the_config_and_the_parts_it_declares(toy_site):
    config, _ = toy_site("")
    with pytest.raises(PartError, match=r"mkdocs\.yml: extra.parts declares no part 'two'; it "
                       r"declares 'part'"):  # fmt: skip
        read_part(config, "two")


def test_a_part_reads_its_numbers_and_code_from_the_sites_extensions(toy_site):
    config, _ = toy_site("Loss {{ metrics.final_loss:.2f }}.\n")
    part = read_part(config, "part")
    assert part.name == "part" and part.declared.title == "Part"
    assert part.pages == ["p.md"] and part.pages_dir == config.parent / "docs"
    assert part.code_root == config.parent / "src" / "pkg"
    assert part.page_text("p.md") == "Loss 1.18.\n"
    assert read_part(config, "part", pages_dir="elsewhere").pages_dir == Path("elsewhere")


def test_a_site_without_an_extension_the_part_needs_names_it(toy_site):
    config, _ = toy_site("")
    config.write_text(config.read_text().replace("pymdownx.snippets", "pymdownx.other"))
    with pytest.raises(PartError, match=r"mkdocs\.yml: markdown_extensions lacks pymdownx\.snip"):
        read_part(config, "part")


def test_pages_under_explore_run_in_the_browser():
    assert Part.runs_in_browser("explore/replay.md")
    assert not Part.runs_in_browser("training.md")
