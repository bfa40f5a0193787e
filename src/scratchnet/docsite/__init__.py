"""The tutorial's page text pipeline, for the website and the notebooks alike.

run_numbers  numbers quoted from the pipeline's results (a Python-Markdown extension)
mathml       math typeset as MathML (a Python-Markdown extension)
code         the package's source as notebook cells: named sections and what they need
notebook     a part's pages -> one notebook
build        the site's sources put together, and the MkDocs / ProperDocs build
"""
