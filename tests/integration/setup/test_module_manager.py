"""The secure-module manager's core against the emulator on a pty: KMF preview and load,
credit Add then Decrease then Replace with balances before and after, a decrease below
zero and a replayed block refused, and the expiry warning near a key's last day."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from starpos.devices.sm.errors import (
    SmInsufficientCreditError,
    SmSignatureError,
    SmUpdateSequenceError,
)
from starpos.devices.sm.kmc import development_key, init_kmc, make_credit_block, make_kmf
from starpos.module_admin.credit import preview_credit
from starpos.module_admin.key_standing import Standing
from starpos.module_admin.kmf_preview import Change, preview_kmf
from starpos.module_admin.overview import read_overview
from tests.support.emulator_process import EmulatorProcess


def _kmf(emulator: EmulatorProcess, *keys: Any) -> bytes:
    with emulator.module() as module:
        return _kmf_for(module, emulator.kmc_dir, *keys)


def _kmf_for(module: Any, kmc: Path, *keys: Any) -> bytes:
    identity = module.identify()
    return make_kmf(identity.module_id, identity.public_key_hex, list(keys), kmc)


def test_a_kmf_is_previewed_then_loaded(module_emulator: EmulatorProcess, tmp_path: Path) -> None:
    today = date.today()
    first = _kmf(module_emulator, development_key(1), development_key(2, sgc="654321"))
    with module_emulator.module() as module:
        registry = module.key_registry()
        assert (
            registry.keys == ()
            and registry.kmc_public_key_hex == init_kmc(module_emulator.kmc_dir).upper()
        )
        preview = preview_kmf(first, "10203040", registry, today)
        assert [(c.register, c.change) for c in preview.changes] == [
            (1, Change.NEW),
            (2, Change.NEW),
        ]
        module.load_kmf(first)
        second = _kmf_for(module, module_emulator.kmc_dir, development_key(2, sgc="654321", krn=2))
        preview = preview_kmf(second, "10203040", module.key_registry(), today)
        assert [(c.register, c.change) for c in preview.changes] == [
            (1, Change.KEPT),
            (2, Change.REPLACED),
        ]
        replaced = preview.changes[1]
        assert replaced.before is not None and replaced.before.krn == 1
        assert replaced.after is not None and replaced.after.krn == 2
        # Signed by another KMC: refused by the preview with the module's own words.
        stranger = make_kmf(
            "10203040",
            module.identify().public_key_hex,
            [development_key(3)],
            tmp_path / "other-kmc",
        )
        with pytest.raises(SmSignatureError):
            preview_kmf(stranger, "10203040", module.key_registry(), today)
        with pytest.raises(SmSignatureError):
            module.load_kmf(stranger)  # and the module agrees


def test_credit_add_decrease_replace_and_the_refusals(module_emulator: EmulatorProcess) -> None:
    kmc = module_emulator.kmc_dir
    with module_emulator.module() as module:

        def block(operation: str, kwh: str) -> bytes:
            sequence = module.balance().next_sequence
            return make_credit_block("10203040", sequence, operation, int(Decimal(kwh) * 10), kmc)

        assert module.credit_update(block("add", "1000")).balance == Decimal("1000.0")
        assert module.credit_update(block("decrease", "250.5")).balance == Decimal("749.5")
        replay = block("replace", "5000")
        assert module.credit_update(replay).balance == Decimal("5000.0")
        with pytest.raises(SmUpdateSequenceError):
            module.credit_update(replay)  # the same block again
        too_much = block("decrease", "5000.1")
        registry = module.key_registry()
        with pytest.raises(SmInsufficientCreditError):
            preview_credit(too_much, "10203040", registry.kmc_public_key_hex, module.balance())
        with pytest.raises(SmInsufficientCreditError):
            module.credit_update(too_much)  # and the module agrees
        assert module.balance().balance == Decimal("5000.0")  # unchanged by the refusals
        history = module.credit_updates()
        assert [(r.operation, r.balance_after_tenths) for r in history] == [
            ("add", 10000),
            ("decrease", 7495),
            ("replace", 50000),
        ]


def test_the_overview_warns_ahead_of_a_keys_expiry(module_emulator: EmulatorProcess) -> None:
    today = date.today()
    soon = today + timedelta(days=20)
    kmf = _kmf(module_emulator, development_key(1), development_key(4, issued_until=soon))
    with module_emulator.module() as module:
        module.load_kmf(kmf)
        overview = read_overview(module, today, warn_days=30)
        assert overview.identity.module_id == "10203040" and overview.signed_in
        assert [s.info.register for s in overview.warnings] == [4]
        assert overview.warnings[0].days_left == 20
        assert overview.warnings[0].standing is Standing.DUE
        later = read_overview(module, soon + timedelta(days=1), warn_days=30)
        assert later.warnings[0].standing is Standing.EXPIRED
        calm = read_overview(module, today, warn_days=10)
        assert calm.warnings == []


def test_sm_keys_prints_the_registry_and_the_warning(
    module_emulator: EmulatorProcess, run_starpos: Any
) -> None:
    last_day = date.today() + timedelta(days=100)
    kmf = _kmf(module_emulator, development_key(1, issued_until=last_day))
    with module_emulator.module() as module:
        module.load_kmf(kmf)
    url = module_emulator.url
    calm = run_starpos("sm", "keys", "--url", url, "--json")
    assert calm.returncode == 0, calm.stderr
    document = json.loads(calm.stdout)
    (key,) = document["keys"]
    assert key["sgc"] == "123456" and key["algorithm"] == "STA (EA07)"
    assert key["issued_until"] == last_day.isoformat() and key["standing"] == "good"
    assert "wrapped_key" not in key and document["warnings"] == []
    # The clock moved to 10 days before the key's last day: a warning, exit 3.
    near = (last_day - timedelta(days=10)).isoformat()
    warned = run_starpos("sm", "keys", "--url", url, "--today", near)
    assert warned.returncode == 3, warned.stderr
    assert (
        f"Key in register 1 (SGC 123456, KRN 1) expires on {last_day.isoformat()}: "
        "10 day(s) left." in warned.stdout
    )
    french = run_starpos("sm", "keys", "--url", url, "--today", near, STARPOS_LANG="fr")
    assert "il reste 10 jour(s)" in french.stdout

    # The supply group's next key loaded: register 1 is its old key now (INS-21).
    with module_emulator.module() as module:
        module.load_kmf(_kmf_for(module, module_emulator.kmc_dir, development_key(2, krn=2)))
    listed = run_starpos("sm", "keys", "--url", url)
    assert listed.returncode == 0, listed.stderr
    rows = [line for line in listed.stdout.splitlines() if "123456" in line]
    assert rows[0].startswith("  1  123456    1") and rows[0].endswith("old: KRN 2 is current")
    assert rows[1].startswith("  2  123456    2") and "old" not in rows[1]
    shown = json.loads(run_starpos("sm", "keys", "--url", url, "--json").stdout)
    assert [k["superseded_by"] for k in shown["keys"]] == [2, None]


def test_the_counter_asks_its_module_for_expiring_keys(module_emulator: EmulatorProcess) -> None:
    """The counter's own path (its module link, the configured port, the warning days)."""
    from starpos.bootstrap.counter import counter_on
    from starpos.bootstrap.database import open_database
    from starpos.settings import Settings

    kmf = _kmf(
        module_emulator,
        development_key(1),
        development_key(3, sgc="222222", issued_until=date.today() + timedelta(days=5)),
    )
    with module_emulator.module() as module:
        module.load_kmf(kmf)
    settings = Settings()
    settings.set("sm.url", module_emulator.url)
    settings.set("sm.key_warning_days", 7)
    settings.save()
    _auth, counter = counter_on(open_database(settings), settings)
    try:
        (due,) = counter.key_warnings()
    finally:
        counter.close()
    assert (due.info.register, due.info.sgc, due.days_left) == (3, "222222", 5)


def test_load_kmf_dry_run_and_a_stranger_file_from_the_command_line(
    module_emulator: EmulatorProcess,
    run_starpos: Any,
    tmp_path: Path,
    seeded_store: None,
    logged_in: Any,
) -> None:
    url = module_emulator.url
    good = tmp_path / "good.kmf"
    good.write_bytes(_kmf(module_emulator, development_key(1), development_key(5)))
    dry = run_starpos("sm", "load-kmf", str(good), "--dry-run", "--url", url, "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout) == {
        "module_id": "10203040",
        "registers": {"01": "new", "05": "new"},
    }
    with module_emulator.module() as module:
        assert module.identify().key_count == 0  # a dry run loads nothing
        identity = module.identify()
    stranger = tmp_path / "stranger.kmf"
    stranger.write_bytes(
        make_kmf(identity.module_id, identity.public_key_hex, [development_key(1)], tmp_path / "x")
    )
    logged_in("INST1", "inst-demo")  # loading keys is the installer's recorded action
    refused = run_starpos("sm", "load-kmf", str(stranger), "--url", url)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "(code 44)" in refused.stderr
    assert "Traceback" not in refused.stderr
