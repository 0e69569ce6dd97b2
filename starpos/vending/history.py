"""Reading the ledger back: the latest vends, as a list or one by bill number, and the sales
whose voucher can be reprinted (by bill number, token or meter)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from starpos.db.enums import VendState
from starpos.db.models import Meter, Vend, VendToken
from starpos.errors import VendError
from starpos.vending import errors


def vend_summary(vend: Vend) -> dict[str, Any]:
    return {
        "bill_number": vend.bill_number,
        "state": str(vend.state),
        "meter": vend.meter.number,
        "net": vend.net_amount,
        "token_kwh": vend.token_kwh,
        "tid": vend.tid,
        "tokens": [token.token for token in vend.tokens],
        "module_id": vend.module_id,
        "print_count": vend.print_count,
        "failure_reason": vend.failure_reason,
        "created_at": vend.created_at,
        "issued_at": vend.issued_at,
    }


def list_vends(
    session: Session,
    *,
    state: VendState | None = None,
    meter_number: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """The latest vends first, optionally of one state or one meter."""
    query = (
        select(Vend)
        .options(joinedload(Vend.meter), selectinload(Vend.tokens))
        .order_by(Vend.id.desc())
        .limit(limit)
    )
    if state is not None:
        query = query.where(Vend.state == state)
    if meter_number:
        query = query.join(Meter, Meter.id == Vend.meter_id).where(Meter.number == meter_number)
    return [vend_summary(vend) for vend in session.scalars(query).unique()]


def show_vend(session: Session, bill_number: str) -> dict[str, Any]:
    vend = session.scalars(
        select(Vend)
        .where(Vend.bill_number == bill_number)
        .options(joinedload(Vend.meter), selectinload(Vend.tokens), selectinload(Vend.charges))
    ).first()
    if vend is None:
        raise errors.UnknownVendError(bill=bill_number)
    return vend_summary(vend)


#: The states whose voucher can be printed again (the sale stands).
REPRINTABLE = (VendState.ISSUED, VendState.PRINTED)
TOKEN_DIGITS = 20


class NoVoucherError(VendError):
    code = "vend.no_voucher"
    template = (
        "No sale with a voucher matches {what}. Check the bill number, the 20-digit token "
        "or the meter number and try again."
    )


def find_vouchers(
    session: Session,
    *,
    bill: str | None = None,
    token: str | None = None,
    meter: str | None = None,
    limit: int = 20,
) -> list[dict[str, Any]]:
    """Sales whose voucher can be printed again, newest first: the one with bill number
    ``bill``, the one that produced ``token``, or the latest of meter ``meter`` (number or
    PAN). :class:`NoVoucherError` when none matches."""
    query = (
        select(Vend)
        .options(joinedload(Vend.meter), selectinload(Vend.tokens))
        .where(Vend.state.in_(REPRINTABLE))
        .order_by(Vend.created_at.desc(), Vend.id.desc())
        .limit(limit)
    )
    what = bill or token or meter or ""
    if bill:
        query = query.where(Vend.bill_number == bill.strip())
    if token:
        digits = "".join(token.split()).replace("-", "")
        query = query.where(Vend.id.in_(select(VendToken.vend_id).where(VendToken.token == digits)))
    if meter:
        typed = meter.strip()
        query = query.join(Meter, Meter.id == Vend.meter_id).where(
            or_(Meter.number == typed, Meter.pan == typed)
        )
    found = [vend_summary(vend) for vend in session.scalars(query).unique()]
    if not found:
        raise NoVoucherError(what=what.strip())
    return found


def find_vouchers_by_text(session: Session, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """What a person typed in one field: 20 digits are a token, 11, 13 or 18 digits a meter
    number or PAN, anything else a bill number."""
    compact = "".join(text.split()).replace("-", "")
    if compact.isascii() and compact.isdigit():
        if len(compact) == TOKEN_DIGITS:
            return find_vouchers(session, token=compact, limit=limit)
        if len(compact) in (11, 13, 18):
            return find_vouchers(session, meter=compact, limit=limit)
    return find_vouchers(session, bill=text.strip(), limit=limit)
