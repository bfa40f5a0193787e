"""The config read against its schema before the schema checks it: numbers given the types
the schema wants, and an unknown key named in one line with the closest known key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scratchnet.config_schema import as_schema_numbers, unknown_key_message

REPO = Path(__file__).resolve().parents[2]
SCHEMA = yaml.safe_load((REPO / "workflow" / "schemas" / "config.schema.yaml").read_text())
CONFIG = yaml.safe_load((REPO / "config" / "config.yaml").read_text())


def test_whole_numbers_become_ints_where_the_schema_wants_integers():
    values = {"iterations": 200.0, "lr": 1.0, "seed": 1.5, "himmelblau": {"steps": 100.0}}
    as_schema_numbers(values, SCHEMA)
    assert values == {"iterations": 200, "lr": 1.0, "seed": 1.5, "himmelblau": {"steps": 100}}
    assert type(values["iterations"]) is int and type(values["lr"]) is float
    assert type(values["himmelblau"]["steps"]) is int


def test_text_spelling_a_number_becomes_that_number_in_sections_and_lists():
    values = {"sweep": {"epochs": "4", "lrs": ["0.1", "1"], "seeds": ["0", "2.0"]}}
    as_schema_numbers(values, SCHEMA)
    assert values == {"sweep": {"epochs": 4, "lrs": [0.1, 1], "seeds": [0, 2]}}
    assert [type(seed) for seed in values["sweep"]["seeds"]] == [int, int]


@pytest.mark.parametrize("text", ["fast", "true", "[1", "null"])
def test_text_spelling_no_number_is_left_for_the_schema_to_reject(text):
    values = {"lr": text}
    as_schema_numbers(values, SCHEMA)
    assert values == {"lr": text}


def test_the_shipped_config_has_no_unknown_key():
    assert unknown_key_message(CONFIG, SCHEMA) is None


@pytest.mark.parametrize(
    "values, message",
    [
        ({"seeed": 1}, "config: unknown key 'seeed'; did you mean 'seed'?"),
        (
            {"digits": {"seeed": 1}},
            "config: unknown key 'digits.seeed'; did you mean 'digits.seed'?",
        ),
        (
            {"digits": {"losses": {"epoch": 3}}},
            "config: unknown key 'digits.losses.epoch'; did you mean 'digits.losses.epochs'?",
        ),
        (
            {"explore": {"runs": [{"name": "a", "sed": 3}]}},
            "config: unknown key 'explore.runs[0].sed'; did you mean 'explore.runs[0].seed'?",
        ),
    ],
)
def test_an_unknown_key_is_named_with_the_closest_known_key(values, message):
    assert unknown_key_message({**CONFIG, **values}, SCHEMA) == message


def test_an_unknown_key_with_no_close_match_lists_the_known_keys():
    message = unknown_key_message({"typo_key": 1}, SCHEMA)
    assert message.startswith("config: unknown key 'typo_key'; known keys: seed, hidden, lr, ")
    assert "\n" not in message and "sweep" in message
