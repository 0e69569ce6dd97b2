"""What every tier shares.

Qt runs offscreen unless a display is given (a missing platform aborts the interpreter).
The fixtures every tier may ask for live in tests/fixtures/, one module per subject, loaded
here as plugins; plain helpers live in tests/support/ and are imported as usual. The
reference files the tests read are in tests/data/ (its README says where each came from).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings

pytest_plugins = (
    "tests.fixtures.data_folder",  # every test's own data folder (autouse)
    "tests.fixtures.command_line",  # run_starpos: the command line in a child process
    "tests.fixtures.store_backends",  # SQLite or a throwaway PostgreSQL server
    "tests.fixtures.demo_store",  # the seeded demo store, copied per test
    "tests.fixtures.cards",  # pcscd, the vpcd readers and virtual cards
    "tests.fixtures.crash_reports",  # a worker's stacks when it dies, printed at the end
    "tests.fixtures.gui_garbage",  # a test's windows collected on the main thread at its end
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests start thousands of `starpos` child processes. With PYTHONDONTWRITEBYTECODE set
# (as it is on the CI machine) each one compiled every module it imports from source: 0.8 s
# of the 2.4 s `starpos --help` took there. The children (and this process's, set here
# before any starts) keep their bytecode in a cache folder outside the source tree instead,
# so the tree stays as clean as the setting meant it to (docs/decisions.md TST-04).
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
    os.environ.setdefault(
        "PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "starpos-test-bytecode")
    )
# python-escpos writes a capabilities cache on import; keep it out of /tmp clutter.
os.environ.setdefault(
    "ESCPOS_CAPABILITIES_PICKLE_DIR", str(Path(__file__).parent / ".escpos-cache")
)

# The suite runs four workers on two cores beside child processes: how long hypothesis takes
# to draw an example, or one example to run, says how loaded the machine is, not whether the
# property holds. Properties are checked in full; only the timing checks are off.
settings.register_profile("starpos", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("starpos")
