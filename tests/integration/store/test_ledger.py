"""A priced sale goes into the ledger exactly, and the next sale's history sees it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select

from starpos import pricing
from starpos.db import Database
from starpos.db.enums import StockStatus, VendState
from starpos.db.models import Customer, CustomerType, Meter, Operator, PaymentTerm, Vend
from starpos.masterdata.pricing_inputs import sale_context
from starpos.vending.sale_rows import charge_lines, priced_columns

SALE = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_a_priced_commercial_sale_is_booked_to_the_cent(demo_database: Database) -> None:
    with demo_database.unit_of_work() as uow:
        session = uow.session
        meter = session.scalars(
            select(Meter)
            .join(Customer, Meter.customer_id == Customer.id)
            .join(CustomerType)
            .where(
                CustomerType.code == "COM",
                Meter.stock_status == StockStatus.INSTALLED,
                Meter.contract_status == "active",
            )
            .order_by(Meter.id)
        ).first()
        assert meter is not None and meter.customer_id is not None
        sale = sale_context(session, meter, SALE)
        breakdown = pricing.price_from_net(Decimal("80.00"), sale)
        operator = session.scalars(select(Operator).where(Operator.code == "CASH1")).one()
        cash = session.scalars(select(PaymentTerm.id).where(PaymentTerm.code == "CASH")).one()
        vend = Vend(
            request_id=str(uuid.uuid4()),
            bill_number="V2611SP0100001",
            state=VendState.PRINTED,
            meter_id=meter.id,
            customer_id=meter.customer_id,
            operator_id=operator.id,
            sales_point_id=operator.sales_point_id,
            payment_term_id=cash,
            tendered=Decimal("100.00"),
            change=Decimal("20.00"),
            created_at=SALE,
            **priced_columns(sale, breakdown),
        )
        vend.charges = charge_lines(session, sale, breakdown)
        session.add(vend)
        uow.commit()
        meter_id, vend_id = meter.id, vend.id
    with demo_database.reading() as session:
        stored = session.get(Vend, vend_id)
        assert stored is not None
        lines = sum((line.amount for line in stored.charges), Decimal(0))
        assert stored.net_amount == Decimal("80.00")
        assert stored.net_amount == (
            stored.amount
            + stored.taxed_charges
            + stored.untaxed_charges
            + stored.vat
            + stored.debt_repayment
            + stored.preinstalled
            + stored.prearrange
        )
        assert lines == stored.taxed_charges + stored.untaxed_charges
        assert {line.code for line in stored.charges} >= {"SVC", "MRENT", "LEVY", "GRID"}
        assert all(line.charge_item_id is not None for line in stored.charges)
        assert stored.token_kwh == breakdown.token_kwh
        assert stored.first_purchase
        meter = session.get(Meter, meter_id)
        assert meter is not None
        later = sale_context(session, meter, datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    assert later.history.charges_collected_this_month == {"SVC", "MRENT"}
    assert later.history.charges_collected_this_year == {"GRID"}
    assert later.history.kwh_this_month == breakdown.energy_kwh
    assert not later.history.first_purchase
