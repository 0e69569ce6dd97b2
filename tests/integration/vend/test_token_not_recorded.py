"""The store's disk fills up between the module's token and its commit (issue 17, section 5).

Before: the cashier read "the secure module's answer was lost", which blamed the module for
a token it had made. Now the message says what happened (the token was made, the store could
not record it, it will be recovered at the next start) and recovery books that very token
once the disk has room again. The store lives on a small tmpfs that the test fills for real.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import VendState
from starpos.settings import Settings
from starpos.vending import VendRequest, crash_points, errors, recover, sell
from tests.integration.vend.vend_world import sellable_meters, start_module, use_module, vend_rows


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"a small tmpfs cannot be mounted here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle:
        for size in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    handle.write(b"\0" * size)
    return filler


def test_a_full_disk_at_the_token_commit_says_the_token_was_made(
    small_disk: Path, tmp_path: Path, seeded_database_file: Path, tables_path: Path
) -> None:
    store = small_disk / "starpos.db"
    shutil.copy(seeded_database_file, store)
    settings = Settings()
    settings.set("database.url", f"sqlite:///{store}")
    settings.save()
    emulator = start_module(tmp_path, tables_path)
    filler: list[Path] = []

    def fill_at_module_answer(step: str) -> None:
        if step == crash_points.AFTER_MODULE:
            filler.append(fill(small_disk))

    try:
        use_module(emulator.url)
        with open_database() as database, open_configured_module() as access:
            meter = sellable_meters(database)[0]
            crash_points.install_hook(fill_at_module_answer)
            try:
                with pytest.raises(errors.TokenNotRecordedError) as caught:
                    sell(database, access, VendRequest(meter.number, Decimal("40"), "CASH1"))
            finally:
                crash_points.install_hook(None)
            message = str(caught.value)
            assert "the secure module made the token" in message
            assert "could not record it" in message and "recovered at the next start" in message
            assert "answer was lost" not in message
            (row,) = vend_rows(database)
            assert row["state"] is VendState.PENDING and row["bill"] in message

            filler[0].unlink()  # the disk has room again; the next start recovers
            with access.exclusive() as module:
                report = recover(database, module)
            (row,) = vend_rows(database)
            assert report.recovered == [row["bill"]]
            assert row["state"] is VendState.ISSUED and len(row["tokens"]) == 1
            made = [e["token"] for e in emulator.events() if e["event"] == "credit_token"]
            assert row["tokens"] == made  # that very token, once
    finally:
        emulator.stop()
