"""Snakemake script: the pages of docs/ (beside mkdocs.yml) with figs/ and the browser
pages' data (results/explore/data/ as explore/data/), as MkDocs' docs_dir."""

from pathlib import Path

from scratchnet.docsite.build import stage_docs
from scratchnet.joblog import job_log

EXPORTS = Path("results/explore/data")

with job_log(snakemake.log[0]):
    pages = Path(snakemake.input.site_config).parent / "docs"
    data = {
        Path("explore/data") / Path(export).relative_to(EXPORTS): export
        for export in snakemake.input.explore
    }
    stage_docs(pages, snakemake.input.figures, snakemake.output.staged, data)
