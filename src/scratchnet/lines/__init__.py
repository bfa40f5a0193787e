"""Chapter one: the 9-6-2 network that tells vertical from horizontal 3x3 lines, written
by hand in numpy (independent of the layer library in ``scratchnet.nn``)."""
