"""scratchnet: neural networks written from scratch in numpy, and the figures that teach them.

Subpackages and modules, one job each:

- ``nn``            the layer library: modules, losses, initialisations, SGD, the epoch loop
- ``lines``         part one: the hand-written 9-6-2 network on 3x3 line images
- ``digits``        part two: handwritten digits (bundled or MNIST) trained with ``nn``
- ``plane``         part three: a network in the plane, on four datasets or the reader's points
- ``figures``       one module per figure of every part (drawing only, never training)
- ``explore``       the browser pages' data, exported from saved runs
- ``exercises``     the exercises' checker, each part's exercises and catalogue of mistakes
- ``docsite``       the pages' text pipeline: quoted numbers, MathML, notebooks, PDFs, site
- ``settings``      the pipeline's settings checked and prepared once, before any job runs
- ``config_schema`` the settings read against their schema (types, unknown keys, values)
- ``settings_tables`` the configuration page's tables, from config.yaml and the schema
- ``tutorial_parts`` the tutorial's parts as mkdocs.yml declares them, once
- ``joblog``        what every job does around its work: its log, one-line errors, memory
- ``atomic``        files written whole or not at all
- ``user_errors``   ``InputProblem``: the error a user can fix, logged as one line
- ``user_csv``      a reader's CSV checked row by row: the sentences every part says
- ``reference_mlp`` scikit-learn's ``MLPClassifier`` trained as the library trains
"""

__version__ = "0.1.0"
