"""Reconcile over the module's whole life, and the store the module serves (issue 17, sections
2 and 3), through the real driver and a module emulator on a pty.

Before: reconcile compared only within one credit update sequence, so a token made outside
the ledger showed until the next top-up and was gone for good after it; with no vends it
said ``expected_balance_kwh: null`` and agreed; a credit update was written nowhere; an
empty store sold through a module that had served another one.
"""

from __future__ import annotations

import json
import signal
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import CreditUpdateState
from starpos.db.models import AuditEntry, ModuleBinding, ModuleCreditUpdate
from starpos.demo.seed import seed_demo
from starpos.devices.sm import kmc
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.messages import MeterKeyRef
from starpos.operators.errors import PermissionDeniedError
from starpos.operators.login import login
from starpos.testing.kill_switch import ENVIRONMENT_VARIABLE
from starpos.vending import VendRequest, errors, sell
from starpos.vending.crash_points import CREDIT_AFTER_MODULE, CREDIT_AFTER_PENDING
from starpos.vending.module_access import ModuleAccess
from starpos.vending.module_credit import credit_module
from starpos.vending.reconcile import ReconcileReport
from starpos.vending.reconcile_audit import reconcile_and_record
from starpos.vending.store_binding import store_id
from tests.integration.vend.test_vend_kills import starpos
from tests.integration.vend.vend_world import (
    MODULE_ID,
    START_CREDIT_TENTHS,
    DemoMeter,
    World,
    demo_keys,
)
from tests.support.processes import REPO_ROOT, child_env, starpos_command

START = Decimal(START_CREDIT_TENTHS) * Decimal("0.1")


@pytest.fixture
def access(world: World) -> Iterator[ModuleAccess]:
    with open_configured_module() as opened:
        yield opened


def sell_one(world: World, access: ModuleAccess, meter: DemoMeter, net: str = "40") -> str:
    return sell(world.database, access, VendRequest(meter.number, Decimal(net), "CASH1")).token


def key_of(meter: DemoMeter) -> MeterKeyRef:
    info = next(k for k in demo_keys() if k.info.register == meter.key_register).info
    return MeterKeyRef(meter.pan, meter.key_register, info.sgc, meter.ti, info.krn, info.ken)


def raw_token(world: World, meter: DemoMeter, tenths: int, tid: int) -> str:
    """A token made by talking to the module directly: outside the ledger."""
    with SecureModule(world.url, credential=world.emulator.credential) as module:
        return module.issue_credit_token(key_of(meter), 0, tid, tenths).token


def block(world: World, tenths: int) -> bytes:
    with SecureModule(world.url) as module:
        sequence = module.balance().next_sequence
    return kmc.make_credit_block(MODULE_ID, sequence, "add", tenths, world.emulator.kmc_dir)


def credit(world: World, access: ModuleAccess, tenths: int, who: tuple[str, str]) -> None:
    operator = login(world.database, *who)
    data = block(world, tenths)
    with access.exclusive() as module:
        credit_module(world.database, module, data, operator)


def reconciled(world: World, access: ModuleAccess) -> ReconcileReport:
    with access.exclusive() as module:
        return reconcile_and_record(world.database, module, why="test")


def kinds(report: ReconcileReport) -> dict[str, dict[str, object]]:
    return {finding.kind: finding.facts for finding in report.findings}


INSTALLER = ("INST1", "inst-demo")


def test_with_no_vends_the_expected_balance_is_known(world: World) -> None:
    shown = starpos("vend", "reconcile", "--json")
    report = json.loads(shown.stdout)
    assert report["expected_balance_kwh"] == str(START)  # was null
    assert report["life"]["total_credited_kwh"] == str(START)
    # The module's first credit update was applied before any store served it: the store
    # has no record of it, and says so (it adopts it when it binds the module).
    assert [f["kind"] for f in report["findings"]] == ["credit_update_not_in_store"]
    assert shown.returncode == 1


def test_a_token_outside_the_ledger_is_still_found_after_a_credit_update(
    world: World, access: ModuleAccess
) -> None:
    meter = world.meters[0]
    sell_one(world, access, meter)
    assert reconciled(world, access).agrees
    raw_token(world, meter, tenths=123, tid=9_000_000)  # 12.3 kWh nobody recorded
    credit(world, access, 5000, INSTALLER)  # the next top-up used to hide it for good

    report = reconciled(world, access)
    found = kinds(report)
    assert not report.agrees
    assert found["energy_beyond_ledger"]["beyond_kwh"] == Decimal("12.3")
    assert found["credit_tokens_beyond_ledger"]["beyond"] == 1
    assert found["last_tid_not_in_ledger"]["module_last_tid"] == 9_000_000
    (step,) = report.discrepancies
    assert step.missing_kwh == Decimal("12.3")
    assert step.bill == "credit update 2"  # named: between the sale and the top-up
    assert step.after is not None and step.after.startswith("V")
    assert report.expected_balance - report.balance == Decimal("12.3")

    # A credit update later still does not hide it: the module's counters never forget.
    credit(world, access, 1000, INSTALLER)
    assert kinds(reconciled(world, access))["energy_beyond_ledger"]["beyond_kwh"] == Decimal("12.3")


def test_a_credit_update_applied_outside_the_store_is_named(
    world: World, access: ModuleAccess
) -> None:
    sell_one(world, access, world.meters[0])  # binds the module, adopting update 1
    data = block(world, 777)
    with SecureModule(world.url, credential=world.emulator.credential) as module:
        module.credit_update(data)  # straight to the device, past the store
    report = reconciled(world, access)
    facts = kinds(report)["credit_update_not_in_store"]
    assert (facts["sequence"], facts["amount_kwh"]) == (2, Decimal("77.7"))
    assert "energy_beyond_ledger" not in kinds(report)  # no token is missing


def test_a_credit_update_is_recorded_with_its_audit_entry_and_who(
    world: World, access: ModuleAccess
) -> None:
    credit(world, access, 2500, INSTALLER)
    with world.database.reading() as session:
        rows = session.scalars(select(ModuleCreditUpdate).order_by(ModuleCreditUpdate.sequence))
        got = [(r.sequence, r.state, r.amount_kwh, r.balance_after_kwh, r.operator_code)
               for r in rows]  # fmt: skip
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.kind == "module_credit").order_by(AuditEntry.id)
        ).all()
    assert got == [
        (1, CreditUpdateState.ADOPTED, START, START, None),  # found on the module at binding
        (2, CreditUpdateState.APPLIED, Decimal("250.0"), START + Decimal("250.0"), "INST1"),
    ]
    assert [json.loads(a.details)["step"] for a in audited] == ["adopted", "applied"]
    assert audited[-1].operator_code == "INST1"
    assert reconciled(world, access).agrees


def test_a_credit_update_carries_the_store_head_to_the_module(
    world: World, access: ModuleAccess
) -> None:
    """Every acting command journals the store's audit head (issue 17 section 4); ``SM?TU``
    carried none, so the entries before a top-up could be cut without the module noticing."""
    credit(world, access, 2500, INSTALLER)
    with world.database.reading() as session:
        applied = session.scalars(
            select(AuditEntry).where(AuditEntry.kind == "module_credit").order_by(AuditEntry.id)
        ).all()[-1]
        before = session.get(AuditEntry, applied.id - 1)
    assert before is not None
    with SecureModule(world.url) as module:
        anchor = module.audit_anchor()
    # The head as it stood when the block was sent: every entry before the credit update.
    assert anchor is not None
    assert (anchor.entry_count, anchor.head_hash) == (before.id, before.entry_hash)


def test_a_cashier_may_not_credit_the_module(world: World, access: ModuleAccess) -> None:
    with pytest.raises(PermissionDeniedError):
        credit(world, access, 100, ("CASH1", "cash-demo"))
    with world.database.reading() as session:
        assert session.scalars(select(ModuleCreditUpdate)).all() == []


def test_findings_are_audited_once_and_again_when_they_change(
    world: World, access: ModuleAccess
) -> None:
    meter = world.meters[0]
    sell_one(world, access, meter)
    raw_token(world, meter, tenths=10, tid=9_000_001)
    for _ in range(3):
        reconciled(world, access)
    raw_token(world, meter, tenths=20, tid=9_000_002)
    reconciled(world, access)
    with world.database.reading() as session:
        entries = session.scalars(
            select(AuditEntry.details).where(AuditEntry.kind == "reconcile")
        ).all()
    beyond = [
        next(
            f["beyond_kwh"]
            for f in json.loads(e)["findings"]
            if f["kind"] == "energy_beyond_ledger"
        )
        for e in entries
    ]
    assert beyond == ["1.0", "3.0"]


@pytest.mark.slow
def test_a_new_store_refuses_the_module_of_the_lost_one_until_rebound(
    world: World, access: ModuleAccess
) -> None:
    meter = world.meters[0]
    sell_one(world, access, meter)
    with world.database.reading() as session:
        lost_store = store_id(session)
    world.database.close()
    # The store is lost; a new one is made and given the same master data.
    made = starpos("db", "init", "--new-store")
    assert made.returncode == 0, made.stderr
    with open_database() as database:
        seed_demo(database, customers=40, spare_meters=4, seed=7)
        with database.reading() as session:
            assert store_id(session) != lost_store
    sale = ["vend", "--meter", meter.number, "--amount", "20", "--operator", "CASH1",
            "--password-stdin"]  # fmt: skip
    refused = _run_with_password(sale, "cash-demo")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert f"serves another store ({lost_store})" in refused.stderr
    assert "starpos sm rebind" in refused.stderr

    nobody = starpos("sm", "rebind", "--reason", "test")
    assert nobody.returncode == 2 and nobody.stderr.count("\n") == 1
    rebound = _run_with_password(
        ["sm", "rebind", "--operator", "INST1", "--password-stdin", "--reason",
         "the other store was a mistake", "--json"], "inst-demo",
    )  # fmt: skip
    assert rebound.returncode == 0, rebound.stderr
    assert json.loads(rebound.stdout)["previous_store_id"] == lost_store
    accepted = json.loads(rebound.stdout)["accepted"]
    assert accepted["life"]["credit_tokens"] == {"module": 1, "ledger": 0}
    sold = _run_with_password(sale, "cash-demo")
    assert sold.returncode == 0, sold.stderr
    with open_database() as database:
        with database.reading() as session:
            binding = session.scalars(
                select(ModuleBinding).order_by(ModuleBinding.binding_number.desc())
            ).first()
            assert binding is not None and binding.kind == "rebind"
            assert binding.operator_code == "INST1" and "mistake" in binding.reason
            assert binding.accepted_kwh > 0 and binding.accepted_credit_tokens == 1
            audited = session.scalars(
                select(AuditEntry.details).where(AuditEntry.kind == "module_bound")
            ).all()
        assert json.loads(audited[-1])["kind"] == "rebind"
        with access.exclusive() as module:  # counting from the accepted reconciliation
            assert reconcile_and_record(database, module).agrees


def test_a_never_bound_module_with_tokens_the_store_lacks_is_refused(
    world: World, access: ModuleAccess
) -> None:
    meter = world.meters[0]
    raw_token(world, meter, tenths=50, tid=9_000_003)  # before any store served it
    with pytest.raises(errors.ModuleHistoryUnknownError) as caught:
        sell_one(world, access, meter)
    assert "1 token(s), 5.0 kWh" in str(caught.value)


def _run_with_password(args: list[str], password: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        starpos_command(*args), input=password + "\n", capture_output=True, text=True,
        timeout=120, env=child_env(), cwd=REPO_ROOT,
    )  # fmt: skip


def credit_command(
    world: World, tenths: int, tmp_path: Any, **env: str
) -> subprocess.CompletedProcess[str]:
    path = tmp_path / f"credit-{tenths}.smc"
    path.write_bytes(block(world, tenths))
    return subprocess.run(
        starpos_command(
            "sm", "credit", str(path), "--operator", "INST1", "--password-stdin", "--json"
        ),
        input="inst-demo\n", capture_output=True, text=True, timeout=120,
        env=child_env(**env), cwd=REPO_ROOT,
    )  # fmt: skip


def credit_rows(world: World) -> list[tuple[int, CreditUpdateState, str | None]]:
    with world.database.reading() as session:
        rows = session.scalars(select(ModuleCreditUpdate).order_by(ModuleCreditUpdate.sequence))
        return [(r.sequence, r.state, r.failure_reason) for r in rows]


@pytest.mark.slow
def test_a_credit_update_killed_after_the_module_applied_it_is_recovered(
    world: World, access: ModuleAccess, tmp_path: Any
) -> None:
    killed = credit_command(world, 3000, tmp_path, **{ENVIRONMENT_VARIABLE: CREDIT_AFTER_MODULE})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert credit_rows(world)[-1][:2] == (2, CreditUpdateState.PENDING)
    recovered = starpos("vend", "recover", "--json")
    assert recovered.returncode == 0, recovered.stderr
    report = json.loads(recovered.stdout)
    assert report["credit_updates_settled"] == [2]
    assert report["reconcile"]["agrees"] is True  # nothing lost, nothing doubled
    assert credit_rows(world)[-1][:2] == (2, CreditUpdateState.APPLIED)


@pytest.mark.slow
def test_a_credit_update_killed_before_the_block_was_sent_fails_and_can_be_sent(
    world: World, access: ModuleAccess, tmp_path: Any
) -> None:
    killed = credit_command(world, 3000, tmp_path, **{ENVIRONMENT_VARIABLE: CREDIT_AFTER_PENDING})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    again = credit_command(world, 3000, tmp_path)  # recovery runs first: FAILED, then sent
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["reconcile"]["agrees"] is True
    assert credit_rows(world)[-1] == (2, CreditUpdateState.APPLIED, None)
