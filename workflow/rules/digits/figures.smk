# Chapter two's animation, drawn from the saved softmax regression only: redrawing
# never retrains. Its static figures are entries of workflow/figures.yaml.


# The softmax regression's templates sharpening epoch by epoch, beside its curves.
rule render_digits_animation:
    input:
        run="results/digits/runs/softmax_regression.npz",
        code=figure_code("digits", "animation", "templates", "gif_stream", "blitting"),
    output:
        gif=report(
            "figs/digits-anim.gif",
            caption="../../report/digits-anim.rst",
            category="Digits",
            subcategory="Training",
        ),
    log:
        "results/logs/render_digits_animation.log",
    benchmark:
        "results/benchmarks/render_digits_animation.tsv"
    conda:
        CONDA_ENV
    params:
        frame_ms=DIGITS["frame_ms"],
        dpi=config["gif_dpi"],
    script:
        "../../scripts/digits/render_digits_animation.py"


# The same animation as an MP4, for web pages.
use rule encode_training_video as encode_digits_video with:
    input:
        gif="figs/digits-anim.gif",
        code=figure_code("digits", "video"),
    output:
        mp4=report(
            "figs/digits-anim.mp4",
            caption="../../report/digits-anim.rst",
            category="Digits",
            subcategory="Training",
        ),
    log:
        "results/logs/encode_digits_video.log",
    benchmark:
        "results/benchmarks/encode_digits_video.tsv"
    priority: 0
    params:
        frame_ms=DIGITS["frame_ms"],
        frames=PREPARED.digits_animation_frames,


PART_ANIMATIONS["digits"] = [
    rules.render_digits_animation.output.gif,
    rules.encode_digits_video.output.mp4,
]
