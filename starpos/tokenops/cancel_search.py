"""Finding the sale to cancel (manual 4.5, issue 16: "find the sale by token, bill or
meter"): what the supervisor types, read as a token, a bill or a meter number, and why each
sale found could not be cancelled now (the cancel's own checks, asked before confirming).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.enums import MeterMedium, TokenCancelState
from starpos.db.models import Meter, TokenCancel, Vend
from starpos.sts.errors import StsError
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops import errors
from starpos.tokenops.token_cancel import CANCELLABLE, SaleQuery, check_cancellable, find_sale

#: How many of a meter's sales the search lists (newest first): a cancel is only ever possible
#: for the latest, the earlier ones are listed so the supervisor sees why not.
MAX_LISTED = 20


def find_sales(session: Session, text: str) -> list[Vend]:
    """The sales ``text`` names, as a supervisor types it (manual 4.5, issue 16): 20 digits
    are a token (spaces and dashes allowed), then a bill number, then a meter number (its
    token sales, newest first). :class:`~starpos.tokenops.errors.SaleNotFoundError` if none."""
    text = text.strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 20 and not text.strip("0123456789 -"):
        return [find_sale(session, SaleQuery(token=digits))]
    found = session.scalars(select(Vend).where(Vend.bill_number == text)).first()
    if found is not None:
        return [found]
    try:
        number = parse_meter_number(text).iain
    except StsError:
        raise errors.SaleNotFoundError(by=text or "-") from None
    sales = list(
        session.scalars(
            select(Vend)
            .join(Meter, Meter.id == Vend.meter_id)
            .where(
                Meter.number == number,
                Vend.state.in_(CANCELLABLE),
                Vend.medium == MeterMedium.KEYPAD,
            )
            .order_by(Vend.id.desc())
            .limit(MAX_LISTED)
        )
    )
    if not sales:
        raise errors.SaleNotFoundError(by=number)
    return sales


def refusal_of(
    session: Session, vend: Vend, max_days: int, now: datetime
) -> errors.TokenOperationError | None:
    """Why ``vend`` cannot be cancelled now (the cancel's own checks), or None."""
    begun = session.scalar(select(TokenCancel.state).where(TokenCancel.vend_id == vend.id))
    if begun is not None and begun is not TokenCancelState.PENDING:
        return errors.SaleNotCancellableError(bill=vend.bill_number, state="cancelled")
    try:
        check_cancellable(session, vend, max_days, now)
    except errors.TokenOperationError as refusal:
        return refusal
    return None
