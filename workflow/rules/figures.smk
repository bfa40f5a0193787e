# The skeleton every static figure rule shares, written once: Snakemake's rule
# inheritance (`use rule draw_figure as plot_x with:`) gives each figure its inputs,
# output, log and benchmark, and takes the rest from here: the environment, the
# resolution, and the one script that asks the figure's module (params.module, under
# scratchnet.figures) to read its inputs and draw. The skeleton itself matches no file.


rule draw_figure:
    output:
        png="figs/{figure}.png",
    log:
        "results/logs/draw_figure_{figure}.log",
    benchmark:
        "results/benchmarks/draw_figure_{figure}.tsv"
    wildcard_constraints:
        figure="(?!)",  # never matches: only the rules that inherit this one run
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        dpi=config["dpi"],
    script:
        # Absolute: a rule that inherits this one resolves relative paths from its own file.
        str(Path(workflow.basedir) / "workflow" / "scripts" / "draw_figure.py")
