"""Exports for the site's two browser pages (docs/explore/): read saved runs, write the
small files the pages load. Like a figure module, nothing here trains or draws.

- ``pack``: arrays as one little-endian binary file plus a JSON index of their places.
- ``colours``: matplotlib's colour tables and the figures' colours, so page and GIF agree.
- ``replay``: the 9-6-2 network's runs (parameters at every iteration) and its training
  images, in float64, for the trainer of docs/explore/replay.md.
- ``digits``: the trained digit models and some test images, for docs/explore/draw-digit.md.
"""
