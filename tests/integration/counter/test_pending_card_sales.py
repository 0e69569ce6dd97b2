"""The counter's list of card sales left in doubt, on a seeded demo store (no card reader).

The PENDING rows are made by the card sales core itself (priced, then committed PENDING
exactly as ``vend_to_card`` does before it writes the card); only the register row of the
card is added directly, as ``issue_card`` would after writing a card.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select

from starpos.audit.log import Actor
from starpos.bootstrap.counter import counter_cards, counter_on
from starpos.card_sales import ledger as card_ledger
from starpos.card_sales.pricing import price_card_sale
from starpos.counter.views import PendingCardSale
from starpos.db import Database
from starpos.db.enums import CustomerStatus, MeterMedium
from starpos.db.models import Customer, IssuedCard, Meter
from starpos.db.parameters import to_local
from starpos.settings import Settings
from starpos.vending import ledger
from starpos.vending.sale import VendRequest

PRICED_AT = datetime(2026, 11, 20, 8, 30, tzinfo=UTC)


def _card_meters(database: Database) -> list[tuple[int, str, str]]:
    """(meter id, number, customer name) of the demo's card meters with an active customer."""
    with database.reading() as session:
        rows = session.execute(
            select(Meter.id, Meter.number, Customer.name)
            .join(Customer, Customer.id == Meter.customer_id)
            .where(Meter.medium == MeterMedium.CARD, Customer.status == CustomerStatus.ACTIVE)
            .order_by(Meter.id)
        ).all()
        return [(meter_id, number, name) for meter_id, number, name in rows]


def _local_now(database: Database) -> datetime:
    with database.reading() as session:
        return to_local(session, datetime.now(UTC))


def _issue(database: Database, meter_id: int, serial: str) -> int:
    with database.unit_of_work() as uow:
        card = IssuedCard(serial=serial, meter_id=meter_id, issue_number=1)
        uow.session.add(card)
        uow.session.flush()
        card_id = card.id
        uow.commit()
        return card_id


def _pending(
    database: Database, meter: tuple[int, str, str], card_id: int, net: str, sequence: int
) -> card_ledger.PendingCardVend:
    request = VendRequest(meter=meter[1], net=Decimal(net), operator_code="CASH1")
    sale = price_card_sale(database, request, meter[0], PRICED_AT)
    return card_ledger.open_pending(
        database, sale, card_id=card_id, sequence=sequence, reading_id=None
    )


def test_pending_card_sales_are_listed_until_settled(demo_database: Database) -> None:
    first, second = _card_meters(demo_database)[:2]
    cards = counter_cards(demo_database, counter_on(demo_database, Settings())[0], Settings())
    assert cards.pending_sales() == []

    card_a = _issue(demo_database, first[0], "SUNTEST000000A01")
    card_b = _issue(demo_database, second[0], "SUNTEST000000B02")
    before = _local_now(demo_database)
    sold_a = _pending(demo_database, first, card_a, "30.00", 1)
    sold_b = _pending(demo_database, second, card_b, "50.00", 1)
    after = _local_now(demo_database)

    listed = cards.pending_sales()
    # When the sale was booked, on the utility's wall clock (the cashier's local time).
    assert all(before <= sale.started_at <= after for sale in listed)
    local = listed[0].started_at
    assert listed[1].started_at >= local
    assert listed == [
        PendingCardSale(
            bill_number=sold_a.bill_number,
            meter_number=first[1],
            customer_name=first[2],
            energy_kwh=sold_a.energy_kwh,
            started_at=local,
            card_serial="SUNTEST000000A01",
        ),
        PendingCardSale(
            bill_number=sold_b.bill_number,
            meter_number=second[1],
            customer_name=second[2],
            energy_kwh=sold_b.energy_kwh,
            started_at=listed[1].started_at,
            card_serial="SUNTEST000000B02",
        ),
    ]
    assert sold_a.energy_kwh > 0 and sold_a.energy_kwh == sold_a.energy_kwh.quantize(Decimal("0.1"))

    # Settled either way (sold, or cancelled), a sale leaves the list.
    ledger.record_issued(demo_database, sold_a.vend_id, Actor("CASH1"))
    assert [sale.bill_number for sale in cards.pending_sales()] == [sold_b.bill_number]
    ledger.record_failed(demo_database, sold_b.vend_id, "card_sale.not_on_card", Actor("CASH1"))
    assert cards.pending_sales() == []
