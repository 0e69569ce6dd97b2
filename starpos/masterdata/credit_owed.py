"""Credit the head office owes a meter's customer, returned by the meter's next sale.

When two offline counters both took a meter's debt repayment, the head office keeps the
excess as credit owed to the meter (``meter_credits_owed``, sent down with the meter). The
next sale of that meter, at any counter, returns every open amount as one fixed untaxed
negative line, as a payment change's remain is returned (TOK-17): the customer pays the
net, and the Amount exceeds it by the credit. An amount larger than the sale is returned
whole by it, as the remain is (decision SYN-53). The sale's ISSUED step settles the rows
here, names them in its audit entry, and the head office settles its own from that entry
(``starpos.server.credit_owed``).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import cast

from sqlalchemy import ColumnElement, Exists, Table, and_, bindparam, exists, func, select, update
from sqlalchemy.orm import Session

from starpos.db.enums import CreditOwedState
from starpos.db.models import MeterCreditOwed, VendCharge
from starpos.i18n import tr_noop
from starpos.pricing import ChargeMethod
from starpos.pricing.charges import ChargeLine

#: The code of the line on the sale (``vend_charges.code``); its name is translated where
#: it is shown, as charge item names are (context "masterdata").
OWED = "OWED"
OWED_NAME = tr_noop("masterdata", "Debt repaid twice, returned")
MESSAGES = (OWED_NAME,)
#: The key of the ISSUED audit entry that names the credits a sale returned, each
#: ``[terminal, bill]`` of the sale that overpaid (the row's name in every store).
DETAILS_KEY = "credits_owed"

_OWED = cast(Table, MeterCreditOwed.__table__)
_CHARGES = cast(Table, VendCharge.__table__)
_OPEN = _OWED.c.state == CreditOwedState.OPEN.value
_OPEN_TOTAL = select(func.sum(_OWED.c.amount)).where(
    _OWED.c.meter_id == bindparam("meter_id"), _OPEN
)
#: One statement a sale: the meter's open credits, settled by the sale if it carried the line.
_SETTLE = (
    update(_OWED)
    .where(
        _OWED.c.meter_id == bindparam("b_meter"),
        _OPEN,
        exists().where(and_(_CHARGES.c.vend_id == bindparam("b_vend"), _CHARGES.c.code == OWED)),
    )
    .values(
        state=CreditOwedState.SETTLED.value,
        settled_terminal=bindparam("b_terminal"),
        settled_bill=bindparam("b_bill"),
        settled_at=bindparam("b_now"),
    )
    .returning(_OWED.c.id, _OWED.c.overpaid_terminal, _OWED.c.overpaid_bill)
)


def open_credit_exists(meter_id_column: ColumnElement[int]) -> Exists:
    """An ``EXISTS`` of an open credit of the meter whose id is ``meter_id_column`` (read
    with the sale's meter row, so a meter owed nothing costs no statement more)."""
    return exists().where(_OWED.c.meter_id == meter_id_column, _OPEN)


def owed_lines(session: Session, meter_id: int) -> tuple[ChargeLine, ...]:
    """The line returning what the meter is owed, on its next sale (none: ``()``)."""
    total = session.connection().execute(_OPEN_TOTAL, {"meter_id": meter_id}).scalar()
    if not total:
        return ()
    return (ChargeLine(OWED, OWED_NAME, ChargeMethod.BY_TIMES, False, -Decimal(total)),)


def settle_owed(
    session: Session, meter_id: int, vend_id: int, terminal: str | None, bill: str, now: datetime
) -> list[list[str]]:
    """The ISSUED sale ``vend_id`` (bill ``bill`` of ``terminal``) returned the meter's open
    credits if it carried the line: they are settled by it. The credits settled, each
    ``[terminal, bill]`` of the sale that overpaid, for the sale's audit entry."""
    rows = session.connection().execute(
        _SETTLE,
        {
            "b_meter": meter_id, "b_vend": vend_id, "b_terminal": terminal, "b_bill": bill,
            "b_now": now,
        },
    ).all()  # fmt: skip
    return [[row.overpaid_terminal, row.overpaid_bill] for row in sorted(rows)]
