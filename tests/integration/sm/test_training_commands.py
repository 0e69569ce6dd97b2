"""Issue 17 §1: device-level commands that make credit outside a sale.

Before: ``starpos sm issue credit`` and ``sm issue management --subclass 5`` made tokens on
any module (its balance dropped by the token's energy) with no ledger row and no audit
entry, for whoever ran them. Now they run only against a training module, for an
authenticated operator with the permission of that kind of token, say TRAINING on every
line, and are audited before the module acts (with the store's head as anchor) and after.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from starpos.bootstrap.database import open_database
from starpos.db.models import AuditEntry
from starpos.devices.sm import kmc
from starpos.devices.sm.driver import SecureModule

PAN = "600727121234567876"


def _provisioned(emulator_factory: Any, *options: str, name: str) -> Any:
    emulator = emulator_factory("--pty", *options, name=name)
    with emulator.module() as module:
        kmc.provision(module, [kmc.development_key(1)], 500, emulator.kmc_dir)
    return emulator


def _key(emulator: Any) -> list[str]:
    return ["--url", emulator.url, "--pan", PAN, "--sgc", "123456"]


def _entries() -> list[tuple[str, dict[str, Any]]]:
    with open_database() as database, database.reading() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.subject.like("training:%")).order_by(AuditEntry.id)
        ).all()
        return [(row.subject, json.loads(row.details)) for row in rows]


def test_a_production_module_makes_no_token_outside_a_sale(
    emulator_factory: Any, run_starpos: Any, seeded_store: None, logged_in: Any
) -> None:
    emulator = _provisioned(emulator_factory, name="production")
    for who, kind in (
        (("ADMIN1", "admin-demo"), ["credit", "--kwh", "12.5"]),
        (("ENG1", "eng-demo"), ["management", "--subclass", "5"]),
    ):
        logged_in(*who)
        refused = run_starpos("sm", "issue", *kind, *_key(emulator))
        assert refused.returncode == 2
        lines = refused.stderr.strip().splitlines()
        assert len(lines) == 1 and "is a production module" in lines[0], refused.stderr
    with SecureModule(emulator.url) as module:
        counters = module.counters()
    assert (counters.credit_tokens, counters.management_tokens) == (0, 0)
    assert counters.balance_tenths == 500
    assert _entries() == []


def test_without_credentials_or_permission_nothing_is_made(
    emulator_factory: Any, run_starpos: Any, seeded_store: None, logged_in: Any
) -> None:
    emulator = _provisioned(emulator_factory, "--training", name="training")
    nobody = run_starpos("sm", "issue", "credit", *_key(emulator), "--kwh", "1")
    assert nobody.returncode == 2 and "No operator is logged in" in nobody.stderr
    logged_in()  # a cashier may sell, not make free credit
    cashier = run_starpos("sm", "issue", "credit", *_key(emulator), "--kwh", "1")
    assert cashier.returncode == 2
    assert "does not have the permission free_credit_tokens" in cashier.stderr
    with SecureModule(emulator.url) as module:
        assert module.counters().credit_tokens == 0


def test_a_training_module_makes_them_on_the_record_and_says_so(
    emulator_factory: Any, run_starpos: Any, seeded_store: None, logged_in: Any
) -> None:
    emulator = _provisioned(emulator_factory, "--training", name="training")
    logged_in("ADMIN1", "admin-demo")
    credit = run_starpos("sm", "issue", "credit", *_key(emulator), "--kwh", "12.5", "--tid", "7")
    assert credit.returncode == 0, credit.stderr
    lines = credit.stdout.strip().splitlines()
    assert lines and all(line.startswith("TRAINING  ") for line in lines)
    token = lines[0].removeprefix("TRAINING  ").replace(" ", "")

    logged_in("ENG1", "eng-demo")  # management tokens: the engineer's right
    tamper = run_starpos(
        "sm", "issue", "management", *_key(emulator), "--subclass", "5", "--tid", "8", "--json"
    )
    assert tamper.returncode == 0, tamper.stderr
    assert json.loads(tamper.stdout)["training"] is True

    entries = _entries()
    steps = [(details["step"], details.get("command")) for _, details in entries]
    assert steps == [
        ("requested", "sm issue credit"),
        ("made", None),
        ("requested", "sm issue management"),
        ("made", None),
    ]
    requested, made = entries[0][1], entries[1][1]
    assert requested["pan"] == PAN and requested["tid"] == 7
    assert requested["energy_kwh"] == "12.5" and requested["training"] is True
    assert made["tokens"] == [token]
    with SecureModule(emulator.url) as module:
        anchor = module.audit_anchor()
        assert module.counters().credit_tokens == 1
    # The module journalled the store's head with what it made.
    assert anchor is not None and anchor.entry_count > 0


def test_card_credit_on_a_production_installation_writes_nothing(
    run_starpos: Any, seeded_store: None, logged_in: Any
) -> None:
    """``starpos card credit`` wrote card credit for anyone; now its module must be a training
    one: on a production installation it is refused before any reader is asked."""
    from starpos.devices.sm.embedded import ensure_embedded, stop_embedded
    from tests.support.data_files import SAMPLE_TABLES

    ensure_embedded(str(SAMPLE_TABLES), training=False)
    try:
        logged_in("ADMIN1", "admin-demo")  # allowed free credit, but not on this module
        refused = run_starpos("card", "credit", "--meter", "47100000018", "--kwh", "5")
    finally:
        stop_embedded()
    lines = refused.stderr.strip().splitlines()
    assert refused.returncode == 2
    assert len(lines) == 1 and "is a production module" in lines[0], refused.stderr
    assert _entries() == []
