# Every static figure, one rule each, made from the table workflow/figures.yaml (read
# in common.smk): an entry gives the figure's file, code, inputs, caption and category;
# this loop adds what every figure rule has: a log, a benchmark, the environment, and the
# script asking the figure's module to read its inputs and draw.

for chapter, figures in FIGURE_TABLE.items():
    for file, figure in figures.items():

        rule:
            name:
                figure["rule"]
            input:
                **figure.get("inputs", {}),
                code=figure_code(chapter, *figure["draw"]),
            output:
                figure=report(
                    f"figs/{file}",
                    caption=figure_caption(file, figure),
                    category=figure["category"],
                ),
            log:
                figure_file("results/logs", figure, "log"),
            benchmark:
                figure_file("results/benchmarks", figure, "tsv")
            wildcard_constraints:
                **figure.get("wildcards", {}),
            conda:
                CONDA_ENV
            threads: 1
            resources:
                mem_mb=500,
                runtime=10,
            params:
                **figure_params(chapter, figure),
            script:
                "../scripts/draw_figure.py"
