"""The development KMC never lives in the data folder (issue 17 section 1).

Before: ``sm-kmc/kmc-signing.pem`` sat in the data folder, so anyone holding a copy of the
folder (a backup, a synced copy) could mint credit blocks the module accepted. Now it is
made beside the folder (``<data>-dev-kmc``), only for a demo or a test, and the folder
holds no private key of any kind but the module's own state.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from starpos.devices.sm.embedded import stop_embedded
from starpos.devices.sm.kmc import KEY_FILE, KMC_DIR_VARIABLE


def test_the_demo_keeps_its_kmc_beside_the_data_folder_not_in_it(
    run_starpos: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KMC_DIR_VARIABLE, raising=False)
    seeded = run_starpos("demo", "seed", "--customers", "3", "--spare-meters", "0")
    try:
        assert seeded.returncode == 0, seeded.stderr
        beside = data_dir.parent / f"{data_dir.name}-dev-kmc"
        assert (beside / KEY_FILE).is_file()
        signing = (beside / KEY_FILE).read_bytes()
        held = [p for p in data_dir.rglob("*") if p.is_file() and signing in p.read_bytes()]
        assert held == []
        assert list(data_dir.rglob(KEY_FILE)) == []
    finally:
        stop_embedded()  # the demo's embedded module
