# The tutorial pipeline: datasets -> training snapshots -> every figure and the animation.
# Rules live in workflow/rules/; run `snakemake -j4` from this directory.
from pathlib import Path

from snakemake.utils import min_version

min_version("9.0")


# The defaults travel with the workflow, so `--directory elsewhere` finds them too.
configfile: Path(workflow.basedir) / "config" / "config.yaml"


# The package's code, then the config made ready and checked, before any rule reads it.
include: "workflow/rules/code.smk"
include: "workflow/rules/config.smk"
include: "workflow/rules/user_files.smk"


report: "workflow/report/workflow.rst"


include: "workflow/rules/memory.smk"
include: "workflow/rules/priorities.smk"
include: "workflow/rules/build_lock.smk"
include: "workflow/rules/figure_table.smk"
include: "workflow/rules/figures.smk"
include: "workflow/rules/lines/datasets.smk"
include: "workflow/rules/lines/training.smk"
include: "workflow/rules/lines/figures.smk"
include: "workflow/rules/digits/training.smk"
include: "workflow/rules/digits/figures.smk"
include: "workflow/rules/digits/sweep.smk"
include: "workflow/rules/targets.smk"
include: "workflow/rules/explore/pages.smk"
include: "workflow/rules/docs.smk"


# Every asset of the tutorial, plus the metrics file the text quotes. The website is
# a separate target: `snakemake -j4 docs` (workflow/rules/docs.smk).
rule all:
    input:
        LINES_FIGURES,
        DIGITS_FIGURES,
        "results/metrics.json",
        "results/digits/metrics.json",
        "results/config.json",


# Chapter one alone: `snakemake -j4 lines`.
rule lines:
    input:
        LINES_FIGURES,
        "results/metrics.json",


# Chapter two alone: `snakemake -j4 digits`.
rule digits:
    input:
        DIGITS_FIGURES,
        "results/digits/metrics.json",


# The hyperparameter sweep, not part of `all`: `snakemake -j4 sweep`.
rule sweep:
    input:
        "results/sweep/summary.csv",
        SWEEP_FIGURES,
