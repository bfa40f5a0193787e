# Numbers inside a section given on the command line (`--config 'sweep={epochs: 4}'`)
# arrive as text (Snakemake reads them as YAML strings): read each as the number it spells
# where the schema wants a number, before the schema checks them. Text that spells no
# number is left for the schema to reject, naming the key.
import yaml


def numbers_from_text(values, schema):
    """Replace, in place, each text in ``values`` that spells a number where ``schema``
    (its part of the config schema) wants one, in sections and lists too."""
    for key, spec in schema.get("properties", {}).items():
        if isinstance(values, dict) and key in values:
            values[key] = number_from_text(values[key], spec)


def number_from_text(value, spec):
    types = spec.get("type")
    types = set(types if isinstance(types, list) else [types])
    if isinstance(value, str) and types & {"integer", "number"}:
        number = yaml.safe_load(value)
        is_number = isinstance(number, (int, float)) and not isinstance(number, bool)
        return number if is_number else value
    if isinstance(value, list) and "items" in spec:
        return [number_from_text(item, spec["items"]) for item in value]
    if isinstance(value, dict) and "object" in types:
        numbers_from_text(value, spec)
    return value


with open(Path(workflow.basedir) / "workflow" / "schemas" / "config.schema.yaml") as f:
    numbers_from_text(config, yaml.safe_load(f))
