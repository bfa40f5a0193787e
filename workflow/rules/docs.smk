# The tutorial's website: its pages (docs/), every figure and the numbers the text
# quotes, built by MkDocs into site/, with each part's notebook and PDF (the parts as
# mkdocs.yml declares them: parts.smk). `snakemake -j4 docs` rebuilds stale assets
# first, the sweep included (its page quotes the summary).
import os

from scratchnet.docsite.recipe import RecipeError, recipe_data_files
from scratchnet.tutorial_parts import quoted_sources

# (with docs/notebooks/, the notebooks' recipes, which the site leaves out)
DOCS_PAGES = sorted(path for path in (CHECKOUT / "docs").rglob("*") if path.is_file())
DOCS_CODE = sorted((PACKAGE / "docsite").rglob("*.py")) + sorted(
    (PACKAGE / "docsite" / "theme").rglob("*.html")
)
# The PDF's Lua filter and Typst template.
PDF_CODE = sorted((PACKAGE / "docsite").glob("*.lua")) + sorted(
    (PACKAGE / "docsite").glob("*.typ")
)
SITE_FIGURES = [*(path for figures in PART_FIGURES.values() for path in figures)]
SITE_FIGURES += SWEEP_FIGURES
# Pages show code from every part (snippets) and the notebooks include the exercises'
# checker: an edit to the package rebuilds the site, but to the figures' and the browser
# pages' code, which reaches it through the figures and the exports.
SITE_CODE = sorted(
    path
    for path in PACKAGE.rglob("*.py")
    if path.relative_to(PACKAGE).parts[0] not in ("figures", "explore")
)
# The pipeline's JSON files the pages quote (mkdocs.yml's extra.pipeline: the one list).
QUOTED = quoted_sources(SITE_CONFIG)
# The data files each notebook holds as cells (its recipe's data directives: the one
# list), so a changed CSV rebuilds the notebook; a misspelt directive stops here.
try:
    NOTEBOOK_DATA = {
        part: recipe_data_files(CHECKOUT / "docs" / declared.notebook)
        for part, declared in PARTS.items()
    }
except RecipeError as problem:
    stop(str(problem))


# The docs_dir mkdocs.yml names: the pages with figs/ beside them, and the browser pages'
# data in explore/data/, so the site publishes both as ordinary files (no MkDocs hook)
# and --strict checks every figure.
rule stage_docs:
    input:
        site_config=SITE_CONFIG,
        pages=DOCS_PAGES,
        figures=SITE_FIGURES,
        explore=EXPLORE_EXPORTS,
        code=DOCS_CODE,
    output:
        staged=directory("build/docs"),
    log:
        "results/logs/stage_docs.log",
    conda:
        "../envs/docs.yaml"
    resources:
        mem_mb=200,
        runtime=5,
    script:
        "../scripts/stage_docs.py"


# The configuration page's tables (docs/maintain/configuration.md includes them), made
# from each setting's one source: its default in config/config.yaml, its meaning and
# range in the schema.
rule write_settings_tables:
    input:
        defaults=CHECKOUT / "config" / "config.yaml",
        schema=CHECKOUT / "workflow" / "schemas" / "config.schema.yaml",
        code=INFRA_CODE + [PACKAGE / "settings_tables.py", PACKAGE / "config_schema.py"],
    output:
        tables=directory("build/settings"),
    log:
        "results/logs/write_settings_tables.log",
    conda:
        "../envs/docs.yaml"
    resources:
        mem_mb=200,
        runtime=5,
    script:
        "../scripts/write_settings_tables.py"


# `mkdocs build --strict`: a missing figure, a broken link or anchor, a quoted number
# the metrics lack or math that cannot be typeset fails the build. Built under a
# temporary name and renamed, so site/ only ever holds a complete build; the parts'
# notebooks and PDFs are copied into it after MkDocs succeeds.
rule build_docs:
    input:
        quoted=list(QUOTED.values()),
        site_config=SITE_CONFIG,
        staged=rules.stage_docs.output.staged,
        settings_tables=rules.write_settings_tables.output.tables,
        notebooks=expand("build/notebooks/{part}.ipynb", part=PARTS),
        pdfs=expand("build/pdf/{part}.pdf", part=PARTS),
        code=SITE_CODE,
    output:
        site=directory("site"),
    log:
        "results/logs/build_docs.log",
    benchmark:
        "results/benchmarks/build_docs.tsv"
    conda:
        "../envs/docs.yaml"
    params:
        # The site's address and repository, if the environment names them (the GitHub
        # workflow does): 404.html's links, and the pages' "Open in Colab" links.
        site_url=os.environ.get("SCRATCHNET_SITE_URL", ""),
        repo_url=os.environ.get("SCRATCHNET_REPO_URL", ""),
    script:
        "../scripts/build_docs.py"


# Each part as a Jupyter notebook made from its pages (the same text, numbers and code
# sections as the site) and its recipe (the cells that run the code), without outputs;
# the same sources give the same bytes.
rule write_notebook:
    input:
        quoted=list(QUOTED.values()),
        site_config=SITE_CONFIG,
        recipe=lambda wildcards: CHECKOUT / "docs" / PARTS[wildcards.part].notebook,
        data=lambda wildcards: NOTEBOOK_DATA[wildcards.part],
        # The pages as the site reads them (a page's error names the page in whichever
        # of this job, write_pdf and build_docs reads it first).
        staged=rules.stage_docs.output.staged,
        code=SITE_CODE,
    output:
        notebook="build/notebooks/{part}.ipynb",
    log:
        "results/logs/write_notebook_{part}.log",
    wildcard_constraints:
        part="|".join(PARTS),
    conda:
        "../envs/docs.yaml"
    resources:
        mem_mb=200,
        runtime=5,
    script:
        "../scripts/write_notebook.py"


# `snakemake -j4 notebooks`: the notebooks alone.
rule notebooks:
    input:
        expand(rules.write_notebook.output.notebook, part=PARTS),


# Each part as a typeset PDF made from its pages (the same text, numbers and code sections
# as the site) by pandoc and Typst, offline: a title page with the run's settings, the
# contents, the figures (an animation as its strip of frames), the maths typeset.
rule write_pdf:
    input:
        quoted=list(QUOTED.values()),
        site_config=SITE_CONFIG,
        # The pages with figs/ beside them, as the site reads them.
        staged=rules.stage_docs.output.staged,
        code=SITE_CODE + PDF_CODE,
    output:
        pdf="build/pdf/{part}.pdf",
    log:
        "results/logs/write_pdf_{part}.log",
    benchmark:
        "results/benchmarks/write_pdf_{part}.tsv"
    wildcard_constraints:
        part="|".join(PARTS),
    conda:
        "../envs/docs.yaml"
    resources:
        mem_mb=300,  # measured: 225 MB at most (results/benchmarks/write_pdf_*.tsv)
        runtime=5,
    params:
        paper=config["pdf_paper"],
        # The site's address, if the environment names it: the web pages' addresses.
        site_url=os.environ.get("SCRATCHNET_SITE_URL", ""),
    script:
        "../scripts/write_pdf.py"


# `snakemake -j4 pdf`: the PDFs alone.
rule pdf:
    input:
        expand(rules.write_pdf.output.pdf, part=PARTS),


# The target: `snakemake -j4 docs`.
rule docs:
    input:
        rules.build_docs.output.site,
