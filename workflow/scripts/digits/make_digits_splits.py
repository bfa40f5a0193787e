"""Snakemake script: split and standardise the digits once, for every run and figure."""

from scratchnet.digits.data import SPLITS, make_splits, save_split
from scratchnet.joblog import job_log, print_progress

with job_log(snakemake.log[0]):
    params = snakemake.params
    splits = make_splits(
        params.mnist_dir,
        valid_fraction=params.valid_fraction,
        test_fraction=params.test_fraction,
        seed=params.seed,
    )
    for name in SPLITS:
        save_split(splits[name], snakemake.output[name])
        side = splits[name].side
        print_progress(f"{name}: {len(splits[name].labels)} images of {side}x{side} pixels")
