"""The recipe format: ``docs/notebooks/<part>.md``, the cells a part's notebook adds to
its pages, read into a ``Recipe``.

A recipe is Markdown (its numbers quoted as on the pages) with one-line directives:

    <!-- code: lines/datasets.py lines/training.py -->   where its cells' names are found
    <!-- without: load_mnist -->                         names never included
    # The title, and the cells that open the notebook
    <!-- after: data.md -->                              cells that follow that page
    <!-- data: rows = results/data/train.csv -->         a cell: the file's rows as ``rows``

The text before the first ``after`` opens the notebook; the text after an ``after``
follows that page, and the pages named must be the part's, in nav order. A ``data``
directive stays where it is in that text, and becomes a code cell there defining the
name as a numpy array of the CSV's rows (its first row names the columns), read from
the directory the notebook is built in: a notebook opened alone holds the run's own
data. Inside ``{{ if }}`` ... ``{{ end }}`` it is in the notebooks of one kind of run
only; ``recipe_data_files`` lists the files of every one, for the workflow. A one-line
comment shaped ``<!-- word: ... -->`` is a directive: one the format lacks fails,
naming the recipe's file and line. Longer comments are notes to the recipe's reader.

Light on purpose (no Markdown or numpy): the workflow reads a recipe's data files here
while it is parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from scratchnet.user_errors import InputProblem

# The directives, and what each says; a new one is an entry here and a field of Recipe.
DIRECTIVES = {
    "code": "the package's modules (under src/scratchnet) the cells' names are found in",
    "without": "names of the package never included",
    "after": "the page of the part the cells that follow come after",
    "data": "a name = a CSV file, a cell defining the name as the file's rows",
}
DIRECTIVE = re.compile(rf"^<!-- (?P<key>{'|'.join(DIRECTIVES)}): (?P<value>.+?) -->\s*$", re.M)
# Any one-line comment that starts like a directive, to catch the misspelt ones.
DIRECTIVE_LIKE = re.compile(r"^<!--\s*(?P<key>[\w-]+)\s*:.*-->[ \t]*$", re.M)
# What a data directive says: a Python name, then a relative path (no spaces).
DATA_VALUE = re.compile(r"(?P<name>[A-Za-z_]\w*) = (?P<file>[^\s/][^\s]*)")
DATA_FORM = "<!-- data: name = path/of/file.csv --> (a relative path, no spaces)"


class RecipeError(InputProblem, ValueError):
    """A recipe that cannot be followed; the message names its file, line and why."""


@dataclass(frozen=True)
class DataFile:
    """A ``data`` directive: the cell defines ``name`` as the rows of ``file``; ``line``
    is the directive's line in the recipe."""

    name: str
    file: str
    line: int

    @property
    def directive(self) -> str:
        return f"<!-- data: {self.name} = {self.file} -->"


@dataclass(frozen=True)
class Recipe:
    """What a recipe adds: ``opening`` (the title and first cells), ``after`` (page ->
    the Markdown and python fences that follow it, ``data`` directives in place),
    ``modules``, ``without`` and ``data`` (every data directive, in order)."""

    file: Path
    opening: str
    after: dict[str, str]
    modules: list[str]
    without: list[str]
    data: list[DataFile] = field(default_factory=list)

    def data_file(self, name: str, file: str) -> DataFile:
        """The data directive that defines ``name`` from ``file``."""
        return next(data for data in self.data if (data.name, data.file) == (name, file))


def parse_recipe(
    text: str, recipe_file: str | Path, pages: list[str], code_root: Path | None = None
) -> Recipe:
    """``text`` (the recipe ``recipe_file``, its numbers filled) as a Recipe for a part of
    ``pages``. A page not of the part or out of order, a misspelt directive, or (given
    ``code_root``) a module the package lacks fails naming the file and line."""
    recipe_file = Path(recipe_file)
    _check_directives(text, recipe_file)
    modules, without, after, data = [], [], {}, []
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
        elif key == "data":
            data.append(_data_file(match, text, recipe_file))
            # A cell of its own where it stands, the directive alone on its line.
            chunk = data[-1].directive + "\n" + chunk.removeprefix("\n")
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
    return Recipe(recipe_file, opening, after, modules, without, data)


def recipe_data_files(recipe_file: str | Path) -> list[str]:
    """The files the ``data`` directives of ``recipe_file`` name, each once, in order,
    whichever branch of a condition they stand in (the workflow lists them as the
    notebook's inputs); a misspelt directive fails naming the file and line."""
    recipe_file = Path(recipe_file)
    text = recipe_file.read_text()
    _check_directives(text, recipe_file)
    files = [
        _data_file(match, text, recipe_file).file
        for match in DIRECTIVE.finditer(text)
        if match["key"] == "data"
    ]
    return list(dict.fromkeys(files))


def _data_file(match: re.Match, text: str, recipe_file: Path) -> DataFile:
    """The data directive ``match`` (of ``text``, the recipe ``recipe_file``)."""
    line = _line(text, match.start())
    value = DATA_VALUE.fullmatch(match["value"])
    if value is None:
        raise RecipeError(
            f"{recipe_file}:{line}: malformed directive {match[0].rstrip()}; expected {DATA_FORM}"
        )
    return DataFile(value["name"], value["file"], line)


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
