"""Chapter two: real handwritten digits, trained with the layer library ``scratchnet.nn``.

idx                  MNIST's IDX files, read and written with checks
data                 the digits (bundled, or MNIST), split by class and standardised
runs                 the chapter's training runs, from the config, with per-epoch snapshots
sklearn_comparison   scikit-learn's MLPClassifier with the same settings, for comparison
init_study           how four initialisations scale a signal through 152 layers
summary              the chapter's numbers, for the website to quote
sweep                one training per point of a hyperparameter grid, and their summary
"""
