"""Part three: a network in the plane, trained with the layer library ``scratchnet.nn``.

plan               the datasets, the runs on each and the figures' datasets, from settings
seeding            one generator per purpose, from ``plane.seed`` and words
csv_points         the reader's points file, read and checked row by row
datasets           moons, circles, XOR, spiral (or the reader's points), standardised
runs               the part's training runs, from the config, with per-epoch snapshots
sklearn_comparison scikit-learn's MLPClassifier with a run's settings, for comparison
grids              the plane as a grid of points, and each unit's response on it
hidden_view        the points as the last hidden layer sees them
summary            the part's numbers, for the website to quote
"""
