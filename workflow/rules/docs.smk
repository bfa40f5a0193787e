# The tutorial's website: its pages (docs/), every figure and the numbers the text
# quotes, built by MkDocs into site/. `snakemake -j4 docs` rebuilds stale assets first,
# the sweep included (its page quotes the summary).

DOCS_CONFIG = CHECKOUT / "mkdocs.yml"
DOCS_PAGES = sorted(path for path in (CHECKOUT / "docs").rglob("*") if path.is_file())
DOCS_CODE = sorted((PACKAGE / "docsite").glob("*.py"))


# `mkdocs build --strict`: a missing figure, a broken link or anchor, a quoted number
# the metrics lack or math that cannot be typeset fails the build. Built under a
# temporary name and renamed, so site/ only ever holds a complete build.
rule build_docs:
    input:
        config=DOCS_CONFIG,
        pages=DOCS_PAGES,
        # Pages show code from both chapters (snippets), so an edit rebuilds the site.
        code=sorted(set(LINES_CODE + DIGITS_CODE + DOCS_CODE)),
        figures=FIGURES + DIGITS_FIGURES + ["figs/sweep-summary.png"],
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
    conda:
        "../envs/docs.yaml"
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    script:
        "../scripts/build_docs.py"


# The target: `snakemake -j4 docs`.
rule docs:
    input:
        rules.build_docs.output.site,
