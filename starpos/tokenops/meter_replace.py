"""Replace meter (manual 4.6, issue 16; docs/token-cancel.md "Replace meter").

An installed meter is replaced by one from stock: the customer, tariff and debt move to the
new meter, the old one goes back to stock as Scrap or Maintenance, and the reason's charges
are paid on the one replacement bill (:mod:`.meter_replace_charges`: the lines, what was
paid and the change, the cash into the shift's drawer). The energy the old meter still held
(entered, or read from its SUN card: :mod:`.meter_replace_card`) goes to the new meter as a
remainder credit token, made through the module as durably as any token operation and taken
from its credit like a sale's.

Two steps, each durable: (1) one commit with the replacement (``masterdata.meter_stock``),
its charge lines, payment and cash movement, its remainder, the remainder token's PLANNED
``token_operations`` row, and the audit entry; (2) the token through the module
(``run_batch``). A crash after (1) leaves a PLANNED or PENDING row that recovery and
``starpos engineering resume`` finish like any batch: the replacement is never half done.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.enums import MeterCondition, TokenOperationState
from starpos.db.enums import TokenOperationKind as Kind
from starpos.db.models import (
    Branch,
    CashMovement,
    Customer,
    IssuedCard,
    Meter,
    MeterReplacement,
    MeterReplacementCharge,
    Operator,
    PaymentTerm,
    ReplacementReason,
    SalesPoint,
    Shift,
    TariffScheme,
    Terminal,
    TokenOperation,
)
from starpos.db.parameters import utility_now_core
from starpos.devices.sm.amounts import carried_tenths
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.masterdata.meter_stock import replace_meter
from starpos.operators import permissions
from starpos.operators.errors import UnknownOperatorError
from starpos.operators.session import OperatorSession
from starpos.shifts.lifecycle import cash_code
from starpos.shifts.paid_charges import ChargePayment, take_payment
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops import errors
from starpos.tokenops.batch import run_batch
from starpos.tokenops.kinds import MAX_FREE_KWH
from starpos.tokenops.meter_replace_card import refuse_remainder_to_card, require_card_meter
from starpos.tokenops.meter_replace_charges import (
    CASH_REASON,
    ChargeLine,
    change_of,
    charge_lines,
    vat_rate_of,
)
from starpos.vending.module_access import ModuleAccess

#: What the old meter may go back to stock as (manual 4.6).
OLD_METER_CONDITIONS = (MeterCondition.SCRAP, MeterCondition.MAINTENANCE)


@dataclass(frozen=True)
class Replacement:
    """What the operator asked: the old meter, the new one from stock, why, the remainder."""

    old_meter: str
    new_meter: str
    reason_code: str
    remainder_kwh: Decimal
    condition: MeterCondition = MeterCondition.MAINTENANCE
    paid: Decimal | None = None  # what the customer handed over; None: the charges exactly
    payment: ChargePayment = field(default_factory=ChargePayment)  # cash unless said (TOK-25)


@dataclass(frozen=True)
class ReplacementResult:
    bill_number: str
    old_meter: str
    new_meter: str
    charges: Decimal
    remainder_kwh: Decimal
    token: str | None
    state: str
    paid: Decimal = Decimal(0)
    change: Decimal = Decimal(0)
    lines: tuple[ChargeLine, ...] = ()
    payment: str = ""
    card_serial: str | None = None  # the card that carries the remainder (TOK-29)

    def as_dict(self) -> dict[str, Any]:
        return {
            "bill_number": self.bill_number, "old_meter": self.old_meter,
            "new_meter": self.new_meter, "charges": self.charges, "paid": self.paid,
            "change": self.change, "payment": self.payment,
            "lines": [{"code": line.code, "amount": line.amount} for line in self.lines],
            "remainder_kwh": self.remainder_kwh, "token": self.token, "state": self.state,
            "card_serial": self.card_serial,
        }  # fmt: skip


def replace_with_remainder(
    database: Database, access: ModuleAccess, operator: OperatorSession, asked: Replacement
) -> ReplacementResult:
    """Replace the meter and make the remainder token; typed refusals write nothing."""
    operator.require(permissions.REPLACE_METER)
    remainder = checked_remainder(asked)
    replacement_id, batch_id = book(database, operator, asked, remainder)
    if batch_id is not None:
        run_batch(database, access, operator, batch_id)
    return result_of(database, replacement_id)


def checked_remainder(asked: Replacement) -> Decimal:
    """The remainder as the new meter can take it; refused when out of range."""
    if asked.condition not in OLD_METER_CONDITIONS:
        raise errors.OldMeterConditionError(condition=asked.condition.value)
    remainder = asked.remainder_kwh
    if remainder < 0 or remainder > MAX_FREE_KWH or remainder != remainder.quantize(Decimal("0.1")):
        raise errors.ValueOutOfRangeError(
            kind=Kind.REMAINDER_CREDIT.value, value=remainder, minimum=0, maximum=MAX_FREE_KWH
        )
    # A token (and a card's credit record) carries a whole number of its steps: rounded
    # down, never more than was left.
    tenths = int(remainder * 10)
    while tenths and carried_tenths(tenths) != tenths:
        tenths -= 1
    return Decimal(tenths).scaleb(-1)


def book(
    database: Database,
    operator: OperatorSession,
    asked: Replacement,
    remainder: Decimal,
    *,
    to_card: bool = False,
) -> tuple[int, str | None]:
    """Step (1): the replacement in one commit; its id and the remainder token's batch (None:
    no token; ``to_card``: the remainder is owed to a card of the new meter instead, TOK-29)."""
    actor = operator.actor
    with database.unit_of_work() as uow:
        session = uow.session
        # A replacement is this counter's record, booked the same way at the head office:
        # an enrolled counter's guard lets it move the two meters (sync.ownership.RECORD_TABLES).
        session.info["starpos.record_tables"] = ("meters",)
        operator_id = session.scalar(select(Operator.id).where(Operator.code == operator.code))
        if operator_id is None:
            raise UnknownOperatorError(operator=operator.code)
        point = session.scalars(
            select(SalesPoint).where(SalesPoint.code == actor.sales_point_code)
        ).first()
        branch = session.get(Branch, point.branch_id) if point is not None else None
        numbering = NumberingContext(
            when=utility_now_core(session),
            sales_point_code=actor.sales_point_code or "",
            branch_code=branch.code if branch is not None else "",
            terminal_code=actor.terminal_code or "",
        )
        bill = replace_meter(
            session, asked.old_meter, asked.new_meter, reason_code=asked.reason_code,
            numbering=numbering, operator_id=operator_id, condition=asked.condition,
        )  # fmt: skip
        row = session.scalars(
            select(MeterReplacement).where(MeterReplacement.bill_number == bill)
        ).one()
        reason = session.get(ReplacementReason, row.reason_id)
        new_meter = session.get(Meter, row.new_meter_id)
        assert reason is not None and new_meter is not None
        if to_card:
            require_card_meter(new_meter)
        else:
            refuse_remainder_to_card(new_meter, remainder)
        due = charge_lines(session, reason, vat_rate_of(session, new_meter))
        row.charges = due.total
        row.paid, row.change_given = change_of(due, asked.paid)
        taken = take_payment(
            session, actor, operator_id, due, (row.paid, row.change_given), asked.payment,
            CASH_REASON.format(bill=bill),
        )  # fmt: skip
        row.payment_term_id, row.bank_id = taken.term_id, taken.bank_id
        row.cheque_number, row.shift_id = taken.cheque_number, taken.shift_id
        row.cash_movement_id = taken.movement_id
        session.add_all(
            MeterReplacementCharge(
                replacement_id=row.id,
                position=position,
                charge_item_id=line.item_id,
                charge_version_id=line.version_id if line.item_id is not None else None,
                vat_version_id=line.version_id if line.item_id is None else None,
                code=line.code,
                name=line.name,
                amount=line.amount,
            )
            for position, line in enumerate(due.lines, start=1)
        )
        row.remainder_kwh = remainder
        batch_id = operation_request = None
        if remainder > 0 and not to_card:
            batch_id = str(uuid.uuid4())
            terminal_id = session.scalar(
                select(Terminal.id).where(Terminal.code == actor.terminal_code)
            )
            operation_request = str(uuid.uuid4())
            row.operation_id = session.connection().execute(
                insert(cast(Table, TokenOperation.__table__)).returning(TokenOperation.id),
                {
                    "request_id": operation_request, "batch_id": batch_id, "position": 1,
                    "kind": Kind.REMAINDER_CREDIT, "state": TokenOperationState.PLANNED,
                    "meter_id": row.new_meter_id, "operator_id": operator_id,
                    "terminal_id": terminal_id, "value": str(remainder),
                    "energy_kwh": remainder, "print_count": 0,
                },
            ).scalar_one()  # fmt: skip
        session.flush()
        append(
            session,
            AuditKind.MASTER_DATA_CHANGE,
            subject=f"meter_replacement:{bill}",
            details={
                "step": "replaced", "old_meter": _number(asked.old_meter),
                "new_meter": _number(asked.new_meter), "reason": asked.reason_code,
                "condition": asked.condition.value, "charges": row.charges,
                "paid": row.paid, "change": row.change_given, "payment": taken.code,
                "bank": (asked.payment.bank or "").strip().upper(),
                "cheque_number": taken.cheque_number,
                "cash_movement": row.cash_movement_id,
                # The shift that took the charges by its own id, for the head office (TOK-30).
                "shift": _shift_request(session, row.shift_id),
                # The bill's lines and the drawer's paid-in by codes, for the head office (SYN-33).
                "lines": [[line.code, line.name, line.amount, line.item_id is not None]
                          for line in due.lines],
                "movement": _movement_request(session, row.cash_movement_id),
                "remainder_kwh": remainder, "batch": batch_id,
                # Owed to a card of the new meter, not a token (TOK-29): no batch to wait for.
                **({"remainder_to": "card"} if to_card and remainder > 0 else {}),
                # What the head office needs to book it as it was done here (SYN-30).
                **_moved(session, row), "operation": operation_request,
            },
            actor=actor,
        )  # fmt: skip
        uow.commit()
        return row.id, batch_id


def _moved(session: Session, row: MeterReplacement) -> dict[str, Any]:
    """What the replacement moved to the new meter, by codes (the old meter's values)."""
    new = session.get(Meter, row.new_meter_id)
    customer = session.get(Customer, row.customer_id)
    assert new is not None and customer is not None
    scheme = session.get(TariffScheme, new.tariff_scheme_id) if new.tariff_scheme_id else None
    return {
        "customer": customer.code, "tariff": scheme.code if scheme is not None else None,
        "debt": new.outstanding_debt, "install_date": new.install_date,
        "contract_start": new.contract_start, "contract_end": new.contract_end,
    }  # fmt: skip


def _movement_request(session: Session, movement_id: int | None) -> str | None:
    """The paid-in's own id, the one its shift entry carries (row ids differ between stores)."""
    movement = session.get(CashMovement, movement_id) if movement_id is not None else None
    return movement.request_id if movement is not None else None


def _shift_request(session: Session, shift_id: int | None) -> str | None:
    shift = session.get(Shift, shift_id) if shift_id is not None else None
    return shift.request_id if shift is not None else None


def _payment_code(session: Session, term_id: int | None) -> str:
    """The bill's payment method (a bill from before TOK-25 has none: it was cash)."""
    term = session.get(PaymentTerm, term_id) if term_id is not None else None
    return term.code if term is not None else cash_code(session)


def _number(text: str) -> str:
    return parse_meter_number(text).iain


def result_of(database: Database, replacement_id: int) -> ReplacementResult:
    with database.reading() as session:
        row = session.get(MeterReplacement, replacement_id)
        assert row is not None
        old = session.get(Meter, row.old_meter_id)
        new = session.get(Meter, row.new_meter_id)
        assert old is not None and new is not None
        operation = session.get(TokenOperation, row.operation_id) if row.operation_id else None
        state = operation.state.value if operation is not None else "no_remainder"
        card = None
        if operation is None and row.remainder_kwh > 0:
            # Owed to a card of the new meter (TOK-29): issued once a registered card carries it.
            card = session.scalar(
                select(IssuedCard.serial).where(IssuedCard.carried_bill == row.bill_number)
            )
            state = "issued" if card is not None else "card_pending"
        lines = session.scalars(
            select(MeterReplacementCharge)
            .where(MeterReplacementCharge.replacement_id == row.id)
            .order_by(MeterReplacementCharge.position)
        )
        return ReplacementResult(
            row.bill_number, old.number, new.number, row.charges, row.remainder_kwh,
            operation.tokens if operation is not None else None, state, row.paid,
            row.change_given,
            tuple(ChargeLine(line.code, line.name, line.amount, line.charge_item_id)
                  for line in lines),
            _payment_code(session, row.payment_term_id), card,
        )  # fmt: skip
