"""What an empty store starts with, so that a utility can begin without the demo.

Manual 4.2: a new installation has the operator STAR, password ``star``, with every right;
its password must be changed at the first login (the session's rule,
:mod:`starpos.operators.session`). With it come the numbering rules of every bill type
(manual 2.13, editable later) and the cash payment term, which every counter needs and no
administrator should have to invent. Everything else is the administrator's, guided by
the set-up checklist (:mod:`starpos.masterdata.setup_checklist`).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.enums import NumberFieldKind, NumberReset, PaymentKind
from starpos.db.models import NumberingField, NumberingRule, Operator, PaymentTerm
from starpos.errors import StorageError
from starpos.masterdata import bill_numbers
from starpos.operators.passwords import hash_password

FIRST_OPERATOR = "STAR"
FIRST_PASSWORD = "star"

_POINT = (NumberFieldKind.SALES_POINT, 4)
# The whole terminal code, never cut: two codes cut to the same tail would give two counters
# the same numbers. It is the last field before the fixed-width serial, so numbers of
# different terminals cannot run into each other (docs/decisions.md SYN-22).
_TERMINAL = (NumberFieldKind.TERMINAL, None)

#: (bill type, fixed prefix, serial digits, reset, where-fields after the date). The bills a
#: counter makes with its own store (sales, token cancels, meter replacements, payment
#: changes) carry the terminal, so two counters of one sales point never make the same
#: number: V + 2612 + SP01 + T01 + 00001 is 17 characters, and a terminal code of up to 6
#: fits the 20 of manual 2.13.
_NUMBERING: tuple[
    tuple[str, str, int, NumberReset, tuple[tuple[NumberFieldKind, int | None], ...]], ...
] = (
    (bill_numbers.VEND, "V", 5, NumberReset.MONTHLY, (_POINT, _TERMINAL)),
    (bill_numbers.CUSTOMER, "C", 7, NumberReset.NEVER, ()),
    (bill_numbers.STOCK_IN, "SI", 5, NumberReset.YEARLY, ()),
    (bill_numbers.STOCK_OUT, "SO", 5, NumberReset.YEARLY, ()),
    (bill_numbers.REPLACEMENT, "RP", 5, NumberReset.YEARLY, (_TERMINAL,)),
    (bill_numbers.CONTRACT_CANCELLATION, "CC", 5, NumberReset.YEARLY, ()),
    (bill_numbers.TOKEN_CANCEL, "TC", 5, NumberReset.YEARLY, (_TERMINAL,)),
    (bill_numbers.PAYMENT_CHANGE, "PC", 5, NumberReset.YEARLY, (_TERMINAL,)),
    (bill_numbers.REGISTRATION, "RG", 5, NumberReset.YEARLY, ()),
)


def is_blank(session: Session) -> bool:
    """No operator at all: nobody could log in."""
    return not session.scalar(select(func.count()).select_from(Operator))


def start_empty(database: Database) -> bool:
    """Give a store without operators the starting kit; False when it has operators (or
    another program gave it the kit at the same moment: PostgreSQL lets both look, the
    unique operator code lets one write)."""
    try:
        with database.unit_of_work() as uow:
            session = uow.session
            if not is_blank(session):
                return False
            add_starting_kit(session)
            append(
                session,
                AuditKind.MASTER_DATA_CHANGE,
                subject=f"operator:{FIRST_OPERATOR}",
                details={"action": "starting kit", "operator": FIRST_OPERATOR},
                actor=Actor(),
            )
            uow.commit()
            return True
    except StorageError as error:
        if not isinstance(error.__cause__, IntegrityError):
            raise
        with database.reading() as session:
            if is_blank(session):
                raise
        return False


def add_starting_kit(session: Session) -> None:
    """STAR, the default numbering rules and the cash payment term (what is missing)."""
    session.add(
        Operator(
            code=FIRST_OPERATOR,
            name="STAR",
            password_hash=hash_password(FIRST_PASSWORD),
            is_superuser=True,
            must_change_password=True,
            may_login_other_sales_points=True,
        )
    )
    for bill_type, prefix, digits, reset, places in _NUMBERING:
        if session.get(NumberingRule, bill_type) is not None:
            continue
        rule = NumberingRule(bill_type=bill_type, serial_digits=digits, reset=reset)
        kinds: list[tuple[NumberFieldKind, int | None]] = []
        if reset is not NumberReset.NEVER:
            kinds.append((NumberFieldKind.YEAR2, None))
        if reset is NumberReset.MONTHLY:
            kinds.append((NumberFieldKind.MONTH, None))
        kinds.extend(places)
        rule.fields.append(
            NumberingField(position=1, kind=NumberFieldKind.FIXED, fixed_text=prefix)
        )
        for position, (kind, length) in enumerate(kinds, start=2):
            rule.fields.append(NumberingField(position=position, kind=kind, length=length))
        session.add(rule)
    if session.scalar(select(func.count()).select_from(PaymentTerm)) == 0:
        session.add(PaymentTerm(code="CASH", name="Cash", kind=PaymentKind.CASH))
    session.flush()
