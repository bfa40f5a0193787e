"""scratchnet: neural networks written from scratch in numpy, and the figures that teach them.

Subpackages and modules, one job each:

- ``nn``        the layer library: modules, losses, initialisations, SGD, the epoch loop
- ``lines``     chapter one: the hand-written 9-6-2 network on 3x3 line images
- ``digits``    chapter two: handwritten digits (bundled or MNIST) trained with ``nn``
- ``plane``     chapter three: a network in the plane, on four datasets or the reader's points
- ``figures``   one module per figure of every chapter (drawing only, never training)
- ``docsite``   the website's build: quoted numbers, MathML, the published figures
- ``joblog``, ``atomic``, ``user_errors``   job logs, whole-or-nothing files, fixable errors
- ``user_csv``, ``reference_mlp``   a reader's CSV checked row by row; scikit-learn's
  ``MLPClassifier`` trained as the library trains, the reference both chapters compare with
"""

__version__ = "0.1.0"
