# Chapter one's figures, drawn from the datasets and the saved training history only:
# redrawing never retrains. Each static figure inherits the skeleton of
# workflow/rules/figures.smk and lists its drawing code as input, so editing one
# figure's module redraws that figure alone.


# The 24 training images on a 3x8 grid.
use rule draw_figure as plot_training_set with:
    input:
        train="results/data/train.csv",
        code=figure_code("lines", "training_set", "image_grid"),
    output:
        png=report(
            "figs/training-set.png",
            caption="../../report/training-set.rst",
            category="Data",
        ),
    log:
        "results/logs/plot_training_set.log",
    benchmark:
        "results/benchmarks/plot_training_set.tsv"
    params:
        module="lines.training_set",


# The input matrix x0 (9 pixels x 24 examples).
use rule draw_figure as plot_input_matrix with:
    input:
        train="results/data/train.csv",
        code=figure_code("lines", "input_matrix"),
    output:
        png=report("figs/x0.png", caption="../../report/x0.rst", category="Data"),
    log:
        "results/logs/plot_input_matrix.log",
    benchmark:
        "results/benchmarks/plot_input_matrix.tsv"
    params:
        module="lines.input_matrix",


# The labels y as a strip of class colours.
use rule draw_figure as plot_labels with:
    input:
        train="results/data/train.csv",
        code=figure_code("lines", "labels"),
    output:
        png=report("figs/y.png", caption="../../report/y.rst", category="Data"),
    log:
        "results/logs/plot_labels.log",
    benchmark:
        "results/benchmarks/plot_labels.tsv"
    params:
        module="lines.labels",


# The one-hot label matrix Y.
use rule draw_figure as plot_one_hot_labels with:
    input:
        train="results/data/train.csv",
        code=figure_code("lines", "one_hot"),
    output:
        png=report("figs/y_enc.png", caption="../../report/y_enc.rst", category="Data"),
    log:
        "results/logs/plot_one_hot_labels.log",
    benchmark:
        "results/benchmarks/plot_one_hot_labels.tsv"
    params:
        module="lines.one_hot",


# W1, b1, W2, b2 at initialisation (iteration 0 of the history).
use rule draw_figure as plot_initial_params with:
    input:
        history="results/training/history.npz",
        code=figure_code("lines", "initial_params"),
    output:
        png=report(
            "figs/mat-init.png",
            caption="../../report/mat-init.rst",
            category="Network",
        ),
    log:
        "results/logs/plot_initial_params.log",
    benchmark:
        "results/benchmarks/plot_initial_params.tsv"
    params:
        module="lines.initial_params",


# Gradient descent on Himmelblau's function, in 3-D and as a contour map.
use rule draw_figure as plot_himmelblau with:
    input:
        code=figure_code("lines", "himmelblau_descent"),
    output:
        png=report(
            "figs/himmelblau-gradient.png",
            caption="../../report/himmelblau-gradient.rst",
            category="Gradient descent",
        ),
    log:
        "results/logs/plot_himmelblau.log",
    benchmark:
        "results/benchmarks/plot_himmelblau.tsv"
    params:
        module="lines.himmelblau_descent",
        start=config["himmelblau"]["start"],
        step_size=config["himmelblau"]["step_size"],
        steps=config["himmelblau"]["steps"],


# Loss and accuracy per iteration, first full accuracy marked.
use rule draw_figure as plot_training_curves with:
    input:
        history="results/training/history.npz",
        code=figure_code("lines", "training_curves"),
    output:
        png=report(
            "figs/training-curves.png",
            caption="../../report/training-curves.rst",
            category="Training",
        ),
    log:
        "results/logs/plot_training_curves.log",
    benchmark:
        "results/benchmarks/plot_training_curves.tsv"
    params:
        module="lines.training_curves",


# The network diagram, drawn from the layer sizes (vector output: dpi only sizes the page).
use rule draw_figure as draw_network_diagram with:
    input:
        code=figure_code("lines", "network_diagram"),
    output:
        svg=report("figs/nn.svg", caption="../../report/nn.rst", category="Network"),
    log:
        "results/logs/draw_network_diagram.log",
    benchmark:
        "results/benchmarks/draw_network_diagram.tsv"
    params:
        module="lines.network_diagram",
        hidden=config["hidden"],
        dpi=72,


# A validation set with the trained network's predictions, wrong ones marked.
use rule draw_figure as plot_validation_set with:
    input:
        dataset="results/data/valid-{n}.csv",
        predictions="results/predictions/valid-{n}.csv",
        code=figure_code("lines", "validation_set", "image_grid"),
    output:
        png=report(
            "figs/valid-set{n}.png",
            caption="../../report/valid-set.rst",
            category="Validation",
        ),
    log:
        "results/logs/plot_validation_set_{n}.log",
    benchmark:
        "results/benchmarks/plot_validation_set_{n}.tsv"
    wildcard_constraints:
        n="1|2",
    params:
        module="lines.validation_set",


# One part of the animation, a run of consecutive frames: parts render in parallel.
rule render_animation_part:
    input:
        history="results/training/history.npz",
        train="results/data/train.csv",
        code=figure_code("lines", "training_animation", "gif_stream", "training_curves"),
    output:
        part="results/animation/part-{chunk}.gif",
    log:
        "results/logs/render_animation_part_{chunk}.log",
    benchmark:
        "results/benchmarks/render_animation_part_{chunk}.tsv"
    wildcard_constraints:
        chunk=r"\d+",
    priority: ANIMATION_PRIORITY
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        chunks=N_CHUNKS,
        every=config["snapshot_every"],
        frame_ms=config["frame_ms"],
        dpi=config["gif_dpi"],
    script:
        "../../scripts/lines/render_animation_part.py"


# The training animation: its parts joined in order into one looping GIF.
rule assemble_training_animation:
    input:
        parts=expand("results/animation/part-{chunk}.gif", chunk=range(N_CHUNKS)),
        code=figure_code("lines", "gif_stream"),
    output:
        gif=report(
            "figs/train-anim.gif",
            caption="../../report/train-anim.rst",
            category="Training",
        ),
    log:
        "results/logs/assemble_training_animation.log",
    benchmark:
        "results/benchmarks/assemble_training_animation.tsv"
    priority: ANIMATION_PRIORITY
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    script:
        "../../scripts/lines/assemble_training_animation.py"


# The same animation as an MP4, far smaller than the GIF, for web pages.
rule encode_training_video:
    input:
        gif="figs/train-anim.gif",
        code=figure_code("lines", "video"),
    output:
        mp4=report(
            "figs/train-anim.mp4",
            caption="../../report/train-anim.rst",
            category="Training",
        ),
    log:
        "results/logs/encode_training_video.log",
    benchmark:
        "results/benchmarks/encode_training_video.tsv"
    priority: ANIMATION_PRIORITY
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=500,
        runtime=10,
    params:
        frame_ms=config["frame_ms"],
        frames=N_FRAMES,
    script:
        "../../scripts/lines/encode_training_video.py"
