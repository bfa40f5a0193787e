"""The pipeline's settings (config/config.yaml, ``--config``, ``--configfile``) read
against their JSON schema (workflow/schemas/config.schema.yaml): numbers given the types
the schema wants, then every key and value checked, each problem one line naming the key.

``schema`` below is the whole schema as a dict: a setting's description may be a
reference into its ``$defs`` (``{$ref: "#/$defs/init"}``), which ``described`` resolves,
so the code here sees one merged description per setting, as a validator does.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

import yaml

REF_PREFIX = "#/$defs/"


def described(spec: dict, schema: dict) -> dict:
    """``spec`` with its ``$ref`` chain resolved into one dict: the referenced
    description's keys, then ``spec``'s own on top, ``properties`` merged key by key.
    A ``$ref`` outside the schema's ``$defs`` is an error naming it."""
    if "$ref" not in spec:
        return spec
    reference = spec["$ref"]
    if not reference.startswith(REF_PREFIX) or reference[len(REF_PREFIX) :] not in schema.get(
        "$defs", {}
    ):
        raise ValueError(f"schema: $ref {reference!r} names nothing under $defs")
    base = described(schema["$defs"][reference[len(REF_PREFIX) :]], schema)
    merged = {**base, **{key: value for key, value in spec.items() if key != "$ref"}}
    if "properties" in base and "properties" in spec:
        merged["properties"] = {**base["properties"], **spec["properties"]}
    return merged


def properties(spec: dict, schema: dict) -> dict[str, dict]:
    """The settings a section described by ``spec`` holds, each resolved: name -> spec."""
    return {
        name: described(child, schema)
        for name, child in described(spec, schema).get("properties", {}).items()
    }


def is_closed(spec: dict, schema: dict) -> bool:
    """Whether a section allows no key but its properties."""
    spec = described(spec, schema)
    return False in (spec.get("additionalProperties"), spec.get("unevaluatedProperties"))


def settings(schema: dict, spec: dict | None = None, path: str = "") -> Iterator[tuple[str, dict]]:
    """Every setting of the schema, depth first, as (dotted key, resolved spec): the
    leaves (``lr``, ``digits.softmax_regression.epochs``); a list of sections
    (``explore.runs``) is one setting."""
    for name, child in properties(spec or schema, schema).items():
        key = f"{path}.{name}" if path else name
        if "properties" in child:
            yield from settings(schema, child, key)
        else:
            yield key, child


# How a setting left unset arrives: null in a YAML file; as text from `--config`.
UNSET = (None, "", "~", "null")


def as_schema_numbers(values: dict, schema: dict, spec: dict | None = None) -> None:
    """Give, in place, each value of ``values`` the numeric type ``schema`` wants, in
    sections and lists too:

    - text that spells a number where the schema wants one becomes that number (numbers
      inside a section given on the command line, ``--config 'sweep={epochs: 4}'``,
      arrive as text);
    - a whole float where the schema wants an integer becomes an int (JSON Schema accepts
      200.0 as an integer; ``range()`` downstream does not);
    - "null", "~" or nothing where the schema allows null becomes None (``--config
      train_csv=null`` and ``--config 'plane={network: {batch_size: null}}'`` give text).

    Anything else (text that spells no number, 1.5 where an integer is wanted) is left as
    it is, for the schema to reject naming the key. ``spec`` is the part of the schema
    that describes ``values`` (the whole schema by default).
    """
    for key, child in properties(spec or schema, schema).items():
        if isinstance(values, dict) and key in values:
            values[key] = _as_schema_number(values[key], child, schema)


def _as_schema_number(value: Any, spec: dict, schema: dict) -> Any:
    types = spec.get("type")
    types = set(types if isinstance(types, list) else [types])
    if "null" in types and value in UNSET:
        return None
    if isinstance(value, str) and types & {"integer", "number"}:
        value = _number_spelled(value)
    if "integer" in types and isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list) and "items" in spec:
        items = described(spec["items"], schema)
        return [_as_schema_number(item, items, schema) for item in value]
    if isinstance(value, dict) and "object" in types:
        as_schema_numbers(value, schema, spec)
    return value


def _number_spelled(text: str) -> Any:
    """The number ``text`` spells (as YAML reads it), or ``text`` itself."""
    try:
        number = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    is_number = isinstance(number, (int, float)) and not isinstance(number, bool)
    return number if is_number else text


def unknown_key_message(
    values: Any, schema: dict, spec: dict | None = None, path: str = ""
) -> str | None:
    """One line naming the first key of ``values`` (depth first, dotted: ``digits.seeed``)
    that ``schema`` does not allow, with the closest key it allows there ("did you mean
    'digits.seed'?") or, if none is close, the keys it allows; None if every key is known.
    """
    spec = described(spec or schema, schema)
    if isinstance(values, list) and "items" in spec:
        for index, item in enumerate(values):
            message = unknown_key_message(item, schema, spec["items"], f"{path}[{index}]")
            if message:
                return message
        return None
    if not isinstance(values, dict):
        return None
    known = properties(spec, schema)
    for key, value in values.items():
        name = f"{path}.{key}" if path else str(key)
        if key in known:
            message = unknown_key_message(value, schema, known[key], name)
            if message:
                return message
        elif is_closed(spec, schema):
            return f"config: unknown key {name!r}; {_suggestion(str(key), list(known), path)}"
    return None


def _suggestion(key: str, known: list[str], path: str) -> str:
    prefix = f"{path}." if path else ""
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"did you mean {prefix + close[0]!r}?"
    return f"known keys{f' in {path}' if path else ''}: {', '.join(known)}"


def value_message(values: dict, schema: dict) -> str | None:
    """One line naming the first setting (in the schema's order) whose value the schema
    rejects, what is wrong with it and what the setting is; None if all are valid."""
    from jsonschema import Draft202012Validator

    errors = Draft202012Validator(schema).iter_errors(values)
    order = {key: index for index, (key, _) in enumerate(settings(schema))}

    def place(error) -> tuple:
        key = _dotted(error.absolute_path)
        return (order.get(key.split("[")[0], len(order)), key)

    error = min(errors, key=place, default=None)
    if error is None:
        return None
    key = _dotted(error.absolute_path)
    meaning = described(error.schema, schema).get("description") or _description_at(key, schema)
    what = f" ({key}: {meaning})" if meaning else ""
    return f"config: {key!r}: {_plain(error)}{what}"


def _plain(error) -> str:
    """jsonschema's sentence, said plainly where it is not ("should not be valid under")."""
    if error.validator == "not":
        return f"{error.instance!r} is not allowed here"
    return error.message


def _dotted(path) -> str:
    key = ""
    for part in path:
        key += f"[{part}]" if isinstance(part, int) else (f".{part}" if key else str(part))
    return key or "(the whole config)"


def _description_at(key: str, schema: dict) -> str | None:
    for name, spec in settings(schema):
        if name == key.split("[")[0]:
            return spec.get("description")
    return None
