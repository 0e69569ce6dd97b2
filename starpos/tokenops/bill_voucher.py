"""A bill's voucher outside a sale: the payment change's, the meter replacement's and the
registration's bills share the company, the place, the time, the operator, the customer and
the printer's header and footer; each gives only what is its own (lines, details, tokens)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from starpos.db.models import Customer, SalesPoint
from starpos.db.parameters import system_parameters, to_local
from starpos.devices.printer import AmountLine, Voucher
from starpos.tokenops.vouchers import OperationPrinter


def bill_voucher(
    session: Session,
    printer: OperationPrinter,
    *,
    bill_number: str,
    at: datetime,
    point: SalesPoint | None,
    operator_code: str,
    customer: Customer,
    lines: tuple[AmountLine, ...],
    details: list[str],
    language: str,
    reprint: bool,
    meter_number: str = "",
    energy_kwh: Decimal = Decimal(0),
    net_amount: Decimal | None = None,
    paid: Decimal = Decimal(0),
    change: Decimal = Decimal(0),
    payment_method: str = "",
    **own: Any,
) -> Voucher:
    """The bill ``bill_number`` made at ``at``; the net is the lines' sum unless given;
    ``own`` are the bill's other :class:`Voucher` fields (tokens, key data, bill_only)."""
    parameters = system_parameters(session)
    own.setdefault("tokens", ())
    own.setdefault("bill_only", not own["tokens"])
    return Voucher(
        company=parameters.company_name,
        tax_reference=parameters.tax_reference,
        sales_point=f"{point.code} {point.name}" if point is not None else "",
        bill_number=bill_number,
        date_time=to_local(session, at).strftime("%Y-%m-%d %H:%M"),
        operator=operator_code,
        customer_name=customer.name,
        customer_number=customer.code,
        meter_number=meter_number,
        tariff_name="",
        energy_kwh=energy_kwh,
        amount_lines=lines,
        net_amount=sum((line.amount for line in lines), Decimal(0))
        if net_amount is None
        else net_amount,
        payment_method=payment_method,
        paid=paid,
        change=change,
        currency=parameters.currency,
        header_lines=printer.header_lines,
        footer_lines=printer.footer_lines,
        detail_lines=tuple(details),
        reprint=reprint,
        cash_sale=False,
        language=language,
        **own,
    )
