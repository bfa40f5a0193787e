# What each part's target builds (`snakemake -j4 lines`, ...; the rules `all` and each
# part's are in the Snakefile), derived from where each file is declared: a part's static
# figures are its entries in workflow/figures.yaml, its animations and numbers what its
# rule files add to PART_OUTPUTS.


def table_figures(part, target):
    """The files in figs/ of ``part``'s entries in workflow/figures.yaml that ``target``
    builds (an entry's `target`, by default its part), one per wildcard value."""
    return [
        path
        for file, figure in FIGURE_TABLE.get(part, {}).items()
        if figure.get("target", part) == target
        for path in expand(f"figs/{file}", **figure.get("wildcards", {}))
    ]


# Each part's figures (what the website shows), and everything its target builds.
PART_FIGURES = {
    part: [*table_figures(part, part), *PART_ANIMATIONS.get(part, [])] for part in PARTS
}
PART_TARGETS = {
    part: [*PART_FIGURES[part], *PART_OUTPUTS.get(part, [])] for part in PARTS
}
SWEEP_FIGURES = table_figures("digits", "sweep")
