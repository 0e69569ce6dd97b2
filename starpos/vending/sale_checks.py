"""The store checks every sale passes, token or card, and the audit entry of a refusal.

A token vend (:mod:`starpos.vending.prepare`) and a card sale
(:mod:`starpos.card_sales.pricing`) sell under the same rules: the same seller checks
(operator, role, sales point), the same payment terms, the same meter and customer rules
(:func:`starpos.vending.meter_check.check_sellable`) and the same pricing inputs. They
differ only in the device that carries the credit, so the checks live here, once.

The checks run on every sale: plain Core statements built once (their compiled form is
cached by SQLAlchemy), run on the session's connection without the ORM's per-query work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from starpos import pricing
from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.models import Branch, Operator, PaymentTerm, SalesPoint, Terminal
from starpos.db.parameters import to_local
from starpos.masterdata.credit_owed import owed_lines
from starpos.masterdata.payment_dues import due_lines
from starpos.masterdata.pricing_inputs import (
    MeterHasNoTariffError,
    customer_type_rules,
    pricing_rules,
    purchase_history,
)
from starpos.operators import permissions
from starpos.operators.errors import UnknownOperatorError, UnknownTerminalError
from starpos.operators.roles import operator_permissions
from starpos.operators.session import OperatorSession
from starpos.shifts.gate import check_float_limit, sale_shift, till_name
from starpos.vending import errors
from starpos.vending.meter_check import SaleMeter, check_sellable
from starpos.vending.offline_limits import check_offline_limits
from starpos.vending.sale import PricedSale, VendRequest
from starpos.vending.tariff_cache import tariff_for_sale


@dataclass(frozen=True)
class Seller:
    """Who sells and where, as plain values."""

    operator_id: int
    operator_code: str
    sales_point_id: int
    sales_point_code: str
    branch_code: str


_OPERATORS = cast(Table, Operator.__table__)
_POINTS = cast(Table, SalesPoint.__table__)
_BRANCHES = cast(Table, Branch.__table__)
_TERMS = cast(Table, PaymentTerm.__table__)
_READ_OPERATOR = (
    select(
        _OPERATORS.c.id,
        _OPERATORS.c.code,
        _OPERATORS.c.name,
        _OPERATORS.c.forbid_login,
        _OPERATORS.c.is_superuser,
        _OPERATORS.c.may_login_other_sales_points,
        _POINTS.c.id,
        _POINTS.c.code,
    )
    .select_from(_OPERATORS.outerjoin(_POINTS, _POINTS.c.id == _OPERATORS.c.sales_point_id))
    .where(_OPERATORS.c.code == bindparam("code"))
)
_READ_SALES_POINT = (
    select(_POINTS.c.id, _POINTS.c.code, _POINTS.c.forbid_sales, _BRANCHES.c.code)
    .join(_BRANCHES, _BRANCHES.c.id == _POINTS.c.branch_id)
    .where(_POINTS.c.code == bindparam("code"))
)
_READ_TERMS = (
    select(_TERMS.c.id, _TERMS.c.code, _TERMS.c.kind)
    .where(_TERMS.c.active.is_(True))
    .order_by(_TERMS.c.code)
)


def check_seller(
    session: Session, request: VendRequest, terminal: Terminal | None = None
) -> Seller:
    """The operator may sell, at this sales point: the request's, else the terminal's, else
    the operator's own. A sale on a terminal is booked at the terminal's sales point."""
    connection = session.connection()
    operator = connection.execute(_READ_OPERATOR, {"code": request.operator_code}).first()
    if operator is None:
        raise UnknownOperatorError(operator=request.operator_code)
    operator_id, code, name, forbid_login, superuser, anywhere, home_id, home_code = operator
    if forbid_login:
        raise errors.OperatorBlockedError(operator=code)
    # The request names its operator instead of logging one in: the store's grants decide.
    seller = OperatorSession(code, name, operator_permissions(session, operator_id, superuser))
    if not seller.may(permissions.VEND):
        raise errors.OperatorMayNotVendError(operator=code)
    at_terminal = terminal.sales_point.code if terminal is not None else None
    wanted = request.sales_point_code or at_terminal or home_code or ""
    if at_terminal is not None and wanted != at_terminal:
        assert terminal is not None
        raise errors.TerminalElsewhereError(
            terminal=terminal.code, terminal_sales_point=at_terminal, sales_point=wanted
        )
    sales_point = connection.execute(_READ_SALES_POINT, {"code": wanted}).first()
    if sales_point is None:
        raise errors.UnknownSalesPointError(sales_point=wanted or "-")
    point_id, point_code, forbid_sales, branch_code = sales_point
    if home_id is not None and home_id != point_id and not anywhere:
        raise errors.OperatorWrongSalesPointError(
            operator=code, home=home_code, sales_point=point_code
        )
    if forbid_sales:
        raise errors.SalesForbiddenError(sales_point=point_code)
    return Seller(operator_id, code, point_id, point_code, branch_code)


def find_terminal(session: Session, request: VendRequest) -> Terminal | None:
    """The terminal the request names, if any; an unknown code is refused (a sale is
    booked at a terminal the store knows, or at none)."""
    if not request.terminal_code:
        return None
    terminal = session.scalars(
        select(Terminal).where(Terminal.code == request.terminal_code)
    ).first()
    if terminal is None:
        raise UnknownTerminalError(terminal=request.terminal_code)
    return terminal


def payment_term_id(session: Session, wanted: str) -> int:
    """The id of the active payment term whose code or kind is ``wanted``."""
    terms = session.connection().execute(_READ_TERMS).all()
    for term_id, code, kind in terms:
        if wanted.casefold() in (code.casefold(), str(kind).casefold()):
            return int(term_id)
    raise errors.UnknownPaymentTermError(
        payment=wanted, known=", ".join(code for _, code, _ in terms) or "-"
    )


def sale_context(
    session: Session, meter: SaleMeter, sale_time: datetime
) -> tuple[pricing.SaleContext, int | None]:
    """What the pricing needs to price a sale to ``meter`` at ``sale_time`` (local, naive),
    with the tariff from the process cache, and the id of the tariff version in force."""
    if meter.tariff_scheme_id is None:
        raise MeterHasNoTariffError(number=meter.number)
    customer = meter.customer
    assert customer is not None  # check_sellable refused meters without one
    tariff, version_id = tariff_for_sale(session, meter.tariff_scheme_id, sale_time)
    context = pricing.SaleContext(
        rules=pricing_rules(session),
        customer_type=customer_type_rules(session, customer.customer_type, sale_time),
        tariff=tariff,
        history=purchase_history(session, meter, sale_time),
        at=sale_time,
        meter=pricing.MeterRules(preinstalled_amount=meter.model.preinstalled_amount),
        adjustments=(due_lines(session, meter.id) if meter.payment_dues else ())
        + (owed_lines(session, meter.id) if meter.credit_owed else ()),
    )
    return context, version_id


def price_sale(
    session: Session,
    request: VendRequest,
    read_meter: Callable[[Session], SaleMeter],
    now: datetime,
) -> tuple[PricedSale, SaleMeter]:
    """Check the seller, the payment term and the meter (``read_meter`` reads it, refusing
    what the medium cannot sell to), then price ``request``: the store half of every sale.

    The checks run in the order a cashier would fix them: who sells (and in which open
    shift), how it is paid, which meter, how much; then whether this counter may still sell
    without its head office, and whether the float limit allows it."""
    terminal = find_terminal(session, request)
    seller = check_seller(session, request, terminal)
    till = till_name(terminal.code if terminal else None, seller.sales_point_code)
    shift = sale_shift(
        session, operator_id=seller.operator_id, operator_code=seller.operator_code, till=till
    )
    payment = payment_term_id(session, request.payment)
    meter = read_meter(session)
    customer = check_sellable(meter)
    local = to_local(session, now)
    context, tariff_version_id = sale_context(session, meter, local)
    breakdown = pricing.price_from_net(request.net, context)
    tendered = request.net if request.tendered is None else request.tendered
    if tendered < breakdown.net:
        raise errors.TenderedTooLittleError(tendered=tendered, net=breakdown.net)
    check_offline_limits(session, now, breakdown.net)
    check_float_limit(
        session,
        operator_id=seller.operator_id,
        operator_code=seller.operator_code,
        sales_point_id=seller.sales_point_id,
        sales_point_code=seller.sales_point_code,
        net=breakdown.net,
    )
    priced = PricedSale(
        request=request,
        actor=Actor(
            seller.operator_code, seller.sales_point_code, terminal.code if terminal else None
        ),
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
        breakdown=breakdown,
        sale=context,
        tendered=tendered,
        change=tendered - breakdown.net,
        local_time=local,
        shift=shift,
        till=till,
    )
    return priced, meter


def audit_refusal(
    database: Database, request: VendRequest, refusal: BaseException, actor: Actor | None = None
) -> None:
    """The one thing a refusal writes: an audit entry with what was asked and why not."""
    with database.unit_of_work() as uow:
        append(
            uow.session,
            AuditKind.VEND_REFUSED,
            subject=f"meter:{request.meter}"[:80],
            details={
                "code": getattr(refusal, "code", type(refusal).__name__),
                "params": {k: str(v) for k, v in getattr(refusal, "params", {}).items()},
                "net": str(request.net),
                "payment": request.payment,
            },
            actor=actor
            or Actor(request.operator_code, request.sales_point_code, request.terminal_code),
        )
        uow.commit()
