# What each target builds (the rules `all`, `lines`, `digits`, `sweep` in the Snakefile,
# and the website's figures), derived from where each file is declared: a chapter's
# static figures are its entries in workflow/figures.yaml, its animations the outputs of
# the rules that make them (lines/figures.smk, digits/figures.smk).


def table_figures(chapter, target):
    """The files in figs/ of ``chapter``'s entries in workflow/figures.yaml that
    ``target`` builds (an entry's `target`, by default its chapter), one per wildcard
    value."""
    return [
        path
        for file, figure in FIGURE_TABLE[chapter].items()
        if figure.get("target", chapter) == target
        for path in expand(f"figs/{file}", **figure.get("wildcards", {}))
    ]


LINES_FIGURES = [
    *table_figures("lines", "lines"),
    *rules.assemble_training_animation.output,
    *rules.encode_training_video.output,
]
DIGITS_FIGURES = [
    *table_figures("digits", "digits"),
    *rules.render_digits_animation.output,
    *rules.encode_digits_video.output,
]
SWEEP_FIGURES = table_figures("digits", "sweep")
