"""Bill numbers by the "Auto-Generate No." rules (STAR manual 2.13).

A number is a prefix of fields (fixed text, year, month, sales point ...) followed by a serial
of ``serial_digits`` digits counted from ``start_number``; the serial restarts every month,
every year or never. The counter row is incremented with one ``UPDATE ... RETURNING`` inside
the caller's writing transaction, so two processes (or two threads) never get the same number,
and a rolled-back sale gives its number back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from starpos.db.enums import NumberFieldKind, NumberReset
from starpos.db.models import NumberingCounter, NumberingField, NumberingRule, Terminal
from starpos.errors import ConfigError

#: The manual says an auto-generated number is shorter than 20 characters.
MAX_LENGTH = 20

# The bill types StarPOS numbers (manual 2.13 "Bill Type").
VEND = "vend"
CUSTOMER = "customer"
STOCK_IN = "stock_in"
STOCK_OUT = "stock_out"
REPLACEMENT = "replacement"
CONTRACT_CANCELLATION = "contract_cancellation"
# The token cancel bill (manual 4.5 "Token Cancel Bill") and the payment change bill (4.7)
# have their own series; a store made before they had one (no rule) numbers them in the
# sales' series (:func:`next_number_or_sales`, decision TOK-19).
TOKEN_CANCEL = "token_cancel"
PAYMENT_CHANGE = "payment_change"
# The registration bill (manual 3.3 C "opening account bill": the register charge taken, with
# payment and change; decision BO-21), numbered in the sales' series where the store has no
# rule for it.
REGISTRATION = "registration"
BILL_TYPES = (
    VEND, CUSTOMER, STOCK_IN, STOCK_OUT, REPLACEMENT, CONTRACT_CANCELLATION, TOKEN_CANCEL,
    PAYMENT_CHANGE, REGISTRATION,
)  # fmt: skip
#: The bills a counter numbers in its own store: two counters of one sales point, each with
#: its own store, make the same numbers unless the rule names the terminal.
COUNTER_BILL_TYPES = (VEND, TOKEN_CANCEL, REPLACEMENT, PAYMENT_CHANGE)


class NumberingNotConfiguredError(ConfigError):
    code = "config.numbering_missing"
    template = (
        "There is no automatic numbering for {bill_type} bills. An administrator must set it "
        "up under Auto-Generate No. Setting."
    )


class NumberingExhaustedError(ConfigError):
    code = "config.numbering_exhausted"
    template = (
        "The {digits}-digit serial of {bill_type} numbers is used up for {period}. An "
        "administrator must allow more serial digits or a resetting prefix."
    )


class NumberTooLongError(ConfigError):
    code = "config.number_too_long"
    template = (
        "A {bill_type} number would be {length} characters long; at most {maximum} fit. "
        "Shorten the prefix fields in Auto-Generate No. Setting."
    )


@dataclass(frozen=True)
class NumberingContext:
    """Where and when a bill is made: what the prefix fields are filled with."""

    when: datetime  # local time of the utility (system parameters' time zone)
    sales_point_code: str = ""
    branch_code: str = ""
    terminal_code: str = ""


@dataclass(frozen=True)
class PrefixField:
    """One prefix field of a numbering rule (a ``NumberingField`` row's values)."""

    position: int
    kind: NumberFieldKind
    length: int | None = None
    fixed_text: str = ""


@dataclass(frozen=True)
class _Rule:
    bill_type: str
    serial_digits: int
    start_number: int
    reset: NumberReset
    fields: tuple[PrefixField, ...]


# Every sale takes a number: plain Core statements, built once (their compiled form is
# cached), one query for the rule with its fields, one UPDATE ... RETURNING for the serial.
_RULES = cast(Table, NumberingRule.__table__)
_FIELDS = cast(Table, NumberingField.__table__)
_COUNTERS = cast(Table, NumberingCounter.__table__)
_READ_RULE = (
    select(
        _RULES.c.enabled,
        _RULES.c.serial_digits,
        _RULES.c.start_number,
        _RULES.c.reset,
        _FIELDS.c.position,
        _FIELDS.c.kind,
        _FIELDS.c.length,
        _FIELDS.c.fixed_text,
    )
    .select_from(_RULES.outerjoin(_FIELDS, _FIELDS.c.bill_type == _RULES.c.bill_type))
    .where(_RULES.c.bill_type == bindparam("bill_type"))
)
_BUMP = (
    update(_COUNTERS)
    .where(
        _COUNTERS.c.bill_type == bindparam("b_bill_type"),
        _COUNTERS.c.period == bindparam("b_period"),
        _COUNTERS.c.prefix == bindparam("b_prefix"),
    )
    .values(next_value=_COUNTERS.c.next_value + 1)
    .returning(_COUNTERS.c.next_value)
)


def _fit(code: str, length: int | None) -> str:
    if length is None:
        return code
    return code[-length:].rjust(length, "0")


def render_prefix(fields: Sequence[PrefixField | NumberingField], context: NumberingContext) -> str:
    parts: list[str] = []
    for field in sorted(fields, key=lambda f: f.position):
        kind = NumberFieldKind(field.kind)
        if kind is NumberFieldKind.FIXED:
            parts.append(field.fixed_text)
        elif kind is NumberFieldKind.YEAR:
            parts.append(f"{context.when.year:04d}")
        elif kind is NumberFieldKind.YEAR2:
            parts.append(f"{context.when.year % 100:02d}")
        elif kind is NumberFieldKind.MONTH:
            parts.append(f"{context.when.month:02d}")
        elif kind is NumberFieldKind.DAY:
            parts.append(f"{context.when.day:02d}")
        elif kind is NumberFieldKind.SALES_POINT:
            parts.append(_fit(context.sales_point_code, field.length))
        elif kind is NumberFieldKind.BRANCH:
            parts.append(_fit(context.branch_code, field.length))
        elif kind is NumberFieldKind.TERMINAL:
            parts.append(_fit(context.terminal_code, field.length))
    return "".join(parts)


def period_key(reset: NumberReset, when: datetime) -> str:
    """The counter period a serial restarts in: ``2026-11``, ``2026`` or ``""``."""
    if reset is NumberReset.MONTHLY:
        return f"{when.year:04d}-{when.month:02d}"
    if reset is NumberReset.YEARLY:
        return f"{when.year:04d}"
    return ""


def next_number(session: Session, bill_type: str, context: NumberingContext) -> str:
    """Allocate the next number of ``bill_type``; call inside a writing unit of work."""
    rule = _enabled_rule(session, bill_type)
    prefix = render_prefix(rule.fields, context)
    period = period_key(rule.reset, context.when)
    serial = _take_serial(session, rule, period, prefix)
    if len(str(serial)) > rule.serial_digits:
        raise NumberingExhaustedError(
            bill_type=bill_type, digits=rule.serial_digits, period=period or prefix or "ever"
        )
    number = prefix + str(serial).zfill(rule.serial_digits)
    if len(number) > MAX_LENGTH:
        raise NumberTooLongError(bill_type=bill_type, length=len(number), maximum=MAX_LENGTH)
    return number


def next_number_or_sales(session: Session, bill_type: str, context: NumberingContext) -> str:
    """The next ``bill_type`` number, or the next sale number when the store has no rule
    for it (a store set up before that bill had its own series)."""
    try:
        return next_number(session, bill_type, context)
    except NumberingNotConfiguredError:
        return next_number(session, VEND, context)


def _enabled_rule(session: Session, bill_type: str) -> _Rule:
    rows = session.connection().execute(_READ_RULE, {"bill_type": bill_type}).all()
    if not rows or not rows[0].enabled:
        raise NumberingNotConfiguredError(bill_type=bill_type)
    first = rows[0]
    return _Rule(
        bill_type=bill_type,
        serial_digits=first.serial_digits,
        start_number=first.start_number,
        reset=NumberReset(first.reset),
        fields=tuple(
            PrefixField(row.position, NumberFieldKind(row.kind), row.length, row.fixed_text)
            for row in rows
            if row.position is not None
        ),
    )


def _take_serial(session: Session, rule: _Rule, period: str, prefix: str) -> int:
    key = {"b_bill_type": rule.bill_type, "b_period": period, "b_prefix": prefix}
    after = session.connection().execute(_BUMP, key).scalar_one_or_none()
    if after is not None:
        return int(after) - 1
    try:
        # The first number of a period. Another process may create the row at the same
        # moment (PostgreSQL; SQLite's write lock rules that out): then bump theirs.
        with session.begin_nested():
            session.add(
                NumberingCounter(
                    bill_type=rule.bill_type,
                    period=period,
                    prefix=prefix,
                    next_value=rule.start_number + 1,
                )
            )
        return rule.start_number
    except IntegrityError:
        return int(session.connection().execute(_BUMP, key).scalar_one()) - 1


def counter_rules_without_terminal(session: Session) -> list[str]:
    """The bill types of :data:`COUNTER_BILL_TYPES` whose enabled rule has no terminal field,
    while some sales point has more than one active terminal; ``[]`` otherwise.

    Not a refusal: an installation whose terminals share one store (one PostgreSQL) numbers
    uniquely anyway, and rules also arrive from the head office and the demo. The set-up
    checklist lists it for the administrator instead (docs/decisions.md SYN-22)."""
    if not several_terminals_at_a_sales_point(session):
        return []
    with_terminal = select(NumberingField.bill_type).where(
        NumberingField.kind == NumberFieldKind.TERMINAL
    )
    found = session.scalars(
        select(NumberingRule.bill_type).where(
            NumberingRule.bill_type.in_(COUNTER_BILL_TYPES),
            NumberingRule.enabled.is_(True),
            NumberingRule.bill_type.not_in(with_terminal),
        )
    ).all()
    return sorted(found, key=COUNTER_BILL_TYPES.index)


def several_terminals_at_a_sales_point(session: Session) -> bool:
    """Some sales point has more than one active terminal (each may count in its own store)."""
    per_point = (
        select(Terminal.sales_point_id)
        .where(Terminal.active.is_(True))
        .group_by(Terminal.sales_point_id)
        .having(func.count() > 1)
    )
    return session.scalar(select(per_point.exists())) is True
