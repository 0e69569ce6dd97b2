"""A key change flag two counters both sold while apart (docs/sync.md, "Key change flags"):
the head office keeps the flag with the sale whose tokens arrived first, in whatever order
the two counters' entries arrive, and raises ``key_change_sold_twice`` for the other, once.
On a real PostgreSQL store, through the projectors the server runs (entries sent again are
answered from the stored result, never projected twice: test_sync_uplink.py; a flag's path
through real counter processes: test_sync_key_change_flags.py).
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind
from starpos.db.enums import KeyChangeState
from starpos.db.models import KeyChangeFlag, Meter, Operator, Terminal, Vend
from starpos.server.findings import FindingKind
from starpos.server.projections import TerminalEvent, projector_for
from starpos.server.store import HeadOffice
from tests.integration.sync.test_sync_sale_batch import (
    _Chain,
    _issued,
    booked_from_one_start,
    pending_facts,
    sellable_meters,
)

pytestmark = pytest.mark.postgres

NEW_KEY = {
    "register": "3", "sgc": "123456", "ti": 1, "krn": 2, "ken": 255, "key_type": 2,
    "base_date": 2014,
}  # fmt: skip
FLAG = str(uuid.uuid5(uuid.NAMESPACE_URL, "flag-sold-twice"))


def _flagged_meter(session: Session) -> tuple[str, str]:
    """A keypad meter flagged at the head office: (meter number, customer code)."""
    ((meter_id, number, customer),) = sellable_meters(session, 1)
    engineer = session.scalar(select(Operator.id).where(Operator.code == "ENG1"))
    assert engineer is not None
    session.add(
        KeyChangeFlag(
            request_id=FLAG, meter_id=meter_id, state=KeyChangeState.FLAGGED,
            new_key_register=NEW_KEY["register"], new_sgc=NEW_KEY["sgc"], new_ti=NEW_KEY["ti"],
            new_krn=NEW_KEY["krn"], new_ken=NEW_KEY["ken"], new_key_type=NEW_KEY["key_type"],
            new_base_date=NEW_KEY["base_date"], flagged_by=engineer,
        )
    )  # fmt: skip
    session.flush()
    return number, customer


def _sale(chain: _Chain, bill: str, meter: str, customer: str, tid: int) -> list[TerminalEvent]:
    """A key change sale as a counter records it: PENDING (to make the tokens), the key
    change tokens made, ISSUED."""
    change = {"to_make": True, "tokens": [], "new_key": NEW_KEY, "rollover": False, "flag": FLAG}
    tokens = [f"{tid}{n:017d}"[:20] for n in (1, 2)]
    made = {
        "step": "key_change_issued", "tokens": tokens, "new_key": NEW_KEY, "rollover": False,
        "flag": FLAG, "tid": tid, "key_ref": "3,02,07,123456,01,2,255,2",
        "request_digest": "0badcafe",
    }  # fmt: skip
    vend = AuditKind.VEND
    return [
        chain.event(vend, bill, pending_facts(bill, meter, customer, tid, key_change=change)),
        chain.event(vend, bill, made),
        chain.event(vend, bill, _issued(tid)),
    ]


def _counter(session: Session, code: str) -> _Chain:
    terminal = session.scalar(select(Terminal.id).where(Terminal.code == code))
    assert terminal is not None
    chain = _Chain(terminal)
    original = chain.event

    def event(kind: AuditKind, bill: str, details: dict[str, Any]) -> TerminalEvent:
        return replace(original(kind, bill, details), terminal_code=code, enrolment_id=code)

    chain.event = event  # type: ignore[method-assign]
    return chain


def _book(order: list[tuple[str, int]], session: Session) -> dict[str, Any]:
    """Each counter's sale of the flag, its entries projected in ``order`` (counter, how
    many of its next entries)."""
    meter, customer = _flagged_meter(session)
    sales = {
        "T01": _sale(_counter(session, "T01"), "B-K1", meter, customer, 500),
        "T02": _sale(_counter(session, "T02"), "B-K2", meter, customer, 501),
    }
    sent = {"T01": 0, "T02": 0}
    raised: list[tuple[str, dict[str, Any]]] = []
    for code, count in order:
        events = sales[code][sent[code] : sent[code] + count]
        sent[code] += count
        for event in events:
            projector = projector_for(event.kind)
            assert projector is not None
            with session.begin_nested():
                raised += [(flag.kind.value, flag.details) for flag in projector(session, event)]
        session.expire_all()
    held = session.execute(
        select(KeyChangeFlag.state, KeyChangeFlag.tokens, Vend.bill_number)
        .outerjoin(Vend, Vend.id == KeyChangeFlag.vend_id)
        .where(KeyChangeFlag.request_id == FLAG)
    ).one()
    key = session.execute(select(Meter.key_register, Meter.krn).where(Meter.number == meter)).one()
    return {"raised": raised, "flag": tuple(held), "key": tuple(key)}


@pytest.mark.parametrize(
    "order",
    [
        pytest.param([("T01", 3), ("T02", 3)], id="one-push-after-the-other"),
        pytest.param([("T01", 2), ("T02", 3), ("T01", 1)], id="second-sold-before-first-issued"),
        pytest.param([("T01", 1), ("T02", 1), ("T01", 2), ("T02", 2)], id="both-pending-first"),
    ],
)
def test_a_flag_sold_by_two_counters_is_kept_with_the_first_and_raised_once(
    office: HeadOffice, order: list[tuple[str, int]]
) -> None:
    (booked,) = booked_from_one_start(office, [lambda session: _book(order, session)])

    tokens = " ".join(f"500{n:017d}"[:20] for n in (1, 2))
    assert booked["flag"] == (KeyChangeState.DELIVERED, tokens, "B-K1")
    assert booked["key"] == ("3", 2)
    assert booked["raised"] == [
        (
            FindingKind.KEY_CHANGE_SOLD_TWICE.value,
            {"flag": FLAG, "kept": "B-K1", "bill": "B-K2"},
        )
    ]
