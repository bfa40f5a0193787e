# The tutorial's three datasets as CSV files, one row per 3x3 image.

# Part one's code, as its jobs' inputs.
LINES_CODE = PART_CODE["lines"] = package_code("lines")


# The 24 fixed training images (12 vertical lines, 12 horizontal), or the user's CSV.
rule make_training_set:
    input:
        code=LINES_CODE,
        user=user_csv("train_csv"),
    output:
        csv="results/data/train.csv",
    log:
        "results/logs/make_training_set.log",
    benchmark:
        "results/benchmarks/make_training_set.tsv"
    priority: ANIMATION_PRIORITY
    conda:
        CONDA_ENV
    script:
        "../../scripts/lines/make_training_set.py"


# Validation set 1: each full line with one dimmed pixel, or the user's CSV.
rule make_validation_set_1:
    input:
        code=LINES_CODE,
        user=user_csv("valid_1_csv"),
    output:
        csv="results/data/valid-1.csv",
    log:
        "results/logs/make_validation_set_1.log",
    benchmark:
        "results/benchmarks/make_validation_set_1.tsv"
    conda:
        CONDA_ENV
    params:
        dim_pixel=config["dim_pixel"],
    script:
        "../../scripts/lines/make_validation_set_1.py"


# Validation set 2: the training images with seeded Gaussian noise, or the user's CSV.
rule make_validation_set_2:
    input:
        code=LINES_CODE,
        train="results/data/train.csv",
        user=user_csv("valid_2_csv"),
    output:
        csv="results/data/valid-2.csv",
    log:
        "results/logs/make_validation_set_2.log",
    benchmark:
        "results/benchmarks/make_validation_set_2.tsv"
    conda:
        CONDA_ENV
    params:
        noise_sd=config["noise_sd"],
        seed=config["seed"],
    script:
        "../../scripts/lines/make_validation_set_2.py"
