"""The emulator on a full disk (a 64 kB tmpfs): it never serves a state it could not save.

Before the fix, a token the journal could not hold was still answered and its balance kept
in memory; after a power cut the module had reverted, so a vend recovered from that answer
stayed ISSUED while the module no longer charged for it (issue 17, section 5).
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.devices.sm import kmc
from starpos.devices.sm.errors import SmNotSavedError
from starpos.devices.sm.messages import MeterKeyRef
from tests.support.data_files import SAMPLE_TABLES
from tests.support.emulator_process import EmulatorProcess

KEY = MeterKeyRef("600727121234567876", 1, "123456", 1, 1, 255)
TID = 6_000_000


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"a small tmpfs cannot be mounted here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill(disk: Path) -> Path:
    """Write a file until the disk refuses another byte."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle:
        for size in (4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    handle.write(b"\0" * size)
    return filler


def test_a_full_disk_refuses_the_token_and_a_power_cut_changes_nothing(
    small_disk: Path, tmp_path: Path
) -> None:
    tables = SAMPLE_TABLES
    emulator = EmulatorProcess(small_disk / "module", tmp_path / "kmc", tables, "--pty")
    emulator.start("--pty", "--module-id", "10203040")
    try:
        with emulator.module() as module:
            kmc.provision(module, [kmc.development_key(1)], 1000, emulator.kmc_dir)
            filler = fill(small_disk)
            # The journal's last page may still hold a line or two; then the disk is full.
            made = []
            with pytest.raises(SmNotSavedError):
                for tid in range(TID, TID + 20):
                    made.append(module.issue_credit_token(KEY, 0, tid, 100))
            refused_tid = TID + len(made)
            balance = Decimal("100.0") - 10 * len(made)
            # What it serves now is what it saved: the balance and the last answer.
            assert module.balance().balance == balance
            assert module.counters().credit_tokens == len(made)
            last = module.resend_last()
            assert last.issued_token == (made[-1] if made else None)
        emulator.kill()  # the power is cut while the disk is still full
        filler.unlink()
        emulator.start("--pty")
        with emulator.module() as module:
            assert module.balance().balance == balance
            assert module.resend_last().request_digest == last.request_digest
            again = module.issue_credit_token(KEY, 0, refused_tid, 100)
            assert module.balance().balance == balance - 10
            counters = module.counters()
        assert (counters.credit_tokens, counters.issued_tenths) == (
            len(made) + 1,
            100 + 100 * len(made),
        )
        assert counters.consistent
        tokens = [e["token"] for e in emulator.events() if e["event"] == "credit_token"]
        logged = [t.token for t in made] + [again.token]
        # Logged once each, after the commit; lines the full disk refused are simply missing.
        assert tokens[-1] == again.token and set(tokens) <= set(logged)
    finally:
        emulator.stop()
