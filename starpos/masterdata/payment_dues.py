"""What a payment change (manual 4.7) leaves due on a meter's next purchase, as the sale's
pricing takes it and its ledger settles it (docs/token-cancel.md "Payment change").

The receivable (the postpaid debt) is charged and the remain (the prepaid credit left) is
returned, each as a fixed untaxed line of the sale (``pricing.SaleContext.adjustments``,
decision TOK-17); the prearrange amount is the meter's ``prearrange_due`` flag, priced as
before. The change row is settled by the first ISSUED sale that carried them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import cast

from sqlalchemy import Table, and_, bindparam, exists, or_, select, update
from sqlalchemy.orm import Session

from starpos.db.column_types import utc_now
from starpos.db.enums import PaymentChangeState
from starpos.db.models import PaymentChange, VendCharge
from starpos.i18n import tr_noop
from starpos.pricing import ChargeMethod
from starpos.pricing.charges import ChargeLine

#: The codes of the two lines on the sale (``vend_charges.code``); their names are
#: translated where they are shown, as charge item names are (context "masterdata").
RECEIVABLE = "RECEIVABLE"
REMAIN = "REMAIN"
RECEIVABLE_NAME = tr_noop("masterdata", "Receivable amount")
REMAIN_NAME = tr_noop("masterdata", "Remain amount returned")
MESSAGES = (RECEIVABLE_NAME, REMAIN_NAME)

_CHANGES = cast(Table, PaymentChange.__table__)
_CHARGES = cast(Table, VendCharge.__table__)
_DUE = select(_CHANGES.c.receivable, _CHANGES.c.remain).where(
    _CHANGES.c.meter_id == bindparam("meter_id"),
    _CHANGES.c.state == PaymentChangeState.DUE.value,
)


def due_lines(session: Session, meter_id: int) -> tuple[ChargeLine, ...]:
    """The receivable and remain lines due on the meter's next sale (none: ``()``)."""
    row = session.connection().execute(_DUE, {"meter_id": meter_id}).first()
    if row is None:
        return ()
    receivable, remain = Decimal(row.receivable), Decimal(row.remain)
    lines = []
    if receivable > 0:
        lines.append(
            ChargeLine(RECEIVABLE, RECEIVABLE_NAME, ChargeMethod.BY_TIMES, False, receivable)
        )
    if remain > 0:
        lines.append(ChargeLine(REMAIN, REMAIN_NAME, ChargeMethod.BY_TIMES, False, -remain))
    return tuple(lines)


_SETTLE = (
    update(_CHANGES)
    .where(
        _CHANGES.c.meter_id == bindparam("b_meter"),
        _CHANGES.c.state == PaymentChangeState.DUE.value,
        or_(
            bindparam("b_prearrange"),
            exists().where(
                and_(
                    _CHARGES.c.vend_id == bindparam("b_vend"),
                    _CHARGES.c.code.in_((RECEIVABLE, REMAIN)),
                )
            ),
        ),
    )
    .values(
        state=PaymentChangeState.SETTLED.value,
        vend_id=bindparam("b_vend"),
        settled_at=bindparam("b_now"),
    )
)


def settle_dues(session: Session, meter_id: int, vend_id: int, prearrange: Decimal) -> None:
    """The ISSUED sale ``vend_id`` took what the meter's payment change left due (it
    carried its lines, or its prearrange amount): the change is settled by it."""
    session.connection().execute(
        _SETTLE,
        {
            "b_meter": meter_id, "b_vend": vend_id, "b_prearrange": prearrange > 0,
            "b_now": utc_now(),
        },
    )  # fmt: skip
