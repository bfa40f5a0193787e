"""scratchnet: neural networks written from scratch in numpy, and the figures that teach them.

Subpackages and modules, one job each:

- ``nn``        the layer library: modules, losses, initialisations, SGD, the epoch loop
- ``lines``     chapter one: the hand-written 9-6-2 network on 3x3 line images
- ``digits``    chapter two: handwritten digits (bundled or MNIST) trained with ``nn``
- ``figures``   one module per figure of both chapters (drawing only, never training)
- ``docsite``   the website's build: quoted numbers, MathML, the published figures
- ``joblog``, ``atomic``, ``user_errors``   job logs, whole-or-nothing files, fixable errors
"""

__version__ = "0.1.0"
