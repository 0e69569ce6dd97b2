"""A sale booked in the ledger the way the vend books it: priced, ISSUED, with its token, in
its seller's open shift."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import select

from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import CustomerStatus, ShiftState, VendState
from starpos.db.models import Customer, Meter, Operator, PaymentTerm, Shift, Vend, VendToken
from starpos.masterdata.pricing_inputs import sale_context
from starpos.pricing import price_from_net


def book_vend(
    database: Database, operator_code: str, net: str, token: str, bill: str = "T000001"
) -> Vend:
    with database.unit_of_work() as uow:
        session = uow.session
        meter = session.scalars(
            select(Meter).join(Customer).where(Customer.status == CustomerStatus.ACTIVE)
        ).first()
        assert meter is not None
        operator = session.scalars(select(Operator).where(Operator.code == operator_code)).one()
        term = session.scalars(select(PaymentTerm).order_by(PaymentTerm.id)).first()
        assert term is not None and operator.sales_point_id is not None
        priced = price_from_net(Decimal(net), sale_context(session, meter, utc_now()))
        shift_id = session.scalar(
            select(Shift.id).where(Shift.operator_id == operator.id, Shift.state == ShiftState.OPEN)
        )
        vend = Vend(
            request_id=str(uuid.uuid4()),
            bill_number=bill,
            state=VendState.ISSUED,
            meter_id=meter.id,
            customer_id=meter.customer_id,
            operator_id=operator.id,
            sales_point_id=operator.sales_point_id,
            shift_id=shift_id,
            payment_term_id=term.id,
            tendered=priced.net,
            net_amount=priced.net,
            amount=priced.amount,
            taxed_charges=priced.taxed_total,
            untaxed_charges=priced.untaxed_total,
            vat_rate=priced.vat_rate,
            vat=priced.vat,
            debt_repayment=priced.debt_repayment,
            debt_after=priced.debt_after,
            preinstalled=priced.preinstalled,
            prearrange=priced.prearrange,
            amount_rounding=priced.amount_rounding,
            energy_kwh=priced.energy_kwh,
            fbe_kwh=priced.fbe_kwh,
            token_kwh=priced.token_kwh,
            issued_at=utc_now(),
        )
        from starpos.db.models import VendCharge

        vend.charges = [
            VendCharge(
                position=index,
                method=line.method,
                code=line.code,
                name=line.name,
                amount=line.amount,
                taxed=line.taxed,
            )
            for index, line in enumerate(priced.charges)
        ]
        vend.tokens = [VendToken(position=0, kind="credit", token=token)]
        session.add(vend)
        uow.commit()
        session.refresh(vend)
        session.expunge(vend)
        return vend
