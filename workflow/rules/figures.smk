# Every static figure, one rule each, made from the table workflow/figures.yaml: an entry
# gives the figure's file, code, inputs, caption and category; this loop adds what every
# figure rule has: a log, a benchmark, the environment, and the script asking the
# figure's module to read its inputs and draw. The table is read, and each entry made
# into the rule's settings, in figure_table.smk; targets.smk lists the files by target.

for chapter, figures in FIGURE_TABLE.items():
    for file, figure in figures.items():

        rule:
            name:
                figure["rule"]
            input:
                **figure_inputs(chapter, figure),
                code=figure_code(chapter, *figure["draw"]),
            output:
                figure=report(
                    f"figs/{file}",
                    caption=figure_caption(file, figure),
                    category=figure["category"],
                    subcategory=figure.get("subcategory"),
                ),
            log:
                figure_file("results/logs", figure, "log"),
            benchmark:
                figure_file("results/benchmarks", figure, "tsv")
            wildcard_constraints:
                **figure_wildcards(figure),
            conda:
                CONDA_ENV
            params:
                **figure_params(chapter, figure),
            script:
                "../scripts/draw_figure.py"
