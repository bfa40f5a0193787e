"""The tutorial's page text pipeline, for the website and the notebooks alike.

run_numbers   numbers quoted from the pipeline's results (a Python-Markdown extension)
mathml        math typeset as MathML (a Python-Markdown extension)
parts         a part of the tutorial as mkdocs.yml declares it: its pages, in nav order
recipe        the recipe format: docs/notebooks/<part>.md, the cells a notebook adds
cells         Markdown as notebook cells: prose fit for Jupyter, fences as code cells
linker        the package's source linked into cells: each definition once, in order
  definitions   one module read with ast: its definitions, imports, named sections
  dependencies  what a definition needs, followed through the package's imports
  order         an order in which definitions run, deterministic through a cycle
notebook      a part's pages and recipe -> one notebook
build         the site's sources put together, and the MkDocs / ProperDocs build
"""
