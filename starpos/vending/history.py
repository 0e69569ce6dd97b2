"""Reading the ledger back: the latest vends, as a list or one by bill number."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from starpos.db.enums import VendState
from starpos.db.models import Meter, Vend
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
