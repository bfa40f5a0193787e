"""The benchmarks, run by hand from the repository root as ``python -m bench.<script>``
(bench/README.md lists them); the tests import their yardsticks from here too.

Each measures this checkout's library: its src/ goes first on the path, as pytest's
``pythonpath`` puts it for the tests, whichever copy of scratchnet is installed.
"""

import sys
from pathlib import Path

_SOURCE = str(Path(__file__).resolve().parents[1] / "src")
if _SOURCE not in sys.path:
    sys.path.insert(0, _SOURCE)
