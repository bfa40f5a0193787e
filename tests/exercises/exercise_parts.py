"""The parts whose exercises tests/exercises/ checks, by name: each part's table of
exercises (``check`` looks a reader's function up in it). A new part adds its line here,
and every test of the folder, the mutation test included, runs on its exercises."""

from __future__ import annotations

from scratchnet.exercises import digits, lines

PARTS = {
    "lines": lines.PART_ONE,
    "digits": digits.PART_TWO,
}

EXERCISES = [(part, name) for part, table in PARTS.items() for name in table]
