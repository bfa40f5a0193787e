"""Chapter two's figures, one module each: ``draw(...)`` makes the figure from arrays,
``from_files(inputs, params)`` reads the saved results a figure rule names and draws.
None of them trains."""
