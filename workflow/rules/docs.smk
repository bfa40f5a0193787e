# The tutorial's website: its pages (docs/), every figure and the numbers the text
# quotes, built by MkDocs into site/, with each part's notebook. `snakemake -j4 docs`
# rebuilds stale assets first, the sweep included (its page quotes the summary).
import os

DOCS_CONFIG = CHECKOUT / "mkdocs.yml"
# (with docs/notebooks/, the notebooks' recipes, which the site leaves out)
DOCS_PAGES = sorted(path for path in (CHECKOUT / "docs").rglob("*") if path.is_file())
DOCS_CODE = sorted((PACKAGE / "docsite").rglob("*.py")) + sorted(
    (PACKAGE / "docsite" / "theme").rglob("*.html")
)
# The PDF's Lua filter and Typst template.
PDF_CODE = sorted((PACKAGE / "docsite").glob("*.lua")) + sorted(
    (PACKAGE / "docsite").glob("*.typ")
)
SITE_FIGURES = LINES_FIGURES + DIGITS_FIGURES + SWEEP_FIGURES
# Pages show code from both chapters (snippets), so an edit rebuilds the site; the
# notebooks include the exercises' checker too.
EXERCISES_CODE = sorted((PACKAGE / "exercises").glob("*.py"))
SITE_CODE = sorted(set(LINES_CODE + DIGITS_CODE + DOCS_CODE + EXERCISES_CODE))
# Each part of the nav as a notebook: its pages, then docs/notebooks/<part>.md's cells.
NOTEBOOK_PARTS = ("lines", "digits")
NOTEBOOK_RECIPES = [
    CHECKOUT / "docs" / "notebooks" / f"{part}.md" for part in NOTEBOOK_PARTS
]


# The docs_dir mkdocs.yml names: the pages with figs/ beside them, and the browser pages'
# data in explore/data/, so the site publishes both as ordinary files (no MkDocs hook)
# and --strict checks every figure.
rule stage_docs:
    input:
        config=DOCS_CONFIG,
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


# `mkdocs build --strict`: a missing figure, a broken link or anchor, a quoted number
# the metrics lack or math that cannot be typeset fails the build. Built under a
# temporary name and renamed, so site/ only ever holds a complete build; the part
# notebooks are written into it after MkDocs succeeds, and the parts' PDFs copied there.
rule build_docs:
    input:
        config=DOCS_CONFIG,
        staged=rules.stage_docs.output.staged,
        recipes=NOTEBOOK_RECIPES,
        pdfs=expand("build/pdf/{part}.pdf", part=NOTEBOOK_PARTS),
        code=SITE_CODE,
        metrics="results/metrics.json",
        settings="results/config.json",
        digits="results/digits/metrics.json",
        sweep="results/sweep/metrics.json",
    output:
        site=directory("site"),
    log:
        "results/logs/build_docs.log",
    benchmark:
        "results/benchmarks/build_docs.tsv"
    # Before write_notebook, which reads the same pages. (A bad page fails in write_pdf,
    # which build_docs waits for, naming the page.)
    priority: 1
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
# sections as the site) and docs/notebooks/<part>.md (the cells that run the code), without
# outputs; the same sources give the same bytes.
rule write_notebook:
    input:
        config=DOCS_CONFIG,
        recipe=CHECKOUT / "docs" / "notebooks" / "{part}.md",
        # The pages as the site reads them (a page's error names the page in whichever
        # of this job, write_pdf and build_docs reads it first).
        staged=rules.stage_docs.output.staged,
        code=SITE_CODE,
        metrics="results/metrics.json",
        settings="results/config.json",
        digits="results/digits/metrics.json",
        sweep="results/sweep/metrics.json",
    output:
        notebook="build/notebooks/{part}.ipynb",
    log:
        "results/logs/write_notebook_{part}.log",
    wildcard_constraints:
        part="|".join(NOTEBOOK_PARTS),
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
        expand(rules.write_notebook.output.notebook, part=NOTEBOOK_PARTS),


# Each part as a typeset PDF made from its pages (the same text, numbers and code sections
# as the site) by pandoc and Typst, offline: a title page with the run's settings, the
# contents, the figures (an animation as its strip of frames), the maths typeset.
rule write_pdf:
    input:
        config=DOCS_CONFIG,
        # The pages with figs/ beside them, as the site reads them.
        staged=rules.stage_docs.output.staged,
        code=SITE_CODE + PDF_CODE,
        metrics="results/metrics.json",
        settings="results/config.json",
        digits="results/digits/metrics.json",
        sweep="results/sweep/metrics.json",
    output:
        pdf="build/pdf/{part}.pdf",
    log:
        "results/logs/write_pdf_{part}.log",
    benchmark:
        "results/benchmarks/write_pdf_{part}.tsv"
    wildcard_constraints:
        part="|".join(NOTEBOOK_PARTS),
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
        expand(rules.write_pdf.output.pdf, part=NOTEBOOK_PARTS),


# The target: `snakemake -j4 docs`.
rule docs:
    input:
        rules.build_docs.output.site,
        rules.notebooks.input,
