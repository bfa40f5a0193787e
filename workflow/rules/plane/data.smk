# Part three's data: the four datasets and the noisier moons, or the reader's points
# (plane.csv), each split into training and validation and standardised.

# Part three's settings (config/config.yaml, `plane:`) and what config.smk prepared from
# them: its datasets, the runs on each, each figure's datasets.
PLANE = config["plane"]
PLANE_PLAN = PREPARED.plane
# Its code: the layer library, the part's own modules, and part two's stratified split
# (its module alone: part two's training code is none of part three's).
PLANE_CODE = PART_CODE["plane"] = package_code("nn", "plane") + [
    PACKAGE / "digits" / module for module in ("__init__.py", "data.py", "idx.py")
]
# The datasets by the role they play in the figures and the pages (the reader's points
# play every role): the main run's, the capacity runs' and the depth runs'.
PLANE_ROLES = PLANE_PLAN.roles


# Every dataset in one job (scikit-learn, which draws two of them, is slow to import),
# and each role's points as a table, which the notebook holds as a cell: named by role,
# so the notebook's recipe names the same files whichever data the run is on.
rule make_plane_data:
    input:
        user=[] if PLANE["csv"] is None else [PLANE["csv"]],
        code=PLANE_CODE,
    output:
        data=expand("results/plane/data/{dataset}.npz", dataset=PLANE_PLAN.datasets),
        points=expand("results/plane/points/{role}.csv", role=PLANE_ROLES),
    log:
        "results/logs/make_plane_data.log",
    benchmark:
        "results/benchmarks/make_plane_data.tsv"
    conda:
        CONDA_ENV
    params:
        datasets={
            dataset: PLANE["datasets"].get(dataset) for dataset in PLANE_PLAN.datasets
        },
        csv=PLANE["csv"],
        roles=PLANE_ROLES,
        valid_fraction=PLANE["valid_fraction"],
        seed=PLANE["seed"],
    script:
        "../../scripts/plane/make_plane_data.py"
