# Part three's computing: each run trained (its parameters after every epoch saved) with
# its boundary over the plane, the runs held to scikit-learn's MLPClassifier, the main
# run's units and the animation's frames, the hidden layer's view, and the numbers the
# pages quote. Figures (plane/figures.smk and workflow/figures.yaml) only read these.


# One run on one dataset, and what it answers over the plane's grid.
rule train_plane_run:
    input:
        data="results/plane/data/{dataset}.npz",
        code=PLANE_CODE,
    output:
        run="results/plane/runs/{dataset}/{run}.npz",
        boundary="results/plane/grids/{dataset}/{run}.npz",
    log:
        "results/logs/train_plane_run_{dataset}_{run}.log",
    benchmark:
        "results/benchmarks/train_plane_run_{dataset}_{run}.tsv"
    wildcard_constraints:
        dataset="|".join(PLANE_PLAN.datasets),
        run=r"[a-z_]+|width-\d+",
    conda:
        CONDA_ENV
    params:
        settings=lambda wildcards: PLANE_PLAN.runs[wildcards.dataset][wildcards.run],
        seed=PLANE["seed"],
        grid=PLANE["grid"],
    script:
        "../../scripts/plane/train_plane_run.py"


# The runs beside scikit-learn's MLPClassifier trained with the same settings.
rule compare_plane_runs:
    input:
        data=expand("results/plane/data/{dataset}.npz", dataset=PLANE_PLAN.datasets),
        runs=expand("results/plane/runs/{key}.npz", key=PLANE_PLAN.compared),
        code=PLANE_CODE,
    output:
        comparison="results/plane/comparison.json",
    log:
        "results/logs/compare_plane_runs.log",
    benchmark:
        "results/benchmarks/compare_plane_runs.tsv"
    conda:
        CONDA_ENV
    params:
        compared=PLANE_PLAN.compared,
        seed=PLANE["seed"],
    script:
        "../../scripts/plane/compare_plane_runs.py"


# The main run's units over the plane, and its boundary at each frame of the animation.
rule map_plane_units:
    input:
        data=f"results/plane/data/{PLANE_PLAN.main}.npz",
        run=f"results/plane/runs/{PLANE_PLAN.main}/network.npz",
        code=PLANE_CODE,
    output:
        units=f"results/plane/grids/{PLANE_PLAN.main}/network-units.npz",
        frames=f"results/plane/grids/{PLANE_PLAN.main}/network-frames.npz",
    log:
        "results/logs/map_plane_units.log",
    benchmark:
        "results/benchmarks/map_plane_units.tsv"
    conda:
        CONDA_ENV
    params:
        grid=PLANE["grid"],
        frames=PLANE["frames"],
    script:
        "../../scripts/plane/map_plane_units.py"


# The points as each network's last hidden layer sees them.
rule view_plane_hidden_layer:
    input:
        data="results/plane/data/{dataset}.npz",
        run="results/plane/runs/{dataset}/network.npz",
        code=PLANE_CODE,
    output:
        view="results/plane/hidden/{dataset}.npz",
    log:
        "results/logs/view_plane_hidden_layer_{dataset}.log",
    benchmark:
        "results/benchmarks/view_plane_hidden_layer_{dataset}.tsv"
    wildcard_constraints:
        dataset="|".join(PLANE_PLAN.datasets),
    conda:
        CONDA_ENV
    params:
        grid=PLANE["grid"],
    script:
        "../../scripts/plane/view_plane_hidden_layer.py"


# The part's numbers, as its pages quote them.
rule summarise_plane:
    input:
        data=expand("results/plane/data/{dataset}.npz", dataset=PLANE_PLAN.datasets),
        runs=[
            f"results/plane/runs/{dataset}/{run}.npz"
            for dataset, runs in PLANE_PLAN.runs.items()
            for run in runs
        ],
        comparison="results/plane/comparison.json",
        code=PLANE_CODE,
    output:
        metrics="results/plane/metrics.json",
    log:
        "results/logs/summarise_plane.log",
    benchmark:
        "results/benchmarks/summarise_plane.tsv"
    conda:
        CONDA_ENV
    params:
        runs={dataset: list(runs) for dataset, runs in PLANE_PLAN.runs.items()},
        roles=PLANE_ROLES,
        csv=PLANE["csv"],
    script:
        "../../scripts/plane/summarise_plane.py"


PART_OUTPUTS["plane"] = [rules.summarise_plane.output.metrics]
