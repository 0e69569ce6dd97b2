"""The counter's reads: its rules, the customer behind a meter, a quote, the shift's sales.

Each call opens a short read on the store and answers with the small records of
:mod:`starpos.counter.views` (no rows escape). Calls touch the database: a window runs them
off its GUI thread.
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.counter.module_link import ModuleLink
from starpos.counter.views import (
    CollidedToken,
    CounterRules,
    CustomerCard,
    DeviceState,
    PaymentMethod,
    Quote,
    QuoteLine,
    ShiftVend,
)
from starpos.counter.views import DefaultAmount as DefaultAmountView
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import MeterMedium, PaymentKind, TokenReplacementState
from starpos.db.models import (
    Customer,
    DefaultAmount,
    Meter,
    Operator,
    PaymentTerm,
    Terminal,
    TokenReplacementDue,
    Vend,
)
from starpos.db.parameters import system_parameters, to_local, to_utc, utility_now
from starpos.i18n import tr_noop
from starpos.masterdata.meter_lookup import lookup_meter
from starpos.masterdata.pricing_inputs import sale_context
from starpos.operators.session import OperatorSession
from starpos.pricing import Breakdown, price_from_net
from starpos.shifts import current_shift
from starpos.shifts.errors import ShiftError
from starpos.sts.meter_number import parse_meter_number
from starpos.vending import key_change_sale
from starpos.vending.errors import CustomerBlacklistedError, VendRefusedError
from starpos.vending.meter_check import check_sellable, read_sale_meter

VAT = tr_noop("breakdown", "VAT")
DEBT = tr_noop("breakdown", "Debt repayment")
PREINSTALLED = tr_noop("breakdown", "Pre-installed amount")
PREARRANGE = tr_noop("breakdown", "Prearrange amount")
NO_REASON = tr_noop("pos", "no reason recorded")


class CounterReads:
    """The counter's reads: rules, look-up, quote, this shift's vends, device states."""

    def __init__(self, database: Database, module: ModuleLink) -> None:
        self.database = database
        self.module = module

    def rules(self) -> CounterRules:
        with self.database.reading() as session:
            parameters = system_parameters(session)
            amounts = session.scalars(select(DefaultAmount).order_by(DefaultAmount.position))
            terms = session.scalars(
                select(PaymentTerm).where(PaymentTerm.active).order_by(PaymentTerm.id)
            )
            return CounterRules(
                currency=parameters.currency,
                decimals=parameters.amount_decimals,
                default_amounts=tuple(DefaultAmountView(row.amount) for row in amounts),
                payment_methods=tuple(
                    PaymentMethod(term.code, term.name, term.kind == PaymentKind.CASH)
                    for term in terms
                ),
                time_zone=parameters.time_zone,
            )

    def look_up(self, meter_number: str) -> CustomerCard:
        with self.database.reading() as session:
            info = lookup_meter(session, meter_number)
            if info.customer_code is None:
                from starpos.masterdata.meter_lookup import MeterNotInstalledError

                raise MeterNotInstalledError(number=info.number)
            reason = ""
            if info.customer_status == "blacklisted":
                # The store keeps no separate blacklist reason; the customer's remark says why.
                remark = session.scalars(
                    select(Customer.remark).where(Customer.code == info.customer_code)
                ).first()
                reason = remark or NO_REASON
            refusal = _refusal(session, info.number)
            last = info.last_purchase
            return CustomerCard(
                meter_number=info.number,
                customer_code=info.customer_code,
                name=info.customer_name or "",
                address=info.customer_address or "",
                meter_model=info.model,
                tariff=info.tariff_name or "-",
                status=info.customer_status or "active",
                debt=info.outstanding_debt,
                last_purchase_at=to_local(session, last.at).replace(tzinfo=None) if last else None,
                last_purchase_net=last.net_amount if last else None,
                blacklist_reason=reason,
                refusal=refusal,
                card_meter=info.medium == MeterMedium.CARD,
                key_change_tokens=key_change_sale.tokens_at_next_sale(session, info.number),
                collided_tokens=_collided(session, info.number),
            )

    def quote(self, meter_number: str, net: Decimal) -> Quote:
        with self.database.reading() as session:
            number = parse_meter_number(meter_number)
            meter = session.scalars(select(Meter).where(Meter.number == number.iain)).one()
            breakdown = price_from_net(net, sale_context(session, meter, utc_now()))
            return quote_from(breakdown)

    def shift_vends(self, operator: OperatorSession) -> list[ShiftVend]:
        """The vends of the operator's shift on this till (not closed yet); without one (a
        store that does not require shifts), the operator's vends since local midnight."""
        try:
            shift = current_shift(self.database, operator)
        except ShiftError:  # no sales point to place a till at: the day's vends then
            shift = None
        with self.database.reading() as session:
            query = (
                select(Vend, Customer.name)
                .join(Customer, Customer.id == Vend.customer_id)
                .join(Operator, Operator.id == Vend.operator_id)
                .order_by(Vend.created_at)
            )
            if shift is not None:
                query = query.where(Vend.shift_id == shift.shift_id)
            else:
                start = to_utc(session, datetime.combine(utility_now(session).date(), time()))
                query = query.where(Operator.code == operator.code, Vend.created_at >= start)
            rows = session.execute(query).all()
            return [
                ShiftVend(
                    issued_at=to_local(session, vend.created_at).replace(tzinfo=None),
                    bill_number=vend.bill_number,
                    meter_number=vend.meter.number,
                    customer_name=name,
                    net=vend.net_amount,
                    energy_kwh=vend.token_kwh,
                    token=vend.tokens[-1].token if vend.tokens else "",  # credit: last
                    state=str(vend.state).upper(),
                )
                for vend, name in rows
            ]

    def last_bill_number(self, operator: OperatorSession) -> str | None:
        vends = self.shift_vends(operator)
        issued = [vend for vend in vends if vend.token]
        return issued[-1].bill_number if issued else None

    def module_state(self) -> DeviceState:
        return self.module.state()


def _refusal(session: Session, iain: str) -> VendRefusedError | None:
    """Why the vend would refuse this meter, asked of the vend's own check (one home for the
    rules), so the cashier hears it at look-up rather than after choosing an amount."""
    meter = read_sale_meter(session, iain)
    if meter is None:
        return None  # the look-up has just found it; a vend would say it is gone
    try:
        check_sellable(meter)
    except CustomerBlacklistedError:
        return None  # shown as the customer's status, with the reason
    except VendRefusedError as refusal:
        return refusal
    return None


def quote_from(breakdown: Breakdown) -> Quote:
    """The breakdown as the window shows it: every line that is not zero, then the Amount."""
    lines: list[QuoteLine] = [QuoteLine(line.name, line.amount) for line in breakdown.charges]
    extra: list[tuple[str, Any]] = [
        (VAT, breakdown.vat),
        (DEBT, breakdown.debt_repayment),
        (PREINSTALLED, breakdown.preinstalled),
        (PREARRANGE, breakdown.prearrange),
    ]
    lines += [QuoteLine(label, value) for label, value in extra if value]
    return Quote(
        net=breakdown.net,
        amount=breakdown.amount,
        lines=tuple(lines),
        vat=breakdown.vat,
        debt_repayment=breakdown.debt_repayment,
        energy_kwh=breakdown.token_kwh,
        warning=breakdown.exceeds_warn_amount,
    )


def _collided(session: Session, number: str) -> tuple[CollidedToken, ...]:
    """The meter's sales whose token the head office found collided, not yet replaced."""
    rows = session.execute(
        select(
            TokenReplacementDue.bill_number,
            TokenReplacementDue.amount,
            TokenReplacementDue.energy_kwh,
            Terminal.code,
        )
        .join(Meter, Meter.id == TokenReplacementDue.meter_id)
        .join(Terminal, Terminal.id == TokenReplacementDue.terminal_id)
        .where(Meter.number == number, TokenReplacementDue.state == TokenReplacementState.OPEN)
        .order_by(TokenReplacementDue.bill_number)
    )
    return tuple(
        CollidedToken(bill, amount, energy, terminal) for bill, amount, energy, terminal in rows
    )
