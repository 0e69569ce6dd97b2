"""Credit owed booked step by step (``sale_projection``) and together (``sale_batch``) gives
the same rows and flags: a debt repaid twice keeps its excess as owed to the meter, the
sale that returned it settles it, and a second sale returning it is raised (SYN-53)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, canonical_json
from starpos.db.models import Meter, MeterCreditOwed, Terminal
from starpos.masterdata.credit_owed import DETAILS_KEY, OWED
from starpos.server.findings import Flag
from starpos.server.store import HeadOffice
from tests.integration.sync.test_sync_sale_batch import (
    FIRST,
    _Chain,
    _issued,
    _step_by_step,
    _together,
    booked_from_one_start,
    pending_facts,
    sellable_meters,
)

pytestmark = pytest.mark.postgres


def _pushes(session: Session) -> list[list[Any]]:
    ((meter_id, meter, customer),) = sellable_meters(session, 1)
    session.execute(update(Meter).where(Meter.id == meter_id).values(outstanding_debt=4))
    terminal = session.scalar(select(Terminal.id).where(Terminal.code == "T01"))
    assert terminal is not None
    chain = _Chain(terminal)
    vend = AuditKind.VEND
    returning = pending_facts(
        "B-R", meter, customer, 201, amount="44.00", untaxed_charges="-6.00",
        charges=[["SVC", "Service fee", "by_times", "2.00", True, FIRST],
                 [OWED, "Debt repaid twice, returned", "by_times", "-6.00", False]],
    )  # fmt: skip
    named = {DETAILS_KEY: [["T01", "B-C"]]}
    first = [
        chain.event(vend, "B-C", pending_facts("B-C", meter, customer, 200,
                                              debt_repayment="10.00")),
        chain.event(vend, "B-C", _issued(200)),
    ]  # fmt: skip
    second = [
        chain.event(vend, "B-R", returning),
        chain.event(vend, "B-R", {**_issued(201), **named}),
        # The same credit returned by a second sale (another store had it open): raised.
        chain.event(vend, "B-X", {**returning, "request_id": "x", "tid": 202}),
        chain.event(vend, "B-X", {**_issued(202), **named}),
    ]
    return [first, second]


def _booked(session: Session, book: Callable[..., dict[int, list[Flag]]]) -> dict[str, Any]:
    flags: dict[int, list[Flag]] = {}
    for events in _pushes(session):
        flags.update(book(session, events))
        session.expire_all()
    credits = session.execute(
        select(MeterCreditOwed.overpaid_terminal, MeterCreditOwed.overpaid_bill,
               MeterCreditOwed.amount, MeterCreditOwed.state, MeterCreditOwed.settled_terminal,
               MeterCreditOwed.settled_bill)
    ).all()  # fmt: skip
    return {
        "credits": credits,
        "flags": {seq: sorted((f.kind, canonical_json(f.details)) for f in found)
                  for seq, found in flags.items()},
    }  # fmt: skip


def test_credit_owed_booked_together_is_booked_as_step_by_step(office: HeadOffice) -> None:
    step_by_step, together = booked_from_one_start(
        office, [partial(_booked, book=book) for book in (_step_by_step, _together)]
    )
    assert [tuple(row) for row in step_by_step["credits"]] == [
        ("T01", "B-C", Decimal("6.00"), "settled", "T01", "B-R")
    ]
    kinds = sorted(kind for found in step_by_step["flags"].values() for kind, _ in found)
    assert kinds == ["credit_returned_twice", "debt_overpaid"]
    assert together == step_by_step
