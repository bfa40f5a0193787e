# The config, made ready once, before anything else reads it: every key and value checked
# against the schema (a typo or a bad value stops the build with one line naming the
# key), unset paths resolved, the user's files checked, and the values the rules derive
# from the settings computed (scratchnet.settings). A bad setting stops here, before any
# job runs, so no earlier output is touched.
import sys
from pathlib import Path

import yaml
from snakemake.utils import validate

from scratchnet.settings import DEFAULT_RUN, SettingsProblem, prepare, sweep_point_file


def stop(message):
    """End the run before any job runs, with ``message`` as its one line on stderr (no
    traceback to bury it)."""
    print(message, file=sys.stderr)
    sys.exit(1)


CONFIG_SCHEMA = str(
    Path(workflow.basedir) / "workflow" / "schemas" / "config.schema.yaml"
)
with open(CONFIG_SCHEMA) as f:
    SCHEMA = yaml.safe_load(f)
try:
    PREPARED = prepare(config, SCHEMA)
except SettingsProblem as problem:
    stop(str(problem))
# Snakemake's own check, as every workflow has it: by now it finds nothing to say.
validate(config, CONFIG_SCHEMA, set_default=False)
