"""Snakemake script: the pages of docs/ (beside mkdocs.yml) with figs/, as MkDocs' docs_dir."""

from pathlib import Path

from scratchnet.docsite.build import stage_docs
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    pages = Path(snakemake.input.config).parent / "docs"
    stage_docs(pages, snakemake.input.figures, snakemake.output.staged)
