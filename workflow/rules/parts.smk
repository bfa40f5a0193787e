# The tutorial's parts, declared once in mkdocs.yml (extra.parts): the Snakefile reads
# each part's rule files from there, targets.smk makes a target per part, docs.smk a
# notebook and a PDF per part.
from scratchnet.tutorial_parts import (
    PartDeclarationError,
    check_config_blocks,
    declared_parts,
)

SITE_CONFIG = CHECKOUT / "mkdocs.yml"
try:
    PARTS = declared_parts(SITE_CONFIG)
    check_config_blocks(PARTS, config)
except PartDeclarationError as problem:
    stop(str(problem))

# What a part's target builds beside its table figures (targets.smk), as its rule files
# add it: its figures made outside workflow/figures.yaml (the animations), and its
# numbers (the metrics its pages quote).
PART_ANIMATIONS = {}
PART_OUTPUTS = {}
