"""A terminal's Zs at the head office: booked as the counter made them, and each way a Z can
disagree with what the head office holds becomes its finding (server/z_projection.py).

The Z entries are written into a store of the terminal's own, chained like any entry, with
the facts ``starpos.shifts.zreport.make_z`` gives them; a case changes one fact before the
entry is written, as a forger who rewrites the store before the push would. A shift's
later steps move it only for the terminal whose store it is.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import GENESIS_HASH, Actor, AuditKind, append, canonical_json, head
from starpos.db import Database
from starpos.db.enums import ZKind
from starpos.db.models import AuditEntry, CashMovement, Shift, ZReport
from starpos.server.store import HeadOffice
from starpos.shifts.zreport import verify_z, z_hash
from starpos.sync.wire import WireEvent
from tests.integration.sync.sync_requests import enrol, entries, findings, push, verdicts

pytestmark = pytest.mark.postgres

ACTOR = Actor("SUP1", "SP01", "T01")
Change = Callable[[dict[str, Any]], None]


def _z_entries(folder: Path, numbers: list[int], changes: dict[int, Change]) -> list[Any]:
    """Zs ``numbers`` of till T01 (each a sale of 10.00 and 5.0 kWh), chained in a store of
    their own; ``changes[i]`` alters the i-th Z's facts (the hash stays the counter's unless
    the change recomputes it)."""
    folder.mkdir(exist_ok=True)
    with Database.open(f"sqlite:///{folder / 'starpos.db'}") as database:
        previous, grand = GENESIS_HASH, (Decimal("0.00"), Decimal("0.0"), 0)
        for index, number in enumerate(numbers):
            with database.unit_of_work() as uow:
                session = uow.session
                # The entry before a Z (at a counter: its shift's close).
                append(session, AuditKind.LOGIN, subject="operator:SUP1", actor=ACTOR)
                pinned = head(session)
                body = {"sales_net": "10.00", "energy_kwh": "5.0", "sales_count": 1}
                grand = (grand[0] + Decimal("10.00"), grand[1] + Decimal("5.0"), grand[2] + 1)
                row = ZReport(
                    till="T01", number=number, kind=ZKind.CLOSE,
                    made_at=datetime.now(UTC).replace(microsecond=0), made_by="SUP1",
                    body=canonical_json(body), grand_net=grand[0], grand_kwh=grand[1],
                    grand_sales=grand[2], audit_head_id=pinned.last_id,
                    audit_head_hash=pinned.last_hash, previous_hash=previous,
                )  # fmt: skip
                row.z_hash = z_hash(row, None, None)
                facts = {
                    "step": "z", "z": str(uuid.uuid4()), "till": "T01", "number": number,
                    "kind": "close", "shift": None, "corrects": None,
                    "grand_net": row.grand_net, "grand_kwh": row.grand_kwh,
                    "grand_sales": row.grand_sales,
                    "audit_head": [row.audit_head_id, row.audit_head_hash],
                    "made_at": row.made_at, "made_by": row.made_by,
                    "previous_hash": row.previous_hash, "z_hash": row.z_hash, "body": body,
                }  # fmt: skip
                changes.get(index, lambda facts: None)(facts)
                append(session, AuditKind.SHIFT, subject=f"z:T01:{number}", details=facts,
                       actor=ACTOR)  # fmt: skip
                uow.commit()
                previous = row.z_hash
        with database.reading() as session:
            rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
            return [WireEvent.of_entry(entry).as_json() for entry in rows]


def _rehashed(change: Change) -> Change:
    """``change``, then the Z's hash made right again (a forger who knows the rule)."""

    def forge(facts: dict[str, Any]) -> None:
        change(facts)
        row = ZReport(
            till=facts["till"], number=facts["number"], kind=ZKind.CLOSE,
            made_at=facts["made_at"], made_by=facts["made_by"],
            body=canonical_json(facts["body"]), grand_net=facts["grand_net"],
            grand_kwh=facts["grand_kwh"], grand_sales=facts["grand_sales"],
            audit_head_id=facts["audit_head"][0], audit_head_hash=facts["audit_head"][1],
            previous_hash=facts["previous_hash"],
        )  # fmt: skip
        facts["z_hash"] = z_hash(row, None, None)

    return forge


def _set(name: str, value: Any) -> Change:
    return lambda facts: facts.__setitem__(name, value)


def _sent(
    office: HeadOffice, tmp_path: Path, numbers: list[int], changes: dict[int, Change]
) -> None:
    key_id, key = enrol(office, "T01")
    events = _z_entries(tmp_path / "counter", numbers, changes)
    assert {verdict for _, verdict, _ in verdicts(push(office, key_id, key, events))} == {"applied"}


def _booked(office: HeadOffice) -> list[tuple[str, int, str]]:
    with office.transaction() as session:
        rows = session.scalars(
            select(ZReport).where(ZReport.terminal_id.is_not(None)).order_by(ZReport.id)
        ).all()
        return [(z.till, z.number, z.z_hash) for z in rows]


def test_a_terminals_zs_are_booked_as_made_and_verify_at_the_head_office(
    office: HeadOffice, tmp_path: Path
) -> None:
    _sent(office, tmp_path, [1, 2, 3], {})
    assert findings(office) == []
    assert [(till, number) for till, number, _ in _booked(office)] == [
        ("T01", n) for n in (1, 2, 3)
    ]
    with office.transaction() as session:
        checked, problems = verify_z(session)
    assert (checked, problems) == (3, [])


@pytest.mark.parametrize(
    ("numbers", "changes", "expected"),
    [
        pytest.param([1, 3], {}, ["z_number_gap"], id="gap"),
        pytest.param([1, 1], {}, ["z_number_repeated"], id="repeat"),
        pytest.param(
            [1, 2], {1: _rehashed(_set("previous_hash", "e" * 64))}, ["z_chain_broken"],
            id="forged-previous-hash",
        ),
        pytest.param(
            [1, 2], {1: _rehashed(_set("grand_sales", 1))}, ["z_grand_totals"],
            id="grand-totals-backwards",
        ),
        pytest.param(
            [1, 2], {1: _rehashed(_set("audit_head", [1, GENESIS_HASH]))}, ["z_audit_head"],
            id="audit-head-not-the-chain",
        ),
        pytest.param([1, 2], {1: _set("grand_net", "99.00")}, ["z_hash_wrong", "z_grand_totals"],
                     id="content-changed"),
    ],
)  # fmt: skip
def test_a_z_that_disagrees_is_booked_and_raised(
    office: HeadOffice,
    tmp_path: Path,
    numbers: list[int],
    changes: dict[int, Change],
    expected: list[str],
) -> None:
    _sent(office, tmp_path, numbers, changes)
    raised = findings(office)
    assert sorted(kind for kind, _ in raised) == sorted(expected)
    # Raised on the second Z's entry: the entry stands in the chain, the Z as it was sent.
    assert {seq for _, seq in raised} == {4}
    booked = _booked(office)
    assert len(booked) == (1 if "z_number_repeated" in expected else 2)


def _shift_entries(folder: Path, terminal: str, steps: list[dict[str, Any]]) -> list[Any]:
    actor = Actor({"T01": "CASH1", "T03": "CASH2"}[terminal], None, terminal)
    return entries(
        folder,
        [(AuditKind.SHIFT, f"shift:{step['shift']}", step, actor) for step in steps],
    )


def test_a_shift_moves_only_for_the_terminal_whose_store_it_is(
    office: HeadOffice, tmp_path: Path
) -> None:
    shift = str(uuid.uuid4())
    opened = {"step": "opened", "shift": shift, "till": "@SP01", "opening_float": "50.00",
              "opening_count": {}}  # fmt: skip
    paid_in = {"step": "cash", "shift": shift, "till": "@SP01", "movement": str(uuid.uuid4()),
               "kind": "paid_in", "amount": "10.00", "reason": "change"}  # fmt: skip
    for terminal, folder in (("T01", "one"), ("T03", "three")):
        key_id, key = enrol(office, terminal)
        steps = [opened, paid_in] if terminal == "T01" else [paid_in]
        sent = push(office, key_id, key, _shift_entries(tmp_path / folder, terminal, steps))
        assert {verdict for _, verdict, _ in verdicts(sent)} == {"applied"}
    # T03 named T01's shift: kept in T03's chain, the shift not moved.
    assert findings(office) == [("unknown_reference", 1)]
    with office.transaction() as session:
        booked = session.scalars(select(Shift).where(Shift.request_id == shift)).one()
        moved = session.scalars(
            select(CashMovement.amount).where(CashMovement.shift_id == booked.id)
        ).all()
        assert (booked.till, booked.opening_float, moved) == ("@SP01", Decimal("50.00"), [
            Decimal("10.00")
        ])  # fmt: skip
