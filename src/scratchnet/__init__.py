"""scratchnet: a neural network written from scratch in numpy, and the figures that teach it.

Modules, one job each:

- ``datasets``   build the 3x3 line images and read/write them as CSV
- ``network``    the 9-6-2 model: forward pass, loss, gradients, update
- ``training``   full-batch gradient descent that records every iteration
- ``snapshots``  save/load the recorded training history
- ``himmelblau`` the 2-D test function used to picture gradient descent
- ``figures``    one module per tutorial figure (drawing only, never training)
"""

__version__ = "0.1.0"
