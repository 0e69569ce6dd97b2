"""``starpos sm ...`` as a person runs it, and the embedded emulator the app starts."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.embedded import ensure_embedded, running_endpoint, stop_embedded
from tests.support.data_files import SAMPLE_TABLES

#: The demo's installer (permission installer_settings), who may credit the module.
INSTALLER = ("--operator", "INST1", "--password-stdin")
INSTALLER_PASSWORD = "inst-demo\n"


def test_info_balance_and_credit_from_the_command_line(
    emulator: Any, run_starpos: Any, tmp_path: Path, seeded_store: None
) -> None:
    kmc = ["sm", "kmc", "--kmc", str(emulator.kmc_dir)]
    info = run_starpos("sm", "info", "--url", emulator.url, "--json")
    assert info.returncode == 0, info.stderr
    identity = json.loads(info.stdout)
    assert identity["module_id"] == "10203040" and identity["keys"] == 0

    balance = json.loads(run_starpos("sm", "balance", "--url", emulator.url, "--json").stdout)
    block = tmp_path / "credit.smc"
    made = run_starpos(
        *kmc, "credit-block", "--module-id", identity["module_id"],
        "--sequence", str(balance["next_sequence"]), "--kwh", "1500.5", "--out", str(block),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    credit = ("sm", "credit", str(block), "--url", emulator.url, *INSTALLER)
    credited = run_starpos(*credit, "--json", input=INSTALLER_PASSWORD)
    assert credited.returncode == 0, credited.stderr
    applied = json.loads(credited.stdout)
    assert (applied["sequence"], applied["balance_kwh"], applied["amount_kwh"]) == (
        1, "1500.5", "1500.5",
    )  # fmt: skip
    assert (applied["operation"], applied["balance_before_kwh"]) == ("add", "0.0")
    assert applied["reconcile"]["agrees"] is True

    replayed = run_starpos(*credit, input=INSTALLER_PASSWORD)
    assert replayed.returncode == 2
    assert "sequence number (code 34)" in replayed.stderr
    assert "Traceback" not in replayed.stderr
    french = run_starpos(*credit, input=INSTALLER_PASSWORD, STARPOS_LANG="fr")
    assert "numéro de séquence (code 34)" in french.stderr

    nobody = run_starpos("sm", "credit", str(block), "--url", emulator.url)
    assert nobody.returncode == 2 and nobody.stderr.count("\n") == 1  # no operator: refused

    text = run_starpos("sm", "balance", "--url", emulator.url)
    assert "Balance (kWh): 1500.5" in text.stdout


def test_a_kmf_made_and_loaded_from_the_command_line(
    emulator: Any, run_starpos: Any, tmp_path: Path, seeded_store: None, logged_in: Any
) -> None:
    logged_in("INST1", "inst-demo")
    identity = json.loads(run_starpos("sm", "info", "--url", emulator.url, "--json").stdout)
    specs = tmp_path / "keys.json"
    specs.write_text(json.dumps([{"register": 1, "sgc": "123456", "krn": 1}]))
    kmf = tmp_path / "module.kmf"
    made = run_starpos(
        "sm", "kmc", "--kmc", str(emulator.kmc_dir), "make-kmf",
        "--module-id", identity["module_id"], "--module-key", identity["public_key"],
        "--keys", str(specs), "--out", str(kmf),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    loaded = run_starpos("sm", "load-kmf", str(kmf), "--url", emulator.url, "--json")
    assert json.loads(loaded.stdout)["keys_loaded"] == 1
    assert json.loads(loaded.stdout)["registers"] == {"01": "new"}
    # A key-moving action is on the record (DESIGN.md rule 7), the installer named, and the
    # module journalled the store's head with it (issue 17 section 4).
    entries = _key_loads()
    assert [(who, details["step"]) for who, details in entries] == [
        ("INST1", "requested"), ("INST1", "loaded"),
    ]  # fmt: skip
    assert entries[1][1]["keys_loaded"] == 1 and entries[1][1]["registers"] == {"01": "new"}
    with SecureModule(emulator.url) as module:
        anchor = module.audit_anchor()
    assert anchor is not None and anchor.entry_count > 0


def _key_loads() -> list[tuple[str | None, dict[str, Any]]]:
    from sqlalchemy import select

    from starpos.bootstrap.database import open_database
    from starpos.db.models import AuditEntry

    with open_database() as database, database.reading() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.kind == "key_action").order_by(AuditEntry.id)
        ).all()
        found = [(row.operator_code, json.loads(row.details)) for row in rows]
    return [(who, details) for who, details in found if details.get("action") == "kmf_load"]


def test_errors_are_one_translated_line(run_starpos: Any, tmp_path: Path) -> None:
    missing = run_starpos("sm", "balance", "--url", str(tmp_path / "ttyNONE"))
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "cannot be opened" in missing.stderr
    bad_file = run_starpos("sm", "load-kmf", str(tmp_path / "none.kmf"), "--url", "loop://")
    assert bad_file.returncode == 2 and "key file" in bad_file.stderr


def test_the_embedded_emulator_is_started_once_and_reused(data_dir: Path) -> None:
    tables = str(SAMPLE_TABLES)
    url = ensure_embedded(tables)
    try:
        assert url.startswith("socket://127.0.0.1:")
        assert ensure_embedded(tables) == url  # reused while alive
        first = running_endpoint()
        assert first is not None
        with SecureModule(url) as module:
            assert module.balance().sequence == 0
        assert (data_dir / "sm-emulator" / "module.journal").exists()
    finally:
        assert stop_embedded()
    assert running_endpoint() is None
    assert os.environ["STARPOS_DATA_DIR"] == str(data_dir)


def test_issue_and_verify_from_the_command_line(
    emulator_factory: Any, run_starpos: Any, seeded_store: None, logged_in: Any
) -> None:
    from starpos.devices.sm import kmc

    emulator = emulator_factory("--pty", "--training")
    with emulator.module() as module:
        kmc.provision(module, [kmc.development_key(1)], 500, emulator.kmc_dir)
    logged_in("ADMIN1", "admin-demo")  # free credit is an administrator's right in the demo
    key = ["--url", emulator.url, "--pan", "600727121234567876", "--sgc", "123456"]
    issued = run_starpos("sm", "issue", "credit", *key, "--kwh", "12.5", "--json")
    assert issued.returncode == 0, issued.stderr
    made = json.loads(issued.stdout)
    assert made["training"] is True
    (token,) = made["tokens"]
    verified = run_starpos("sm", "verify", token, *key, "--json")
    decoded = json.loads(verified.stdout)
    assert (decoded["class"], decoded["amount"]) == (0, "12.5")
    balance = json.loads(run_starpos("sm", "balance", "--url", emulator.url, "--json").stdout)
    assert balance["balance_kwh"] == "37.5"
    wrong = run_starpos("sm", "issue", "credit", *key, "--kwh", "1.25")
    assert wrong.returncode == 2 and "1.25" in wrong.stderr


def test_the_embedded_module_is_paired_and_its_kmc_is_outside_the_data_folder(
    data_dir: Path,
) -> None:
    import stat

    from starpos.devices.sm.kmc import KEY_FILE, default_kmc_dir
    from starpos.devices.sm.session import installation_credential

    url = ensure_embedded(str(SAMPLE_TABLES))
    try:
        credential_file = data_dir / "sm-credential.key"
        assert stat.S_IMODE(credential_file.stat().st_mode) == 0o600
        kmc_dir = default_kmc_dir()
        assert (kmc_dir / KEY_FILE).exists() and not kmc_dir.is_relative_to(data_dir)
        assert not any(path.name == KEY_FILE for path in data_dir.rglob("*"))
        with SecureModule(url, credential=installation_credential()) as module:
            assert module.signed_in
            assert module.identify().training is False  # training is asked for explicitly
    finally:
        stop_embedded()
