# Numbers inside a section given on the command line (`--config 'sweep={epochs: 4}'`)
# arrive as text (Snakemake reads them as YAML strings): read each as the number it spells
# where the schema wants a number, before the schema checks them. Text that spells no
# number is left for the schema to reject, naming the key.
import yaml


def numbers_from_text(values, schema):
    for key, spec in schema.get("properties", {}).items():
        value = values.get(key) if isinstance(values, dict) else None
        types = spec.get("type")
        types = types if isinstance(types, list) else [types]
        if isinstance(value, str) and {"integer", "number"} & set(types):
            number = yaml.safe_load(value)
            if isinstance(number, (int, float)) and not isinstance(number, bool):
                values[key] = number
        elif isinstance(value, dict) and "object" in types:
            numbers_from_text(value, spec)


with open(Path(workflow.basedir) / "workflow" / "schemas" / "config.schema.yaml") as f:
    numbers_from_text(config, yaml.safe_load(f))
