# Part three's animation, drawn from the main run's saved frames only: redrawing never
# retrains. Its static figures are entries of workflow/figures.yaml, whose inputs name
# the datasets by their role here (which are the reader's points under plane.csv).

FIGURE_ROLES["plane"] = {
    **PLANE_PLAN.figures,  # each figure's datasets (lists): {data}, {hidden_view}, ...
    **PLANE_ROLES,  # one dataset each: {main}, {capacity}, {depth}
    "capacity_runs": [
        run
        for run in PLANE_PLAN.runs[PLANE_ROLES["capacity"]]
        if run.startswith("width-")
    ],
}


# The boundary forming over the main run's epochs, beside its loss.
rule render_plane_animation:
    input:
        run=f"results/plane/runs/{PLANE_PLAN.main}/network.npz",
        data=f"results/plane/data/{PLANE_PLAN.main}.npz",
        frames=f"results/plane/grids/{PLANE_PLAN.main}/network-frames.npz",
        code=figure_code("plane", "animation", "panels", "blitting", "gif_stream"),
    output:
        gif=report(
            "figs/plane-anim.gif",
            caption="../../report/plane-anim.rst",
            category="Plane",
            subcategory="Training",
        ),
    log:
        "results/logs/render_plane_animation.log",
    benchmark:
        "results/benchmarks/render_plane_animation.tsv"
    conda:
        CONDA_ENV
    params:
        frame_ms=PLANE["frame_ms"],
        dpi=config["gif_dpi"],
    script:
        "../../scripts/plane/render_plane_animation.py"


# The same animation as an MP4, for web pages.
use rule encode_training_video as encode_plane_video with:
    input:
        gif="figs/plane-anim.gif",
        code=figure_code("plane", "video"),
    output:
        mp4=report(
            "figs/plane-anim.mp4",
            caption="../../report/plane-anim.rst",
            category="Plane",
            subcategory="Training",
        ),
    log:
        "results/logs/encode_plane_video.log",
    benchmark:
        "results/benchmarks/encode_plane_video.tsv"
    priority: 0
    params:
        frame_ms=PLANE["frame_ms"],
        frames=PLANE["frames"],


PART_ANIMATIONS["plane"] = [
    rules.render_plane_animation.output.gif,
    rules.encode_plane_video.output.mp4,
]
