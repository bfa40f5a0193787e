"""The config read against its schema before the schema checks it: numbers given the types
the schema wants, and an unknown key named in one line with the closest known key."""

from __future__ import annotations

import pytest
import yaml

from harness.settings_files import SCHEMA, shipped_config
from scratchnet.config_schema import (
    as_schema_numbers,
    described,
    unknown_key_message,
    value_message,
)

CONFIG = shipped_config()


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


def test_a_typo_inside_a_referenced_block_names_the_closest_key():
    # digits.reference's keys come from $defs (hidden_run -> run): the typo is still named.
    values = {**CONFIG, "digits": {**CONFIG["digits"], "reference": {"epoch": 3}}}
    assert unknown_key_message(values, SCHEMA) == (
        "config: unknown key 'digits.reference.epoch'; did you mean 'digits.reference.epochs'?"
    )


def test_text_spelling_a_number_inside_a_referenced_block_becomes_that_number():
    values = {"digits": {"reference": {"epochs": "4", "lr": "0.5"}}, "sweep": {"lrs": ["1"]}}
    as_schema_numbers(values, SCHEMA)
    assert values == {"digits": {"reference": {"epochs": 4, "lr": 0.5}}, "sweep": {"lrs": [1]}}
    assert type(values["digits"]["reference"]["epochs"]) is int


def test_a_reference_outside_the_schemas_defs_is_named():
    with pytest.raises(ValueError, match="'#/\\$defs/nowhere' names nothing under \\$defs"):
        described({"$ref": "#/$defs/nowhere"}, SCHEMA)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"lr": -1}, "config: 'lr': -1 is less than or equal to the minimum of 0 (lr: learning"),
        ({"seed": 1.5}, "config: 'seed': 1.5 is not of type 'integer' (seed: seed of every"),
        (
            {"digits": {"reference": {"init": "xavier"}}},
            "config: 'digits.reference.init': 'xavier' is not one of ['normal', 'lecun', "
            "'glorot', 'he'] (digits.reference.init: initialisation of the weights)",
        ),
        (
            {"explore": {"runs": [{"name": "training-set"}]}},
            "config: 'explore.runs[0].name': 'training-set' is not allowed here",
        ),
    ],
)
def test_a_bad_value_is_one_line_naming_the_key_and_what_it_is(change, message):
    values = yaml.safe_load(yaml.safe_dump(CONFIG))
    for key, value in change.items():
        values[key] = {**values[key], **value} if isinstance(value, dict) else value
        if key == "digits":
            values["digits"]["reference"] = {**CONFIG["digits"]["reference"], **value["reference"]}
    found = value_message(values, SCHEMA)
    assert found.startswith(message) and "\n" not in found


def test_the_shipped_config_is_valid():
    assert value_message(CONFIG, SCHEMA) is None
