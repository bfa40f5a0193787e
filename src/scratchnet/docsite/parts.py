"""A part of the tutorial as the site reads it: its pages in nav order (the nav section
its declaration in mkdocs.yml's ``extra.parts`` names, ``scratchnet.tutorial_parts``),
the results their numbers are quoted from and the source folder their code sections are
cut from.

A notebook is made from a part; any other output made from the same pages (a printed
copy, say) reads the part here too, so all of them follow the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scratchnet.docsite.run_numbers import fill_numbers, load_sources
from scratchnet.tutorial_parts import DeclaredPart, parts_in, read_site_config
from scratchnet.user_errors import InputProblem

QUOTING_EXTENSION = "scratchnet.docsite.run_numbers"
SNIPPETS_EXTENSION = "pymdownx.snippets"
# Pages whose content is a program running in the reader's browser (docs/explore/): no
# other output can run them, so it names them and where they are on the website.
BROWSER_PAGES = "explore/"


class PartError(InputProblem, ValueError):
    """mkdocs.yml lacks what a part needs; the message names the file and the key."""


@dataclass(frozen=True)
class Part:
    """One part: its ``declared`` fields (its title, recipe, title page, ...), ``pages``
    (paths under ``pages_dir``, in nav order), the quoted results ``number_sources``
    (source name -> its JSON, as run_numbers loads it) and ``code_root``
    (src/scratchnet, where ``--8<-- "file:section"`` is read)."""

    declared: DeclaredPart
    pages: list[str]
    pages_dir: Path
    number_sources: dict[str, Any]
    code_root: Path

    @property
    def name(self) -> str:
        return self.declared.key

    def page_text(self, page: str) -> str:
        """The page's Markdown with the numbers it quotes filled in, as the site has it."""
        return fill_numbers((self.pages_dir / page).read_text(), self.number_sources, where=page)

    @staticmethod
    def runs_in_browser(page: str) -> bool:
        return page.startswith(BROWSER_PAGES)


def read_part(config_file: str | Path, name: str, pages_dir: str | Path | None = None) -> Part:
    """The part ``name`` (its key in ``extra.parts``) of the site ``config_file``
    (mkdocs.yml); its pages are read from ``pages_dir``, docs/ beside the config by
    default."""
    return part_in(read_site_config(config_file), Path(config_file), name, pages_dir)


def part_in(config: dict, config_file: Path, name: str, pages_dir: str | Path | None) -> Part:
    """``read_part`` of the site's config ``config``, ``config_file`` already read."""
    parts = parts_in(config, config_file)
    if name not in parts:
        raise PartError(
            f"{config_file}: extra.parts declares no part {name!r}; it declares "
            + ", ".join(map(repr, parts))
        )
    pages_dir = Path(pages_dir) if pages_dir else config_file.parent / "docs"
    pages = nav_pages(config.get("nav") or [], parts[name].title, config_file)
    sources = load_sources(extension_config(config, QUOTING_EXTENSION, config_file)["sources"])
    base = extension_config(config, SNIPPETS_EXTENSION, config_file)["base_path"]
    base = base[0] if isinstance(base, list) else base
    return Part(parts[name], pages, pages_dir, sources, config_file.parent / base)


def nav_pages(nav: list, title: str, config_file: Path) -> list[str]:
    """The pages of the nav section titled ``title``, in order, however deeply nested."""

    def find(entries):
        for entry in entries:
            if not isinstance(entry, dict):  # a page without a title: "one/a.md"
                continue
            for name, value in entry.items():
                if name == title and isinstance(value, list):
                    return list(flatten(value))
                if isinstance(value, list):
                    found = find(value)
                    if found:
                        return found
        return None

    def flatten(entries):
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            yield from flatten(value) if isinstance(value, list) else [value]

    pages = find(nav)
    if not pages:
        raise PartError(f"{config_file}: the nav has no section {title!r}")
    return pages


def extension_config(config: dict, name: str, config_file: Path) -> dict:
    """The settings mkdocs.yml gives the Markdown extension ``name``."""
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    raise PartError(f"{config_file}: markdown_extensions lacks {name}, with its settings")
