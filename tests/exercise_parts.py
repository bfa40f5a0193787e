"""The parts whose exercises the tests check (tests/exercises/, and the notebooks' in
tests/workflow/), as mkdocs.yml declares them (extra.parts: each part's exercises
module): each part's table of exercises, its module's ``EXERCISES`` (``check`` looks a
reader's function up in it). A part declared with an exercises module is checked by
every test, the mutation test included, with no line added here."""

from __future__ import annotations

import importlib
from pathlib import Path

from scratchnet.tutorial_parts import declared_parts

REPO = Path(__file__).resolve().parents[1]
MODULES = {
    key: importlib.import_module(
        "scratchnet." + part.exercises.removesuffix(".py").replace("/", ".")
    )
    for key, part in declared_parts(REPO / "mkdocs.yml").items()
    if part.exercises
}
PARTS = {key: module.EXERCISES for key, module in MODULES.items()}

EXERCISES = [(part, name) for part, table in PARTS.items() for name in table]
