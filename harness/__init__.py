"""What the tests and the benchmarks both need, in one place both import the normal way:
``workflow_copy`` runs the workflow in a temporary copy of the checkout, ``chromium``
starts Debian's headless Chromium as every browser test and benchmark does.

Not part of the ``scratchnet`` package: these drive this checkout (its workflow, its
site), not the library. Importable from the repository root, which pytest puts on the
path (pyproject's ``pythonpath``) and ``python -m bench.<script>`` run from the root has
on it.
"""
