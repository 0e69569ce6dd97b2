"""Property: over any sequence of sales, credit updates, raw module commands (tokens and credit
updates made outside the books), crashes and restores, reconcile's verdict is right every time
(issue 17, "Proof").

A model keeps what the books cannot know: the energy and number of tokens made outside the
ledger, and the credit updates the module applied that the store has no row of. After every
step the real reconcile (real driver, module emulator on a pty, real SQLite store) must say
exactly that: the kWh and tokens beyond the books, the credit updates not in the store, and
"agrees" only when there is nothing. A crash leaves the store as a killed process would (a
PENDING row, with or without the module's token) and the next start's recovery runs; a
restore puts back an earlier copy of the store file, so what was booked since is beyond it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import open_configured_module
from starpos.db import Database
from starpos.db.engine import DATABASE_FILE
from starpos.devices.sm import kmc
from starpos.devices.sm.driver import SecureModule
from starpos.operators.login import login
from starpos.operators.session import OperatorSession
from starpos.vending import VendRequest, prepare, recover, sell, token_ledger
from starpos.vending.module_access import ModuleAccess
from starpos.vending.module_credit import credit_module
from starpos.vending.reconcile import reconcile
from starpos.vending.store_binding import rebind
from tests.integration.vend.test_module_life import key_of
from tests.integration.vend.vend_world import (
    MODULE_ID,
    DemoMeter,
    sellable_meters,
    start_module,
    use_module,
)
from tests.support.emulator_process import EmulatorProcess

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("sell"), st.sampled_from(["20", "35.50"])),
        st.tuples(st.just("credit"), st.integers(1, 5000)),
        st.tuples(st.just("raw_token"), st.integers(1, 300)),
        st.tuples(st.just("raw_credit"), st.integers(1, 5000)),
        st.tuples(st.just("crash_after_module"), st.just(0)),
        st.tuples(st.just("crash_after_pending"), st.just(0)),
        st.tuples(st.just("backup"), st.just(0)),
        st.tuples(st.just("restore"), st.just(0)),
    ),
    min_size=1,
    max_size=7,
)


@dataclass
class Books:
    """What one store file holds: the tokens its ledger recorded (kWh and count, beyond the
    rig's first sale) and what its latest re-bind accepted as lost."""

    kwh: Decimal = Decimal("0.0")
    tokens: int = 0
    accepted_kwh: Decimal = Decimal("0.0")
    accepted_tokens: int = 0


@dataclass
class Model:
    #: everything the module made beyond the rig's first sale, in or out of the books
    module_kwh: Decimal = Decimal("0.0")
    module_tokens: int = 0
    store: Books = field(default_factory=Books)
    backup: Books = field(default_factory=Books)
    unrecorded: set[int] = field(default_factory=set)

    def book(self, kwh: Decimal) -> None:
        self.module_kwh += kwh
        self.module_tokens += 1
        self.store.kwh += kwh
        self.store.tokens += 1

    @property
    def outside_kwh(self) -> Decimal:
        return self.module_kwh - self.store.kwh - self.store.accepted_kwh

    @property
    def outside_tokens(self) -> int:
        return self.module_tokens - self.store.tokens - self.store.accepted_tokens


@dataclass
class Rig:
    folder: Path
    emulator: EmulatorProcess
    database: Database
    access: ModuleAccess
    installer: OperatorSession
    meters: list[DemoMeter]
    backup: Path
    tid: int = 8_000_000
    turn: int = 0

    def next_tid(self) -> int:
        self.tid += 1
        return self.tid

    def meter(self) -> DemoMeter:
        self.turn += 1
        return self.meters[self.turn % 2]


@contextmanager
def rig(folder: Path, data_dir: Path, seeded: Path, tables: Path) -> Iterator[Rig]:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for part in data_dir.glob(f"{DATABASE_FILE}*"):
        part.unlink()
    shutil.copy(seeded, data_dir / DATABASE_FILE)
    emulator = start_module(folder, tables)
    use_module(emulator.url)
    try:
        database = open_database()
        access = open_configured_module()
        try:
            meters = sellable_meters(database)
            installer = login(database, "INST1", "inst-demo")
            sell(database, access, VendRequest(meters[0].number, Decimal("20"), "CASH1"))
            backup = folder / "backup.db"
            with database.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copy(data_dir / DATABASE_FILE, backup)
            yield Rig(folder, emulator, database, access, installer, meters, backup)
        finally:
            access.close()
            database.close()
    finally:
        emulator.stop()


def step(r: Rig, model: Model, data_dir: Path, action: str, value: int | str) -> None:
    db, access = r.database, r.access
    if action == "sell":
        result = sell(db, access, VendRequest(r.meter().number, Decimal(str(value)), "CASH1"))
        model.book(result.breakdown.token_kwh)
    elif action == "credit":
        with access.exclusive() as module:
            sequence = module.balance().next_sequence
            block = kmc.make_credit_block(MODULE_ID, sequence, "add", int(value),
                                          r.emulator.kmc_dir)  # fmt: skip
            credit_module(db, module, block, r.installer)
    elif action == "raw_token":
        with SecureModule(r.emulator.url, credential=r.emulator.credential) as module:
            module.issue_credit_token(key_of(r.meter()), 0, r.next_tid(), int(value))
        model.module_kwh += Decimal(int(value)) / 10
        model.module_tokens += 1
    elif action == "raw_credit":
        with SecureModule(r.emulator.url, credential=r.emulator.credential) as module:
            sequence = module.balance().next_sequence
            module.credit_update(
                kmc.make_credit_block(MODULE_ID, sequence, "add", int(value), r.emulator.kmc_dir)
            )
        model.unrecorded.add(sequence)
    elif action in ("crash_after_module", "crash_after_pending"):
        meter = r.meter()
        with access.exclusive() as module:
            prepared = prepare(db, module, VendRequest(meter.number, Decimal("20"), "CASH1"))
            pending = token_ledger.open_pending(db, prepared)
            if action == "crash_after_module":
                module.issue_credit_token(  # exactly the vend's request, its anchor too
                    pending.key_ref, 0, pending.tid, pending.amount_tenths, anchor=pending.anchor
                )  # ... and the process dies before the token is committed
                model.book(prepared.breakdown.token_kwh)  # the next start's recovery books it
        with access.exclusive() as module:  # the next start
            recover(db, module)
    elif action == "backup":
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy(data_dir / DATABASE_FILE, r.backup)
        model.backup = replace(model.store)
    elif action == "restore":
        db.close()
        for part in data_dir.glob(f"{DATABASE_FILE}*"):
            if part.name != f"{DATABASE_FILE}.inuse":
                part.unlink()
        shutil.copy(r.backup, data_dir / DATABASE_FILE)
        r.database = open_database()
        # A file put back by hand, not by `db restore`: the module's audit anchor is ahead of
        # this store's chain, so it refuses to act until an installer re-binds it (audited).
        with r.access.exclusive() as module:
            rebound = rebind(r.database, module, r.installer, "store file put back from a copy")
        # The re-bind accepts, on the record, exactly what the books no longer hold (all the
        # module made beyond this file's ledger, whatever an earlier re-bind accepted); from
        # then on reconcile counts from what was accepted.
        model.store = replace(model.backup)
        life = rebound.accepted.life
        gap_kwh = model.module_kwh - model.store.kwh
        gap_tokens = model.module_tokens - model.store.tokens
        assert life["total_issued_kwh"] - life["ledger_energy_kwh"] == gap_kwh
        tokens = life["credit_tokens"]
        assert tokens["module"] - tokens["ledger"] == gap_tokens
        model.store.accepted_kwh, model.store.accepted_tokens = gap_kwh, gap_tokens
        model.unrecorded = set()


def check(r: Rig, model: Model) -> None:
    with r.access.exclusive() as module:
        report = reconcile(r.database, module)
    found = {f.kind: f.facts for f in report.findings}
    beyond = found.get("energy_beyond_ledger", {}).get("beyond_kwh", Decimal("0.0"))
    tokens = found.get("credit_tokens_beyond_ledger", {}).get("beyond", 0)
    missing = {f.facts["sequence"] for f in report.findings
               if f.kind == "credit_update_not_in_store"}  # fmt: skip
    assert (beyond, tokens, missing) == (model.outside_kwh, model.outside_tokens, model.unrecorded)
    assert report.expected_balance is not None
    assert report.expected_balance - report.balance == model.outside_kwh
    assert report.pending == []
    assert report.agrees == (not model.outside_tokens and not model.unrecorded)


@pytest.mark.slow
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS)
# Two sequences CI found: a second restore of the same copy (the first re-bind's acceptance
# is gone with it), and a restore after a crash whose token was the module's last TID.
@example(steps=[("sell", "35.50"), ("restore", 0), ("restore", 0), ("raw_credit", 1132)])
@example(steps=[("sell", "20"), ("crash_after_module", 0), ("restore", 0)])
def test_reconcile_is_right_after_every_step(
    steps: list[tuple[str, int | str]],
    tmp_path: Path,
    data_dir: Path,
    seeded_database_file: Path,
    tables_path: Path,
) -> None:
    with rig(tmp_path / "rig", data_dir, seeded_database_file, tables_path) as r:
        model = Model()
        check(r, model)
        for action, value in steps:
            step(r, model, data_dir, action, value)
            check(r, model)
