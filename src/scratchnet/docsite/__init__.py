"""Build-time pieces of the tutorial's MkDocs site (``mkdocs.yml`` loads ``hooks.py``):
numbers quoted from the pipeline's results, math typeset as MathML, figures from figs/."""
