"""The pipeline's settings (config/config.yaml, ``--config``, ``--configfile``) read
against their JSON schema (workflow/schemas/config.schema.yaml) before the schema checks
them: numbers as the schema types them, and a key the schema does not know named in one
line with the closest key it does know.

``schema`` below is the schema as a dict (or the part of it that describes ``values``).
"""

from __future__ import annotations

import difflib
from typing import Any

import yaml


def as_schema_numbers(values: dict, schema: dict) -> None:
    """Give, in place, each value of ``values`` the numeric type ``schema`` wants, in
    sections and lists too:

    - text that spells a number where the schema wants one becomes that number (numbers
      inside a section given on the command line, ``--config 'sweep={epochs: 4}'``,
      arrive as text);
    - a whole float where the schema wants an integer becomes an int (JSON Schema accepts
      200.0 as an integer; ``range()`` downstream does not).

    Anything else (text that spells no number, 1.5 where an integer is wanted) is left as
    it is, for the schema to reject naming the key.
    """
    for key, spec in schema.get("properties", {}).items():
        if isinstance(values, dict) and key in values:
            values[key] = _as_schema_number(values[key], spec)


def _as_schema_number(value: Any, spec: dict) -> Any:
    types = spec.get("type")
    types = set(types if isinstance(types, list) else [types])
    if isinstance(value, str) and types & {"integer", "number"}:
        value = _number_spelled(value)
    if "integer" in types and isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list) and "items" in spec:
        return [_as_schema_number(item, spec["items"]) for item in value]
    if isinstance(value, dict) and "object" in types:
        as_schema_numbers(value, spec)
    return value


def _number_spelled(text: str) -> Any:
    """The number ``text`` spells (as YAML reads it), or ``text`` itself."""
    try:
        number = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    is_number = isinstance(number, (int, float)) and not isinstance(number, bool)
    return number if is_number else text


def unknown_key_message(values: Any, schema: dict, path: str = "") -> str | None:
    """One line naming the first key of ``values`` (depth first, dotted: ``digits.seeed``)
    that ``schema`` does not allow, with the closest key it allows there ("did you mean
    'digits.seed'?") or, if none is close, the keys it allows; None if every key is known.
    """
    if isinstance(values, list) and "items" in schema:
        for index, item in enumerate(values):
            message = unknown_key_message(item, schema["items"], f"{path}[{index}]")
            if message:
                return message
        return None
    if not isinstance(values, dict):
        return None
    known = schema.get("properties", {})
    for key, value in values.items():
        name = f"{path}.{key}" if path else str(key)
        if key in known:
            message = unknown_key_message(value, known[key], name)
            if message:
                return message
        elif schema.get("additionalProperties", True) is False:
            return f"config: unknown key {name!r}; {_suggestion(str(key), list(known), path)}"
    return None


def _suggestion(key: str, known: list[str], path: str) -> str:
    prefix = f"{path}." if path else ""
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"did you mean {prefix + close[0]!r}?"
    return f"known keys{f' in {path}' if path else ''}: {', '.join(known)}"
