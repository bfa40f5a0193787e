# The tutorial pipeline: datasets -> training snapshots -> every figure and the animation.
# Rules live in workflow/rules/; run `snakemake -j4` from this directory.
from pathlib import Path

from snakemake.utils import min_version

min_version("9.0")


# The defaults travel with the workflow, so `--directory elsewhere` finds them too.
configfile: Path(workflow.basedir) / "config" / "config.yaml"


# The package's code, then the config made ready and checked (validate() against the
# schema, and what no schema can say), before any rule reads it.
include: "workflow/rules/code.smk"
include: "workflow/rules/config.smk"
include: "workflow/rules/user_files.smk"
include: "workflow/rules/config_record.smk"


report: "workflow/report/workflow.rst"


include: "workflow/rules/memory.smk"
include: "workflow/rules/priorities.smk"
include: "workflow/rules/build_lock.smk"
include: "workflow/rules/parts.smk"
include: "workflow/rules/figure_table.smk"


# Each part's own rules, as mkdocs.yml's extra.parts lists them, then every part's
# static figures (from workflow/figures.yaml).
for part in PARTS.values():
    for rule_file in part.rules:

        include: Path("workflow") / "rules" / rule_file


include: "workflow/rules/figures.smk"
include: "workflow/rules/targets.smk"
include: "workflow/rules/explore/pages.smk"
include: "workflow/rules/docs.smk"


# Every part's figures, animations and numbers, and the settings they were made with.
# The website is a separate target: `snakemake -j4 docs` (workflow/rules/docs.smk).
rule all:
    input:
        PART_TARGETS.values(),
        "results/config.json",


# One part alone: `snakemake -j4 lines`, `digits`, ... (targets.smk).
for part, targets in PART_TARGETS.items():

    rule:
        name:
            part
        input:
            targets,


# The hyperparameter sweep, not part of `all`: `snakemake -j4 sweep`.
rule sweep:
    input:
        "results/sweep/summary.csv",
        SWEEP_FIGURES,
