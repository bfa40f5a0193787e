# The settings of the latest build, recorded: results/config.json.
import json


# The whole configuration of the latest build, so every output traces to its settings.
rule record_config:
    output:
        config="results/config.json",
    log:
        "results/logs/record_config.log",
    benchmark:
        "results/benchmarks/record_config.tsv"
    conda:
        CONDA_ENV
    params:
        # As sorted JSON text: the same settings, in any key order, do not rerun it.
        settings=json.dumps(config, sort_keys=True),
    script:
        "../scripts/record_config.py"
