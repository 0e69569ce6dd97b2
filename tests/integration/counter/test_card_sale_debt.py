"""A card sale repays the meter's debt by the one state machine of every sale: only once the
sale is ISSUED, never when it FAILED, and never more than the meter owes.

The PENDING rows are made by the card sales core itself (priced, then committed as
``vend_to_card`` does before it writes the card); no card reader is needed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select

from starpos.audit.log import Actor
from starpos.card_sales import ledger as card_ledger
from starpos.card_sales.pricing import price_card_sale
from starpos.db import Database
from starpos.db.enums import CustomerStatus, MeterMedium
from starpos.db.models import Customer, IssuedCard, Meter
from starpos.pricing import RepaymentMethod
from starpos.vending import ledger
from starpos.vending.sale import VendRequest

CASHIER = Actor("CASH1")


def _indebted_card_meter(database: Database, debt: str, repaid_per_sale: str) -> tuple[int, str]:
    """A demo card meter owing ``debt``, its customer type repaying a fixed amount a sale."""
    with database.unit_of_work() as uow:
        meter = uow.session.scalars(
            select(Meter)
            .join(Customer, Customer.id == Meter.customer_id)
            .where(Meter.medium == MeterMedium.CARD, Customer.status == CustomerStatus.ACTIVE)
            .order_by(Meter.id)
        ).first()
        assert meter is not None and meter.customer is not None
        meter.outstanding_debt = Decimal(debt)
        kind = meter.customer.customer_type
        kind.repayment_method = RepaymentMethod.BY_TIMES
        kind.repayment_amount = Decimal(repaid_per_sale)
        uow.session.add(IssuedCard(serial="SUNDEBT000000001", meter_id=meter.id, issue_number=1))
        result = (meter.id, meter.number)
        uow.commit()
    return result


def _debt(database: Database, meter_id: int) -> Decimal:
    with database.reading() as session:
        return session.get_one(Meter, meter_id).outstanding_debt


def _card_sale(database: Database, meter: tuple[int, str], sequence: int) -> int:
    request = VendRequest(meter=meter[1], net=Decimal("30.00"), operator_code="CASH1")
    sale = price_card_sale(database, request, meter[0], datetime.now(UTC))
    assert sale.breakdown.debt_repayment > 0
    with database.reading() as session:
        card_id = session.scalars(
            select(IssuedCard.id).where(IssuedCard.serial == "SUNDEBT000000001")
        ).one()
    pending = card_ledger.open_pending(
        database, sale, card_id=card_id, sequence=sequence, reading_id=None
    )
    return pending.vend_id


def test_a_card_sale_repays_debt_only_once_it_is_issued(demo_database: Database) -> None:
    meter = _indebted_card_meter(demo_database, debt="12.00", repaid_per_sale="5.00")

    failed = _card_sale(demo_database, meter, 1)
    assert _debt(demo_database, meter[0]) == Decimal("12.00")  # PENDING: nothing repaid yet
    ledger.record_failed(demo_database, failed, "card_sale.not_on_card", CASHIER)
    assert _debt(demo_database, meter[0]) == Decimal("12.00")  # FAILED: never repaid

    for sequence, left in ((2, "7.00"), (3, "2.00"), (4, "0.00")):
        sold = _card_sale(demo_database, meter, sequence)
        ledger.record_issued(demo_database, sold, CASHIER)
        assert _debt(demo_database, meter[0]) == Decimal(left)  # the last repays only 2.00
