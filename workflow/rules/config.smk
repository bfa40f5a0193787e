# The config, made ready once, before anything else reads it: its numbers given the types
# the schema wants, its keys checked against the schema (a typo stops the build with one
# line naming it), its values validated (defaults filled in), then the checks a schema
# cannot express. A bad setting stops here, before any job runs.
import sys
from pathlib import Path

import yaml
from snakemake.utils import validate

from scratchnet.config_schema import as_schema_numbers, unknown_key_message


def stop(message):
    """End the run before any job runs, with ``message`` as its one line on stderr (no
    traceback to bury it)."""
    print(message, file=sys.stderr)
    sys.exit(1)


CONFIG_SCHEMA = str(
    Path(workflow.basedir) / "workflow" / "schemas" / "config.schema.yaml"
)
with open(CONFIG_SCHEMA) as f:
    schema = yaml.safe_load(f)
as_schema_numbers(config, schema)
if message := unknown_key_message(config, schema):
    stop(message)
validate(config, CONFIG_SCHEMA, set_default=True)

if config["snapshot_every"] > config["iterations"]:
    stop(
        f"config: snapshot_every ({config['snapshot_every']}) must not exceed "
        f"iterations ({config['iterations']}): the animation would show only the first "
        "and the last iteration"
    )
