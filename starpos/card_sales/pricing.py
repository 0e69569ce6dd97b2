"""The quick checks and the price of a card sale: the same store checks and the same
pricing as a token vend (:mod:`starpos.vending.prepare`), without the secure module, which
has no part in a card sale. A refusal is audited exactly like a token vend's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session, joinedload

from starpos import pricing
from starpos.audit import Actor
from starpos.db import Database
from starpos.db.enums import ContractStatus, CustomerStatus, PaymentMode
from starpos.db.models import Customer, Meter
from starpos.errors import StarposError
from starpos.master_data import to_local
from starpos.pricing_inputs import sale_context
from starpos.vending import errors
from starpos.vending.prepare import (
    _check_operator,
    _payment_term,
    _tariff_version,
    _terminal,
    audit_refusal,
)
from starpos.vending.sale import VendRequest


@dataclass(frozen=True)
class PricedCardSale:
    """A card sale that passed every check, priced, ready for the ledger and the card."""

    request: VendRequest
    actor: Actor
    operator_id: int
    sales_point_id: int
    branch_code: str
    terminal_id: int | None
    payment_term_id: int
    meter_id: int
    meter_number: str
    customer_id: int
    customer_code: str
    customer_name: str
    tariff_version_id: int | None
    context: pricing.SaleContext
    breakdown: pricing.Breakdown
    tendered: Decimal
    change: Decimal
    local_time: datetime

    @property
    def needs_confirmation(self) -> bool:
        return self.breakdown.exceeds_warn_amount and not self.request.confirmed

    def as_dict(self) -> dict[str, Any]:
        return {
            "meter": self.meter_number,
            "customer": {"code": self.customer_code, "name": self.customer_name},
            "tendered": self.tendered,
            "change": self.change,
            "price": self.breakdown.as_dict(),
            "needs_confirmation": self.needs_confirmation,
        }


def price_card_sale(
    database: Database, request: VendRequest, meter_id: int, now: datetime
) -> PricedCardSale:
    """Check and price ``request`` for the card meter ``meter_id``; refusals are audited."""
    try:
        with database.reading() as session:
            return _priced(session, request, meter_id, now)
    except StarposError as refusal:
        audit_refusal(database, request, refusal)
        raise


def _priced(session: Session, request: VendRequest, meter_id: int, now: datetime) -> PricedCardSale:
    seller = _check_operator(session, request)
    terminal = _terminal(session, request)
    payment_term_id = _payment_term(session, request.payment)
    meter = session.get(
        Meter,
        meter_id,
        options=[
            joinedload(Meter.model),
            joinedload(Meter.customer).joinedload(Customer.customer_type),
        ],
    )
    assert meter is not None
    customer = _check_customer(meter)
    context = sale_context(session, meter, now)
    breakdown = pricing.price_from_net(request.net, context)
    tendered = request.net if request.tendered is None else request.tendered
    if tendered < breakdown.net:
        raise errors.TenderedTooLittleError(tendered=tendered, net=breakdown.net)
    local = to_local(session, now)
    return PricedCardSale(
        request=request,
        actor=Actor(
            seller.operator_code, seller.sales_point_code, terminal.code if terminal else None
        ),
        operator_id=seller.operator_id,
        sales_point_id=seller.sales_point_id,
        branch_code=seller.branch_code,
        terminal_id=terminal.id if terminal else None,
        payment_term_id=payment_term_id,
        meter_id=meter.id,
        meter_number=meter.number,
        customer_id=customer.id,
        customer_code=customer.code,
        customer_name=customer.name,
        tariff_version_id=_tariff_version(session, meter, local),
        context=context,
        breakdown=breakdown,
        tendered=tendered,
        change=tendered - breakdown.net,
        local_time=local,
    )


def _check_customer(meter: Meter) -> Customer:
    """The token vend's meter and customer rules (vending.prepare._check_meter)."""
    customer = meter.customer
    if customer is None:
        raise errors.MeterNotSellableError(number=meter.number)
    if customer.status == CustomerStatus.BLACKLISTED:
        if customer.remark.strip():
            raise errors.CustomerBlacklistedError(
                customer=customer.code, remark=customer.remark.strip()
            )
        raise errors.CustomerBlacklistedNoRemarkError(customer=customer.code)
    if meter.contract_status == ContractStatus.CANCELLED:
        raise errors.ContractCancelledError(number=meter.number)
    if meter.model.payment_mode == PaymentMode.POSTPAID:
        raise errors.PostpaidMeterError(number=meter.number)
    return customer
