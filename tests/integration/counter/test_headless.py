"""The counter's core runs without Qt: a headless caller prints the same vouchers."""

from __future__ import annotations

import subprocess
import sys

from tests.support.processes import child_env

CHECK = """
import sys
from starpos.bootstrap.counter import counter_cards, counter_on, open_counter
from starpos.counter import CounterPrinting, voucher_for
from starpos.counter.cards import CounterCards
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
print(",".join(loaded) or "no Qt")
"""


def test_the_counter_core_imports_no_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "no Qt"
