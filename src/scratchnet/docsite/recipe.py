"""The recipe format: ``docs/notebooks/<part>.md``, the cells a part's notebook adds to
its pages, read into a ``Recipe``.

A recipe is Markdown (its numbers quoted as on the pages) with one-line directives:

    <!-- code: lines/datasets.py lines/training.py -->   where its cells' names are found
    <!-- without: load_mnist -->                         names never included
    # The title, and the cells that open the notebook
    <!-- after: data.md -->                              cells that follow that page

The text before the first ``after`` opens the notebook; the text after an ``after``
follows that page, and the pages named must be the part's, in nav order. A one-line
comment shaped ``<!-- word: ... -->`` is a directive: one the format lacks fails,
naming the recipe's file and line. Longer comments are notes to the recipe's reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scratchnet.user_errors import InputProblem

# The directives, and what each says; a new one is an entry here and a field of Recipe.
DIRECTIVES = {
    "code": "the package's modules (under src/scratchnet) the cells' names are found in",
    "without": "names of the package never included",
    "after": "the page of the part the cells that follow come after",
}
DIRECTIVE = re.compile(rf"^<!-- (?P<key>{'|'.join(DIRECTIVES)}): (?P<value>.+?) -->\s*$", re.M)
# Any one-line comment that starts like a directive, to catch the misspelt ones.
DIRECTIVE_LIKE = re.compile(r"^<!--\s*(?P<key>[\w-]+)\s*:.*-->[ \t]*$", re.M)


class RecipeError(InputProblem, ValueError):
    """A recipe that cannot be followed; the message names its file, line and why."""


@dataclass(frozen=True)
class Recipe:
    """What a recipe adds: ``opening`` (the title and first cells), ``after`` (page ->
    the Markdown and python fences that follow it), ``modules`` and ``without``."""

    file: Path
    opening: str
    after: dict[str, str]
    modules: list[str]
    without: list[str]


def parse_recipe(
    text: str, recipe_file: str | Path, pages: list[str], code_root: Path | None = None
) -> Recipe:
    """``text`` (the recipe ``recipe_file``, its numbers filled) as a Recipe for a part of
    ``pages``. A page not of the part or out of order, a misspelt directive, or (given
    ``code_root``) a module the package lacks fails naming the file and line."""
    recipe_file = Path(recipe_file)
    _check_directives(text, recipe_file)
    modules, without, after = [], [], {}
    matches = list(DIRECTIVE.finditer(text))
    opening = text[: matches[0].start()] if matches else text
    current = None
    for index, match in enumerate(matches):
        key, value = match["key"], match["value"]
        where = f"{recipe_file}:{_line(text, match.start())}"
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        chunk = text[match.end() : end]
        if key == "code":
            for module in value.split():
                if code_root is not None and not (code_root / module).is_file():
                    raise RecipeError(
                        f"{where}: <!-- code: {value} --> names {module}, which is no "
                        f"module of the package ({code_root})"
                    )
            modules += value.split()
        elif key == "without":
            without += value.split()
        else:
            if value not in pages:
                raise RecipeError(
                    f"{where}: <!-- after: {value} --> names no page of this part; "
                    f"its pages are {', '.join(pages)}"
                )
            if current is not None and pages.index(value) <= pages.index(current):
                raise RecipeError(f"{where}: {value} comes before {current} in the nav")
            current = value
            after[value] = ""
        if current is None:
            opening += chunk
        else:
            after[current] += chunk
    return Recipe(recipe_file, opening, after, modules, without)


def _check_directives(text: str, recipe_file: Path) -> None:
    for match in DIRECTIVE_LIKE.finditer(text):
        line = match[0].rstrip()
        if DIRECTIVE.fullmatch(line):
            continue
        known = ", ".join(f"<!-- {key}: ... --> ({meaning})" for key, meaning in DIRECTIVES.items())
        what = "unknown" if match["key"] not in DIRECTIVES else "malformed"
        raise RecipeError(
            f"{recipe_file}:{_line(text, match.start())}: {what} directive {line}; "
            f"a recipe's directives are {known}"
        )


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1
