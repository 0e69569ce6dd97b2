"""Terminals' payment changes (manual 4.7) into the head office's ``payment_changes``, as the
counter booked them (docs/sync.md, "Projection"; decision SYN-30).

The facts come from the ``master_data_change`` entry with subject ``payment_change:<bill>``
(``starpos.tokenops.payment_change``): the meter's number, the customer's code, both pay
types and the amounts, and the earlier change it carried over. The change row is booked
under the signing terminal with the entry's time; the carried change becomes CARRIED and
the meter's prearrangement follows, as at the counter. Never refused: what the head office
cannot resolve is an ``unknown_reference`` finding and the entry stays in the chain.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind
from starpos.db.enums import PaymentChangeState, PaymentMode
from starpos.db.models import Customer, Meter, PaymentChange, SalesPoint
from starpos.server.findings import FindingKind, Flag
from starpos.server.sale_owner import sent_by_another
from starpos.server.shift_projection import operator_id

if TYPE_CHECKING:
    from starpos.server.projections import TerminalEvent

PREFIX = "payment_change:"


def payment_changed(session: Session, event: TerminalEvent) -> list[Flag]:
    facts = event.details
    bill = event.subject.removeprefix(PREFIX)
    if session.scalar(select(PaymentChange.id).where(PaymentChange.bill_number == bill)):
        if session.scalar(select(_others(event, literal(PREFIX + bill)))):
            # A terminal set up again numbers afresh: the bill is its old store's change.
            return [Flag(FindingKind.BILL_NUMBER_TAKEN, {"payment_change": bill})]
        return []  # booked already (bill numbers carry their terminal: SYN-22)
    meter = session.scalars(
        select(Meter).where(Meter.number == facts.get("meter")).with_for_update()
    ).first()
    customer = session.scalar(select(Customer.id).where(Customer.code == facts.get("customer")))
    who = operator_id(session, event.operator_code)
    found = (("meter", meter), ("customer", customer), ("operator", who))
    missing = [name for name, value in found if value is None]
    if meter is None or customer is None or who is None:
        return [Flag(FindingKind.UNKNOWN_REFERENCE, {"payment_change": bill, "missing": missing})]
    amounts = {
        key: Decimal(str(facts.get(key, "0"))) for key in ("prearrange", "receivable", "remain")
    }
    carried = facts.get("carried")
    if carried:
        # The sending store's own earlier change, never an old store's of the same bill.
        earlier = session.scalars(
            select(PaymentChange).where(
                PaymentChange.bill_number == carried,
                ~_others(event, literal(PREFIX) + PaymentChange.bill_number),
            )
        ).first()
        if earlier is not None:
            earlier.state = PaymentChangeState.CARRIED
    # Prearranged credit protects a prepaid meter only (as tokenops.payment_change sets it).
    meter.prearrange_due = amounts["prearrange"] > 0
    point_code = event.sales_point_claimed or event.sales_point_code
    due = any(amount > 0 for amount in amounts.values())
    session.add(
        PaymentChange(
            bill_number=bill, meter_id=meter.id, customer_id=customer,
            from_mode=PaymentMode(facts["from"]), to_mode=PaymentMode(facts["to"]),
            state=PaymentChangeState.DUE if due else PaymentChangeState.SETTLED,
            remark=str(facts.get("remark", "")), operator_id=who,
            sales_point_id=session.scalar(
                select(SalesPoint.id).where(SalesPoint.code == point_code)
            ),
            terminal_id=event.terminal_id, created_at=event.occurred_at, **amounts,
        )
    )  # fmt: skip
    session.flush()
    return []


def _others(event: TerminalEvent, subject: Any) -> Any:
    return sent_by_another(AuditKind.MASTER_DATA_CHANGE.value, subject, event.enrolment_id)
