"""Credit owed to a meter at the head office: kept when a debt is repaid twice, settled by
the sale that returned it (docs/sync.md, conflict rules; decision SYN-53).

Two offline counters can both take a meter's debt repayment. The sale booked second repays
more than the meter still owed: the debt stops at 0, the ``debt_overpaid`` finding names the
excess, and in the same transaction the excess becomes a ``meter_credits_owed`` row, named
by that sale's terminal and bill. The row comes down with the meter; the meter's next sale
at any counter returns it as a negative line and its ISSUED entry names the credits it
returned (``masterdata.credit_owed``). Booking that entry settles them here, naming the
sale. A credit a sale returned that is already settled by another sale (two counters both
returned it while apart) is a finding, ``credit_returned_twice``: the sale stands, nothing
is settled twice. A sale settles only when it moves from PENDING to ISSUED here, so the
same entry sent again settles nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from starpos.db.enums import CreditOwedState
from starpos.db.models import MeterCreditOwed
from starpos.masterdata.credit_owed import DETAILS_KEY
from starpos.server.findings import FindingKind, Flag


@dataclass(frozen=True)
class Overpaid:
    """A sale that repaid more debt than its meter still owed at the head office."""

    meter_id: int
    terminal: str
    bill: str
    excess: Decimal
    at: datetime


@dataclass(frozen=True)
class Returning:
    """A sale that moved to ISSUED here and returned credits owed (its entry names them)."""

    seq: int
    meter_id: int
    meter_number: str
    terminal: str
    bill: str
    credits: tuple[tuple[str, str], ...]
    at: datetime


def owe(session: Session, overpaid: Iterable[Overpaid]) -> None:
    """Keep each excess as credit owed to its meter (one row per overpaying sale)."""
    for sale in overpaid:
        known = session.scalar(
            select(MeterCreditOwed.id).where(
                MeterCreditOwed.meter_id == sale.meter_id,
                MeterCreditOwed.overpaid_terminal == sale.terminal,
                MeterCreditOwed.overpaid_bill == sale.bill,
            )
        )
        if known is None:
            session.add(
                MeterCreditOwed(
                    meter_id=sale.meter_id,
                    overpaid_terminal=sale.terminal,
                    overpaid_bill=sale.bill,
                    amount=sale.excess,
                    created_at=sale.at,
                )
            )
    session.flush()


def returned_credits(details: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The credits an ISSUED entry says its sale returned (``()`` for almost every sale)."""
    named = details.get(DETAILS_KEY) or ()
    return tuple((str(terminal), str(bill)) for terminal, bill in named)


def settle(session: Session, sales: list[Returning]) -> dict[int, list[Flag]]:
    """Settle the credits ``sales`` (in chain order) returned; the flags by sequence number."""
    flags: dict[int, list[Flag]] = {}
    if not sales:
        return flags  # the common case: no statement at all
    names = {(sale.meter_id, *credit) for sale in sales for credit in sale.credits}
    rows = {
        (row.meter_id, row.overpaid_terminal, row.overpaid_bill): row
        for row in session.scalars(
            select(MeterCreditOwed)
            .where(
                tuple_(
                    MeterCreditOwed.meter_id,
                    MeterCreditOwed.overpaid_terminal,
                    MeterCreditOwed.overpaid_bill,
                ).in_(sorted(names))
            )
            .order_by(MeterCreditOwed.id)
            .with_for_update()
        )
    }
    for sale in sales:
        for terminal, bill in sale.credits:
            row = rows.get((sale.meter_id, terminal, bill))
            if row is not None and row.state is CreditOwedState.OPEN:
                row.state = CreditOwedState.SETTLED
                row.settled_terminal, row.settled_bill = sale.terminal, sale.bill
                row.settled_at = sale.at
                continue
            if row is not None and (row.settled_terminal, row.settled_bill) == (
                sale.terminal,
                sale.bill,
            ):
                continue
            flags.setdefault(sale.seq, []).append(
                Flag(
                    FindingKind.CREDIT_RETURNED_TWICE,
                    {
                        "bill": sale.bill,
                        "meter": sale.meter_number,
                        "credit": f"{terminal}/{bill}",
                        "amount": row.amount if row is not None else None,
                        "settled_by": (
                            f"{row.settled_terminal}/{row.settled_bill}" if row else None
                        ),
                    },
                )
            )
    session.flush()
    return flags
