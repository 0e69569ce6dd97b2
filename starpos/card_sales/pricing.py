"""The quick checks and the price of a card sale: the same store checks
(:mod:`starpos.vending.sale_checks`) and the same pricing as a token vend, without the
secure module, which has no part in a card sale. A refusal is audited exactly like a token
vend's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from starpos import pricing
from starpos.audit import Actor
from starpos.db import Database
from starpos.errors import StarposError
from starpos.master_data import to_local
from starpos.vending import errors
from starpos.vending.meter_check import check_sellable, read_sale_meter_by_id
from starpos.vending.sale import VendRequest
from starpos.vending.sale_checks import (
    audit_refusal,
    check_seller,
    find_terminal,
    payment_term_id,
    sale_context,
    seller_actor,
)


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
    seller = check_seller(session, request)
    terminal = find_terminal(session, request)
    payment = payment_term_id(session, request.payment)
    meter = read_sale_meter_by_id(session, meter_id)
    assert meter is not None  # the card's meter, read from the register a moment ago
    customer = check_sellable(meter)
    local = to_local(session, now)
    context, tariff_version_id = sale_context(session, meter, local)
    breakdown = pricing.price_from_net(request.net, context)
    tendered = request.net if request.tendered is None else request.tendered
    if tendered < breakdown.net:
        raise errors.TenderedTooLittleError(tendered=tendered, net=breakdown.net)
    return PricedCardSale(
        request=request,
        actor=seller_actor(seller, terminal),
        operator_id=seller.operator_id,
        sales_point_id=seller.sales_point_id,
        branch_code=seller.branch_code,
        terminal_id=terminal.id if terminal else None,
        payment_term_id=payment,
        meter_id=meter.id,
        meter_number=meter.number,
        customer_id=customer.id,
        customer_code=customer.code,
        customer_name=customer.name,
        tariff_version_id=tariff_version_id,
        context=context,
        breakdown=breakdown,
        tendered=tendered,
        change=tendered - breakdown.net,
        local_time=local,
    )
