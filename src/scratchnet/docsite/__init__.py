"""The tutorial's page text pipeline, for the website, the notebooks and the PDFs alike.

run_numbers   numbers quoted from the pipeline's results (a Python-Markdown extension)
mathml        math typeset as MathML (a Python-Markdown extension)
parts         a part of the tutorial as mkdocs.yml declares it: its pages, in nav order
dialect       a page's Markdown read into its constructs (boxes, fences, figures, prose),
              for the notebook and PDF writers (the site reads it with Python-Markdown)
recipe        the recipe format: docs/notebooks/<part>.md, the cells a notebook adds
jupyter_text  a page's constructs as the Markdown Jupyter renders
cells         a page as notebook cells: Markdown, exercises, fences as code cells
data_cells    a recipe's data directive as a cell: a CSV's rows as a numpy array
linker        the package's source linked into cells: each definition once, in order
  definitions   one module read with ast: its definitions, imports, named sections
  dependencies  what a definition needs, followed through the package's imports
  order         an order in which definitions run, deterministic through a cycle
notebook      a part's pages and recipe -> one notebook
pandoc_text   a page's constructs as pandoc Markdown (admonitions, figures, code)
pdf           a part's pages -> pandoc (pdf_filter.lua) -> Typst (pdf_book.typ) -> PDF
build         the site's sources put together, and the MkDocs / ProperDocs build
"""
