"""Credit blocks from the head office (issue 15; docs/sync.md, "Credit blocks"): issued for
one module at the head office, they reach that module's counter only and credit it once.

Real processes throughout: PostgreSQL, ``starpos server run``, two counters with their
module emulators; every step a ``starpos`` command a person would run. About twenty such
commands in one scenario (each a new Python process): one test, not one per property,
so the head office and the two counters are set up once.
"""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from starpos.audit.log import AuditKind
from starpos.db.enums import CreditUpdateState
from starpos.db.models import AuditEntry, IssuedCreditBlock, ModuleCreditUpdate, ReceivedEvent
from starpos.devices.sm import kmc
from starpos.devices.sm.driver import MeterKeyRef
from tests.integration.sync.sync_world import Counter, HeadOffice, set_setting
from tests.integration.vend.vend_world import demo_keys
from tests.support.processes import REPO_ROOT, child_env, starpos_command


def issue(
    head_office: HeadOffice, module: Counter, *options: str
) -> subprocess.CompletedProcess[str]:
    """``starpos server credit`` by the installer INST1, signed with the KMC ``module``'s
    emulator trusts."""
    assert module.module is not None
    return subprocess.run(
        starpos_command(
            "--data-dir", str(head_office.folder), "server", "credit", *options,
            "--operator", "INST1", "--password-stdin", "--json",
        ),
        input="inst-demo\n", capture_output=True, text=True, timeout=120,
        env=child_env(STARPOS_DEV_KMC_DIR=str(module.module.kmc_dir)), cwd=REPO_ROOT,
    )  # fmt: skip


def balance(counter: Counter) -> Decimal:
    """The module's own balance (``SM?TS``), read from the emulator between commands."""
    assert counter.module is not None
    with counter.module.module() as driver:
        return Decimal(driver.balance().balance)


def sync(counter: Counter) -> dict[str, Any]:
    synced = counter.run("sync", "run", "--json")
    assert synced.returncode == 0, synced.stderr
    report: dict[str, Any] = json.loads(synced.stdout)
    return report


def credit_rows(counter: Counter) -> list[tuple[str, CreditUpdateState, str | None]]:
    with counter.database() as database, database.reading() as session:
        rows = session.scalars(select(ModuleCreditUpdate).order_by(ModuleCreditUpdate.sequence))
        return [(r.block_digest, r.state, r.operator_code) for r in rows]


def credit_entries(counter: Counter) -> list[dict[str, Any]]:
    with counter.database() as database, database.reading() as session:
        rows = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.kind == AuditKind.MODULE_CREDIT)
            .order_by(AuditEntry.id)
        )
        return [
            {"operator": r.operator_code, "terminal": r.terminal_code, **json.loads(r.details)}
            for r in rows
        ]


def block_states(head_office: HeadOffice) -> list[tuple[str, str]]:
    with head_office.database() as database, database.reading() as session:
        rows = session.scalars(select(IssuedCreditBlock).order_by(IssuedCreditBlock.id))
        return [(r.block_digest, r.state) for r in rows]


def test_a_block_for_one_module_credits_it_once_and_never_reaches_another_counter(
    head_office: HeadOffice, make_counters: Any, tmp_path: Path
) -> None:
    a, b = make_counters(2)
    for counter in (a, b):
        counter.enrol(head_office)
        # A sale binds the module to the store (its starting credit taken in, audited) and
        # the sync tells the head office which terminal the module serves and where it is.
        sold = counter.sell(counter.meters[0], "20")
        assert sold.returncode == 0, sold.stderr
        sync(counter)
    module_a = "30000000"

    # Refusals, one line each: over the module's ceiling, a module nobody reported.
    too_much = issue(head_office, a, "--module", module_a, "--add", "1800000.1")
    assert too_much.returncode != 0 and len(too_much.stderr.strip().splitlines()) == 1
    unknown = issue(head_office, a, "--module", "39999999", "--add", "5")
    assert unknown.returncode != 0 and "39999999" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1

    before_a, before_b = balance(a), balance(b)
    issued = issue(head_office, a, "--module", module_a, "--add", "500")
    assert issued.returncode == 0, issued.stderr
    made = json.loads(issued.stdout)
    assert made["terminal"] == "T01" and made["operation"] == "add"
    digest = made["block_digest"]
    # One block at a time for a module: a second waits for the first to be settled.
    second = issue(head_office, a, "--module", module_a, "--add", "1")
    assert second.returncode != 0 and "waiting" in second.stderr

    # Counter B syncs: nothing for it, its module untouched.
    report_b = sync(b)
    assert report_b["credit_blocks"] == {"applied": [], "already_applied": [], "failed": []}
    assert balance(b) == before_b

    # Counter A syncs: its module is credited, recorded and audited as the installer's.
    report_a = sync(a)
    (applied,) = report_a["credit_blocks"]["applied"]
    assert applied["block"] == digest and applied["operator"] == "INST1"
    assert balance(a) == before_a + Decimal("500.0")
    assert [r for r in credit_rows(a) if r[0] == digest] == [
        (digest, CreditUpdateState.APPLIED, "INST1")
    ]
    (entry,) = [e for e in credit_entries(a) if e.get("block_digest") == digest]
    assert entry["step"] == "applied" and entry["source"] == "head_office"
    assert entry["operator"] == "INST1" and entry["terminal"] == "T01"
    assert block_states(head_office) == [(digest, "applied")]

    # A second sync adds nothing.
    again = sync(a)
    assert again["credit_blocks"] == {"applied": [], "already_applied": [], "failed": []}
    assert balance(a) == before_a + Decimal("500.0")

    # The same block sent down again (the head office never heard it was applied): the store
    # knows it, and the module is never asked.
    with head_office.database() as database, database.unit_of_work() as uow:
        uow.session.execute(update(IssuedCreditBlock).values(state="issued"))
        uow.commit()
    resent = sync(a)
    assert resent["credit_blocks"]["already_applied"] == [digest]
    assert resent["credit_blocks"]["applied"] == []
    assert balance(a) == before_a + Decimal("500.0")
    assert len([r for r in credit_rows(a) if r[0] == digest]) == 1
    with head_office.database() as database, database.unit_of_work() as uow:
        uow.session.execute(update(IssuedCreditBlock).values(state="applied"))  # as it was
        uow.commit()

    # Replayed to the module by hand: its update sequence has moved on, so it refuses.
    with head_office.database() as database, database.reading() as session:
        data = session.scalars(select(IssuedCreditBlock.block)).one()
    path = tmp_path / "replayed.smc"
    path.write_bytes(data)
    replayed = subprocess.run(
        starpos_command(
            "--data-dir", str(a.folder), "sm", "credit", str(path),
            "--operator", "INST1", "--password-stdin",
        ),
        input="inst-demo\n", capture_output=True, text=True, timeout=120,
        env=child_env(), cwd=REPO_ROOT,
    )  # fmt: skip
    assert replayed.returncode != 0 and len(replayed.stderr.strip().splitlines()) == 1
    assert balance(a) == before_a + Decimal("500.0")
    assert [r[1] for r in credit_rows(a) if r[0] == digest].count(CreditUpdateState.APPLIED) == 1

    # A block overtaken: the next one is issued, but the counter credits its module itself
    # first. The counter's push tells the head office, which never sends the block down.
    later = issue(head_office, a, "--module", module_a, "--add", "100")
    assert later.returncode == 0, later.stderr
    overtaken = json.loads(later.stdout)
    assert a.module is not None
    local = tmp_path / "local.smc"
    local.write_bytes(
        kmc.make_credit_block(module_a, overtaken["sequence"], "add", 10, a.module.kmc_dir)
    )
    credited = subprocess.run(
        starpos_command(
            "--data-dir", str(a.folder), "sm", "credit", str(local),
            "--operator", "INST1", "--password-stdin",
        ),
        input="inst-demo\n", capture_output=True, text=True, timeout=120,
        env=child_env(), cwd=REPO_ROOT,
    )  # fmt: skip
    assert credited.returncode == 0, credited.stderr
    after_local = sync(a)
    assert after_local["credit_blocks"]["applied"] == []
    assert block_states(head_office) == [
        (digest, "applied"),
        (overtaken["block_digest"], "superseded"),
    ]
    assert balance(a) == before_a + Decimal("501.0")
    assert not [r for r in credit_rows(a) if r[0] == overtaken["block_digest"]]

    # The module unplugged when a block comes down: the sync says so in one line and the
    # block waits at the head office; plugged in again, the next sync applies it.
    waiting = issue(head_office, a, "--module", module_a, "--add", "7")
    assert waiting.returncode == 0, waiting.stderr
    waiting_digest = json.loads(waiting.stdout)["block_digest"]
    a.module.stop()
    unplugged = a.run("sync", "run")
    assert unplugged.returncode != 0 and waiting_digest in unplugged.stderr
    assert len(unplugged.stderr.strip().splitlines()) == 1
    assert block_states(head_office)[-1] == (waiting_digest, "issued")
    a.module.start("--pty", "--module-id", module_a)
    set_setting(a.folder, "sm.url", a.module.url)
    plugged = sync(a)
    assert [x["block"] for x in plugged["credit_blocks"]["applied"]] == [waiting_digest]
    assert balance(a) == before_a + Decimal("508.0")
    assert block_states(head_office)[-1] == (waiting_digest, "applied")


def test_every_sync_run_reconciles_and_a_token_outside_the_books_reaches_the_head_office(
    head_office: HeadOffice, make_counters: Any
) -> None:
    """Issue 17: reconcile runs after every sync; a token made by talking to the module
    directly is named in the sync's report and travels to the head office at once."""
    (counter,) = make_counters(1)
    counter.enrol(head_office)
    meter = counter.meters[0]
    assert counter.sell(meter, "20").returncode == 0
    assert sync(counter)["reconcile"]["findings"] == []

    assert counter.module is not None
    info = next(k for k in demo_keys() if k.info.register == meter.key_register).info
    key = MeterKeyRef(meter.pan, meter.key_register, info.sgc, meter.ti, info.krn, info.ken)
    with counter.module.module() as module:  # signed in with the installation's credential
        module.issue_credit_token(key, 0, 9_000_000, 123)  # 12.3 kWh nobody recorded

    said = counter.run("sync", "run")
    assert said.returncode == 0, said.stderr
    assert "do NOT agree" in said.stdout
    report = sync(counter)["reconcile"]
    found = {finding["kind"]: finding for finding in report["findings"]}
    assert "energy_beyond_ledger" in found, report
    with head_office.database() as database, database.reading() as session:
        told = session.scalars(
            select(ReceivedEvent.details).where(ReceivedEvent.kind == AuditKind.RECONCILE)
        ).all()
    assert any("energy_beyond_ledger" in details for details in told), told
