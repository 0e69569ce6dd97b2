"""A terminal's SUN card register reaches the head office as the counter kept it (docs/sync.md,
"Projection"; SYN-34): a card issued, a card sale on it with its credit sequence, the card
replaced as lost with the unloaded credit carried over, a card blanked; booked together and
step by step, sent twice, once. A card sale on a card the head office does not have stands
and is raised. The entries carry the facts in the shape ``card_sales.lifecycle`` and the
card ledger write them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.db.enums import CustomerStatus, MeterMedium, VendState
from starpos.db.models import CardVend, Customer, IssuedCard, Meter, Vend
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_requests import findings
from tests.integration.sync.test_sync_payment_settlement import booking  # noqa: F401 (the fixture: both ways of booking)
from tests.integration.sync.test_sync_projection import Sold, _meters, _sale, _send

pytestmark = pytest.mark.postgres

Written = list[tuple[AuditKind, str, dict[str, Any]]]


def _card_meter(office: HeadOffice) -> Sold:
    """A card meter of an active customer, with its tariff (as ``_meters`` gives keypad ones)."""
    (keypad,) = _meters(office, 1)
    with office.transaction() as session:
        number, customer = session.execute(
            select(Meter.number, Customer.code)
            .join(Customer, Customer.id == Meter.customer_id)
            .where(Meter.medium == MeterMedium.CARD, Customer.status == CustomerStatus.ACTIVE)
            .order_by(Meter.number)
            .limit(1)
        ).one()
        scheme = session.scalar(
            select(Meter.tariff_scheme_id).where(Meter.number == number)
        ) == session.scalar(select(Meter.tariff_scheme_id).where(Meter.number == keypad.meter))
    assert scheme, "the demo's card meter and keypad meter share a tariff"
    return Sold(number, customer, keypad.tariff)


def _issued(sold: Sold, serial: str, issue: int, **facts: Any) -> Written:
    details = {"step": "issued", "meter": sold.meter, "issue_number": issue,
               "sequence_base": 0, "replaced": None, "old_state": None,
               "carried_bill": None, "carried_kwh": None, **facts}  # fmt: skip
    return [(AuditKind.CARD_ACTION, f"card:{serial}", details)]


def _card_sale(sold: Sold, bill: str, sequence: int) -> Written:
    pending, issued = _sale(sold, bill, tid=0)
    facts = {**pending[2], "medium": "card", "sequence": sequence, "tid": None, "module": None}
    settled = {"step": "issued", "token_kwh": "100.0", "medium": "card"}
    return [(pending[0], pending[1], facts), (issued[0], issued[1], settled)]


def _register(office: HeadOffice) -> list[tuple[Any, ...]]:
    with office.transaction() as session:
        cards = session.scalars(select(IssuedCard).order_by(IssuedCard.id)).all()
        serial = {card.id: card.serial for card in cards}
        return [
            (card.serial, card.issue_number, card.state.value, card.ended_at is not None,
             serial.get(card.replaces_card_id), card.carried_sequence, card.carried_bill)
            for card in cards
        ]  # fmt: skip


def _card_vends(office: HeadOffice) -> list[tuple[str, str, int]]:
    with office.transaction() as session:
        rows = session.execute(
            select(Vend.bill_number, IssuedCard.serial, CardVend.sequence)
            .join(Vend, Vend.id == CardVend.vend_id)
            .join(IssuedCard, IssuedCard.id == CardVend.card_id)
            .order_by(CardVend.sequence)
        )
        return [(bill, serial, sequence) for bill, serial, sequence in rows]


@pytest.mark.usefixtures("booking")
def test_a_card_its_sales_its_replacement_and_its_blanking(
    office: HeadOffice, tmp_path: Path
) -> None:
    sold = _card_meter(office)
    # Issued, sold to, then lost and replaced in the same push: the sale is on the old card
    # (booked before the replacement ends it), and its credit is carried onto the new one.
    written = [
        *_issued(sold, "00000000000000A1", 1),
        *_card_sale(sold, "V2612SP01T0100001", 1),
        *_issued(sold, "00000000000000B2", 2, step="replaced", sequence_base=0,
                 replaced="00000000000000A1", old_state="lost",
                 carried_bill="V2612SP01T0100001", carried_kwh="100.0"),
        *_card_sale(sold, "V2612SP01T0100002", 2),
    ]  # fmt: skip
    signer = _send(office, tmp_path / "t01", "T01", written)
    register = [
        ("00000000000000A1", 1, "lost", True, None, None, None),
        ("00000000000000B2", 2, "active", False, "00000000000000A1", 1, "V2612SP01T0100001"),
    ]
    sales = [("V2612SP01T0100001", "00000000000000A1", 1),
             ("V2612SP01T0100002", "00000000000000B2", 2)]  # fmt: skip
    assert (_register(office), _card_vends(office)) == (register, sales)

    # The whole chain again (a lost answer), then the new card blanked.
    blanked = {"step": "blanked", "meter": sold.meter, "issue_number": 2, "registered": True,
               "discarded_kwh": None, "discarded_bill": None}  # fmt: skip
    _send(office, tmp_path / "t01", "T01",
          [(AuditKind.CARD_ACTION, "card:00000000000000B2", blanked)], signer)  # fmt: skip
    register[1] = ("00000000000000B2", 2, "blanked", True, "00000000000000A1", 1,
                   "V2612SP01T0100001")  # fmt: skip
    assert (_register(office), _card_vends(office)) == (register, sales)
    assert findings(office) == []


@pytest.mark.usefixtures("booking")
def test_a_card_sale_on_a_card_the_head_office_lacks_stands_and_is_raised(
    office: HeadOffice, tmp_path: Path
) -> None:
    sold = _card_meter(office)
    _send(office, tmp_path / "t01", "T01", _card_sale(sold, "V2612SP01T0100009", 4))
    with office.transaction() as session:
        state = session.scalar(select(Vend.state).where(Vend.bill_number == "V2612SP01T0100009"))
    assert state is VendState.ISSUED and _card_vends(office) == []
    assert [kind for kind, _ in findings(office)] == ["unknown_reference"]
