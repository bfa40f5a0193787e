# Chapter one's animation, drawn from the datasets and the saved training history only:
# redrawing never retrains. Its static figures are entries of workflow/figures.yaml.

# The animation's frames (every snapshot_every-th iteration, and the last) and the parts
# separate jobs render (config.smk prepares them: scratchnet.figures.frames).
LINES_ANIMATION = PREPARED.lines_animation


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
    params:
        iterations=lambda wildcards: LINES_ANIMATION.parts[int(wildcards.chunk)],
        palette=LINES_ANIMATION.palette,
        before=lambda wildcards: LINES_ANIMATION.before(int(wildcards.chunk)),
        frame_ms=config["frame_ms"],
        dpi=config["gif_dpi"],
    script:
        "../../scripts/lines/render_animation_part.py"


# The training animation: its parts joined in order into one looping GIF.
rule assemble_training_animation:
    input:
        parts=expand(
            "results/animation/part-{chunk}.gif",
            chunk=range(len(LINES_ANIMATION.parts)),
        ),
        code=figure_code("lines", "gif_stream"),
    output:
        gif=report(
            "figs/train-anim.gif",
            caption="../../report/train-anim.rst",
            category="Lines",
            subcategory="Training",
        ),
    log:
        "results/logs/assemble_training_animation.log",
    benchmark:
        "results/benchmarks/assemble_training_animation.tsv"
    priority: ANIMATION_PRIORITY
    conda:
        CONDA_ENV
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
            category="Lines",
            subcategory="Training",
        ),
    log:
        "results/logs/encode_training_video.log",
    benchmark:
        "results/benchmarks/encode_training_video.tsv"
    priority: ANIMATION_PRIORITY
    conda:
        CONDA_ENV
    params:
        frame_ms=config["frame_ms"],
        frames=len(LINES_ANIMATION.shown),
    script:
        "../../scripts/lines/encode_training_video.py"


PART_ANIMATIONS["lines"] = [
    rules.assemble_training_animation.output.gif,
    rules.encode_training_video.output.mp4,
]
