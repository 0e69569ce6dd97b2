"""The administrator's side of "Auto-Generate No. Setting" (manual 2.13): read the rules of the
bill types, check an edited rule, show a sample number, save it.

A rule is checked against the store it is saved in (decision BO-10): its longest number,
with the longest sales point, branch and terminal codes in use for a code field taken
whole, must fit the bill number column; and a bill a counter numbers in its own store
must carry the terminal while a sales point has several terminals (SYN-22, SYN-23). The
same check answers the editor as it is typed (:func:`rule_problem`) and refuses the save
(:func:`save_rule`), which is one transaction with its audit entry. Changing a rule never
renumbers a bill: the serial goes on per prefix, so a new prefix starts its own series.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.enums import NumberFieldKind, NumberReset
from starpos.db.models import Branch, NumberingField, NumberingRule, SalesPoint, Terminal
from starpos.errors import ConfigError, StarposError
from starpos.i18n import Term, tr_noop
from starpos.masterdata import bill_numbers
from starpos.masterdata.bill_numbers import (
    COUNTER_BILL_TYPES,
    MAX_LENGTH,
    NumberingContext,
    PrefixField,
    render_prefix,
)
from starpos.masterdata.changes import BadValueError, UnknownRecordError, changing
from starpos.operators import permissions
from starpos.operators.session import OperatorSession

#: The bill types' names (context ``terms``: refusals name them, the screen shows them).
BILL_TYPE_NAMES: dict[str, str] = {
    bill_numbers.VEND: tr_noop("terms", "sale"),
    bill_numbers.CUSTOMER: tr_noop("terms", "customer"),
    bill_numbers.STOCK_IN: tr_noop("terms", "stock in"),
    bill_numbers.STOCK_OUT: tr_noop("terms", "stock out"),
    bill_numbers.REPLACEMENT: tr_noop("terms", "meter replacement"),
    bill_numbers.CONTRACT_CANCELLATION: tr_noop("terms", "contract cancellation"),
    bill_numbers.TOKEN_CANCEL: tr_noop("terms", "token cancel"),
    bill_numbers.PAYMENT_CHANGE: tr_noop("terms", "payment change"),
    bill_numbers.REGISTRATION: tr_noop("terms", "registration"),
}
MAX_SERIAL_DIGITS = 12  # the store's check constraint
_DATE_WIDTHS = {
    NumberFieldKind.YEAR: 4,
    NumberFieldKind.YEAR2: 2,
    NumberFieldKind.MONTH: 2,
    NumberFieldKind.DAY: 2,
}
_CODE_KINDS = (NumberFieldKind.SALES_POINT, NumberFieldKind.BRANCH, NumberFieldKind.TERMINAL)


class CounterRuleWithoutTerminalError(ConfigError):
    code = "config.counter_rule_without_terminal"
    template = (
        "Each counter numbers its {bill_type} bills in its own store, and a sales point has "
        "several terminals: add the terminal field, or two counters will make the same numbers."
    )


class RuleTooLongError(ConfigError):
    code = "config.rule_too_long"
    template = (
        "A {bill_type} number could be {length} characters long with the codes in use; a bill "
        "number holds at most {maximum}. Remove a field, give a code field a length, or use "
        "fewer serial digits."
    )


class FixedTextMissingError(ConfigError):
    code = "config.fixed_text_missing"
    template = (
        "Field {position} is a fixed text without its text: type it (letters or digits), or "
        "choose another field."
    )


@dataclass(frozen=True)
class Rule:
    """A numbering rule as the screen shows and edits it."""

    bill_type: str
    fields: tuple[PrefixField, ...]
    serial_digits: int = 5
    start_number: int = 1
    reset: NumberReset = NumberReset.NEVER
    enabled: bool = True


@dataclass(frozen=True)
class NumberingFacts:
    """What a rule is checked against: read from the store once when the editor opens."""

    several_terminals: bool
    #: the longest code in use of each code field kind (0 when there is none yet)
    longest: dict[NumberFieldKind, int]
    #: the codes a sample number is made with
    sample: NumberingContext


def read_rules(session: Session) -> list[Rule]:
    rules = session.scalars(select(NumberingRule)).all()
    found = [
        Rule(
            bill_type=rule.bill_type,
            fields=tuple(
                PrefixField(f.position, NumberFieldKind(f.kind), f.length, f.fixed_text or "")
                for f in rule.fields
            ),
            serial_digits=rule.serial_digits,
            start_number=rule.start_number,
            reset=NumberReset(rule.reset),
            enabled=rule.enabled,
        )
        for rule in rules
    ]
    order = list(bill_numbers.BILL_TYPES)
    return sorted(found, key=lambda r: order.index(r.bill_type) if r.bill_type in order else 99)


def numbering_facts(
    session: Session, terminal_code: str | None = None, when: datetime | None = None
) -> NumberingFacts:
    """The store's facts; the sample is at ``terminal_code`` (this computer's) when it
    exists, else at the first terminal, else at the first sales point."""

    def longest(column: object) -> int:
        return int(session.scalar(select(func.max(func.length(column)))) or 0)

    terminal = None
    if terminal_code:
        terminal = session.scalars(select(Terminal).where(Terminal.code == terminal_code)).first()
    terminal = terminal or session.scalars(select(Terminal).order_by(Terminal.code)).first()
    point = (
        terminal.sales_point
        if terminal is not None and terminal.sales_point is not None
        else session.scalars(select(SalesPoint).order_by(SalesPoint.code)).first()
    )
    branch = point.branch if point is not None else None
    return NumberingFacts(
        several_terminals=bill_numbers.several_terminals_at_a_sales_point(session),
        longest={
            NumberFieldKind.SALES_POINT: longest(SalesPoint.code),
            NumberFieldKind.BRANCH: longest(Branch.code),
            NumberFieldKind.TERMINAL: longest(Terminal.code),
        },
        sample=NumberingContext(
            when=when or datetime.now(),
            sales_point_code=point.code if point is not None else "",
            branch_code=branch.code if branch is not None else "",
            terminal_code=terminal.code if terminal is not None else "",
        ),
    )


def longest_number(rule: Rule, facts: NumberingFacts) -> int:
    """The most characters a number of ``rule`` takes with the codes in use."""
    width = rule.serial_digits
    for field in rule.fields:
        if field.kind is NumberFieldKind.FIXED:
            width += len(field.fixed_text)
        elif field.kind in _DATE_WIDTHS:
            width += _DATE_WIDTHS[field.kind]
        elif field.kind in _CODE_KINDS:
            width += field.length if field.length is not None else facts.longest[field.kind]
    return width


def sample_number(rule: Rule, facts: NumberingFacts) -> str:
    """The first number of ``rule`` at the sample's sales point and terminal, today."""
    return render_prefix(rule.fields, facts.sample) + str(rule.start_number).zfill(
        rule.serial_digits
    )


def rule_problem(rule: Rule, facts: NumberingFacts) -> StarposError | None:
    """The first reason ``rule`` cannot be saved in the store ``facts`` describe, or None."""
    name = Term(BILL_TYPE_NAMES.get(rule.bill_type, rule.bill_type))
    if not 1 <= rule.serial_digits <= MAX_SERIAL_DIGITS:
        return BadValueError(
            field=Term("serial digits"), value=rule.serial_digits, reason=f"1-{MAX_SERIAL_DIGITS}"
        )
    if rule.start_number < 0:
        return BadValueError(field=Term("start number"), value=rule.start_number, reason=">= 0")
    for field in rule.fields:
        if field.kind is NumberFieldKind.FIXED and not field.fixed_text.strip():
            return FixedTextMissingError(position=field.position)
        if field.length is not None and not 1 <= field.length <= MAX_LENGTH:
            return BadValueError(field=Term("length"), value=field.length, reason=f"1-{MAX_LENGTH}")
    length = longest_number(rule, facts)
    if length > MAX_LENGTH:
        return RuleTooLongError(bill_type=name, length=length, maximum=MAX_LENGTH)
    if (
        rule.enabled
        and rule.bill_type in COUNTER_BILL_TYPES
        and facts.several_terminals
        and not any(f.kind is NumberFieldKind.TERMINAL for f in rule.fields)
    ):
        return CounterRuleWithoutTerminalError(bill_type=name)
    return None


def save_rule(database: Database, by: OperatorSession, rule: Rule) -> None:
    """Replace the rule of ``rule.bill_type`` (it must exist: the starting kit makes every
    bill type's); refused, and nothing written, when :func:`rule_problem` finds one."""
    with changing(
        database, by, permissions.ADMIN_MASTER_DATA, f"numbering:{rule.bill_type}", "changed"
    ) as change:
        session = change.session
        stored = session.get(NumberingRule, rule.bill_type)
        if stored is None:
            raise UnknownRecordError(what=Term("numbering rule"), code=rule.bill_type)
        problem = rule_problem(rule, numbering_facts(session))
        if problem is not None:
            raise problem
        fields = [
            PrefixField(position, f.kind, f.length, f.fixed_text.strip())
            for position, f in enumerate(rule.fields, start=1)
        ]
        before = _described(read_rules(session), rule.bill_type)
        stored.fields.clear()
        session.flush()  # the old fields' keys are free before the new ones take them
        stored.fields.extend(
            NumberingField(
                position=f.position, kind=f.kind, length=f.length, fixed_text=f.fixed_text
            )
            for f in fields
        )
        stored.serial_digits, stored.start_number = rule.serial_digits, rule.start_number
        stored.reset, stored.enabled = rule.reset, rule.enabled
        change.details["before"] = before
        change.details["after"] = describe(
            Rule(
                rule.bill_type,
                tuple(fields),
                rule.serial_digits,
                rule.start_number,
                rule.reset,
                rule.enabled,
            )
        )


def describe(rule: Rule) -> str:
    """A rule in one line (the audit entry and ``starpos admin numbering list``):
    ``V|year2|month|sales_point:4|terminal #5 from 1 monthly``."""
    parts = [
        f.fixed_text
        if f.kind is NumberFieldKind.FIXED
        else f"{f.kind.value}:{f.length}"
        if f.length is not None
        else f.kind.value
        for f in rule.fields
    ]
    state = "" if rule.enabled else " off"
    return (
        f"{'|'.join(parts)} #{rule.serial_digits} from {rule.start_number} "
        f"{rule.reset.value}{state}"
    )


def _described(rules: list[Rule], bill_type: str) -> str:
    return next((describe(r) for r in rules if r.bill_type == bill_type), "")
