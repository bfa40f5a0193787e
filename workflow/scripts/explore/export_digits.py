"""Snakemake script: the draw-a-digit page's data from the saved digit runs."""

from scratchnet.explore.digits import export_digits
from scratchnet.joblog import job_log

with job_log(snakemake.log[0]):
    export_digits(
        train=snakemake.input.train,
        test=snakemake.input.test,
        reference=snakemake.input.reference,
        predictions=snakemake.input.predictions,
        softmax_regression=snakemake.input.softmax_regression,
        test_images=snakemake.params.test_images,
        index_path=snakemake.output.index,
    )
