"""Every money and energy field and every token of the ledger against the audit log.

The hash chain proves that no audit entry changed; it says nothing about the ledger tables
beside it. Each sale's audit entries hold its facts (the PENDING entry: amounts, energy,
meter, customer, TID; the ISSUED one: its token), so a ledger row edited afterwards — a
lower ``net_amount``, a forged token, kWh moved from one customer to another — disagrees
with its own entries. :func:`check_ledger` reads every sale (token and card) and every
token operation beside its entries and names each difference: the record, the field, the
value in the ledger and the value audited. It also names sales the audit log has and the
ledger lost, and ledger rows no audit entry stands for (docs/security.md).

An entry written before a field was audited simply lacks it; only what is audited is
compared. Rows are read in batches of :data:`BATCH` by id with their entries by subject
(an indexed lookup), so memory stays flat on a store of millions of sales.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from sqlalchemy import Table, exists, func, select
from sqlalchemy.orm import Session

from starpos.audit.log import ISSUING_STEPS, AuditKind
from starpos.db.models import (
    AuditEntry,
    CardVend,
    Customer,
    Meter,
    TokenOperation,
    Vend,
    VendCharge,
    VendToken,
)

BATCH = 2000

#: Money the pending entry audits, by ``vends`` column.
MONEY_FIELDS = (
    "net_amount",
    "amount",
    "amount_rounding",
    "taxed_charges",
    "untaxed_charges",
    "vat_rate",
    "vat",
    "debt_repayment",
    "debt_after",
    "preinstalled",
    "prearrange",
    "tendered",
    "change",
)
ENERGY_FIELDS = ("energy_kwh", "fbe_kwh", "token_kwh")
#: The entry a key change sale writes when its key change tokens are made.
KEY_CHANGE_STEPS = frozenset({"key_change_issued", "key_change_recovered"})
MADE_STATES = frozenset({"issued", "printed"})

_ENTRIES = cast(Table, AuditEntry.__table__)
_VENDS = cast(Table, Vend.__table__)
_OPERATIONS = cast(Table, TokenOperation.__table__)
_SALE_KINDS = (AuditKind.VEND.value, AuditKind.VEND_FAILED.value, AuditKind.VEND_CANCELLED.value)


@dataclass(frozen=True)
class LedgerFinding:
    """One disagreement: ``record`` (``vend:<bill>`` or ``token_operation:<id>``), the
    ``field``, its value in the ledger and the value the audit log holds (``None``: none)."""

    record: str
    field: str
    ledger: str | None
    audited: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "record": self.record,
            "field": self.field,
            "ledger": self.ledger,
            "audited": self.audited,
        }


@dataclass
class LedgerCheck:
    sales: int = 0
    token_operations: int = 0
    findings: list[LedgerFinding] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        return not self.findings


@dataclass
class _Audited:
    """What the entries of one record say, gathered in chain order."""

    facts: dict[str, Any] = field(default_factory=dict)
    tokens: list[str] = field(default_factory=list)
    credit_made: bool = False
    failed: bool = False
    cancelled: bool = False
    pending: bool = False


def check_ledger(session: Session) -> LedgerCheck:
    """Compare every sale and token operation with its audit entries."""
    report = LedgerCheck()
    for rows in _batches(session, _VENDS):
        bills = [f"vend:{row.bill_number}" for row in rows]
        audited = _audited(session, bills)
        extras = _sale_extras(session, [row.id for row in rows])
        for row, subject in zip(rows, bills, strict=True):
            report.sales += 1
            _check_sale(report, subject, row, extras, audited.get(subject))
    for rows in _batches(session, _OPERATIONS):
        subjects = [f"token_operation:{row.request_id}" for row in rows]
        audited = _audited(session, subjects)
        numbers = _meter_numbers(session, {row.meter_id for row in rows})
        for row, subject in zip(rows, subjects, strict=True):
            report.token_operations += 1
            _check_operation(report, subject, row, numbers, audited.get(subject))
    for subject in _audited_but_missing(session):
        report.findings.append(LedgerFinding(subject, "row", None, "audited"))
    return report


def _batches(session: Session, table: Table) -> Iterator[Sequence[Any]]:
    after = 0
    connection = session.connection()
    while True:
        rows = connection.execute(
            select(table).where(table.c.id > after).order_by(table.c.id).limit(BATCH)
        ).all()
        if not rows:
            return
        yield rows
        after = rows[-1].id


def _audited(session: Session, subjects: list[str]) -> dict[str, _Audited]:
    found: dict[str, _Audited] = defaultdict(_Audited)
    statement = (
        select(_ENTRIES.c.subject, _ENTRIES.c.kind, _ENTRIES.c.details)
        .where(_ENTRIES.c.subject.in_(subjects))
        .order_by(_ENTRIES.c.id)
    )
    for subject, kind, text in session.connection().execute(statement):
        details = _details(text)
        step = details.get("step")
        audited = found[subject]
        if kind == AuditKind.VEND_FAILED.value:
            audited.failed = True
        elif kind == AuditKind.VEND_CANCELLED.value:
            audited.cancelled = True
        elif kind in (AuditKind.VEND.value, AuditKind.TOKEN_OPERATION.value):
            if step == "pending":
                audited.pending = True
                audited.facts.update(details)
                # Key change tokens an earlier sale made come first on this one's voucher.
                change = details.get("key_change")
                if isinstance(change, dict):
                    audited.tokens.extend(str(token) for token in change.get("tokens", []))
            elif step == "failed":
                audited.failed = True
            elif step in KEY_CHANGE_STEPS:
                # A key change sale: its key change tokens come first, and from here on the
                # sale's TID is its credit token's under the new key (docs/key-changes.md).
                audited.tokens.extend(str(token) for token in details.get("tokens", []))
                if "tid" in details:
                    audited.facts["tid"] = details["tid"]
            elif step in ISSUING_STEPS:
                audited.credit_made = True
                if "token" in details:
                    audited.tokens.append(str(details["token"]))
                audited.tokens.extend(str(token) for token in details.get("tokens", []))
                # A token made without the module (a test token) is audited whole here.
                for key in ("kind", "value", "energy_kwh", "meter", "tid"):
                    if key in details and key not in audited.facts:
                        audited.facts[key] = details[key]
    return found


def _details(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


@dataclass
class _SaleExtras:
    meters: dict[int, str]
    customers: dict[int, str]
    tokens: dict[int, list[str]]
    charges: dict[int, list[list[str]]]
    card_sequences: dict[int, int]


def _sale_extras(session: Session, vend_ids: list[int]) -> _SaleExtras:
    connection = session.connection()
    tokens: dict[int, list[str]] = defaultdict(list)
    for vend_id, token in connection.execute(
        select(VendToken.vend_id, VendToken.token)
        .where(VendToken.vend_id.in_(vend_ids))
        .order_by(VendToken.vend_id, VendToken.position)
    ):
        tokens[vend_id].append(token)
    charges: dict[int, list[list[str]]] = defaultdict(list)
    for vend_id, code, amount in connection.execute(
        select(VendCharge.vend_id, VendCharge.code, VendCharge.amount)
        .where(VendCharge.vend_id.in_(vend_ids))
        .order_by(VendCharge.vend_id, VendCharge.position)
    ):
        charges[vend_id].append([code, str(amount)])
    sequences = dict(
        connection.execute(
            select(CardVend.vend_id, CardVend.sequence).where(CardVend.vend_id.in_(vend_ids))
        ).all()
    )
    people = connection.execute(
        select(Vend.id, Meter.number, Customer.code)
        .join(Meter, Meter.id == Vend.meter_id)
        .join(Customer, Customer.id == Vend.customer_id)
        .where(Vend.id.in_(vend_ids))
    ).all()
    return _SaleExtras(
        meters={vend_id: number for vend_id, number, _ in people},
        customers={vend_id: code for vend_id, _, code in people},
        tokens=tokens,
        charges=charges,
        card_sequences=sequences,
    )


def _meter_numbers(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.connection().execute(select(Meter.id, Meter.number).where(Meter.id.in_(ids)))
    return {meter_id: number for meter_id, number in rows}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return str(value)
    return str(value.value if hasattr(value, "value") else value)


def _same(ledger: Any, audited: Any) -> bool:
    """Equal as numbers when both read as numbers (``10.00`` is ``10.0``), else as text."""
    if ledger is None or audited is None:
        return ledger is None and audited is None
    try:
        return Decimal(str(ledger)) == Decimal(str(audited))
    except InvalidOperation:
        return _text(ledger) == _text(audited)


def _compare(
    report: LedgerCheck, subject: str, name: str, ledger: Any, facts: dict[str, Any], key: str
) -> None:
    if key in facts and not _same(ledger, facts[key]):
        report.findings.append(LedgerFinding(subject, name, _text(ledger), _text(facts[key])))


def _check_sale(
    report: LedgerCheck, subject: str, row: Any, extras: _SaleExtras, audited: _Audited | None
) -> None:
    if audited is None or not audited.pending:
        report.findings.append(LedgerFinding(subject, "row", "present", None))
        return
    facts = audited.facts
    for name in (*MONEY_FIELDS, *ENERGY_FIELDS):
        _compare(report, subject, name, getattr(row, name), facts, name)
    _compare(report, subject, "meter", extras.meters.get(row.id), facts, "meter")
    _compare(report, subject, "customer", extras.customers.get(row.id), facts, "customer")
    if row.medium != "card":
        _compare(report, subject, "tid", row.tid, facts, "tid")
        _compare(report, subject, "module_id", row.module_id, facts, "module")
    else:
        sequence = extras.card_sequences.get(row.id)
        _compare(report, subject, "card_sequence", sequence, facts, "sequence")
    if "charges" in facts:
        audited_charges = [[str(line[0]), _text(_amount_of(line))] for line in facts["charges"]]
        ledger_charges = extras.charges.get(row.id, [])
        if not _same_lines(ledger_charges, audited_charges):
            report.findings.append(
                LedgerFinding(
                    subject, "charges", json.dumps(ledger_charges), json.dumps(audited_charges)
                )
            )
    state = _text(row.state) or ""
    tokens = extras.tokens.get(row.id, [])
    if state in MADE_STATES and not audited.credit_made:
        report.findings.append(LedgerFinding(subject, "state", state, "no credit made"))
    if state in ("failed", "pending") and audited.credit_made:
        report.findings.append(LedgerFinding(subject, "state", state, "credit made"))
    if tokens != audited.tokens:
        report.findings.append(
            LedgerFinding(
                subject, "token", " ".join(tokens) or None, " ".join(audited.tokens) or None
            )
        )


def _same_lines(ledger: list[list[str]], audited: list[list[Any]]) -> bool:
    if len(ledger) != len(audited):
        return False
    return all(a[0] == b[0] and _same(a[1], b[1]) for a, b in zip(ledger, audited, strict=True))


def _check_operation(
    report: LedgerCheck,
    subject: str,
    row: Any,
    numbers: dict[int, str],
    audited: _Audited | None,
) -> None:
    state = _text(row.state) or ""
    if audited is None or not (audited.pending or audited.credit_made or audited.failed):
        if state != "planned":  # a planned row acted on nothing yet; its batch is audited
            report.findings.append(LedgerFinding(subject, "row", "present", None))
        return
    facts = audited.facts
    _compare(report, subject, "kind", row.kind, facts, "kind")
    _compare(report, subject, "value", row.value, facts, "value")
    _compare(report, subject, "energy_kwh", row.energy_kwh, facts, "energy_kwh")
    _compare(report, subject, "meter", numbers.get(row.meter_id), facts, "meter")
    if state in ("pending", "issued"):
        _compare(report, subject, "tid", row.tid, facts, "tid")
    tokens = (row.tokens or "").split()
    if state == "issued" and not audited.credit_made:
        report.findings.append(LedgerFinding(subject, "state", state, "no token made"))
    if state in ("failed", "planned", "pending") and audited.credit_made:
        report.findings.append(LedgerFinding(subject, "state", state, "token made"))
    if tokens != audited.tokens:
        report.findings.append(
            LedgerFinding(
                subject, "token", " ".join(tokens) or None, " ".join(audited.tokens) or None
            )
        )


def _audited_but_missing(session: Session) -> list[str]:
    """Subjects of audited sales and token operations that have no ledger row any more."""
    prefix_length = len("vend:") + 1
    sales = (
        select(_ENTRIES.c.subject)
        .where(
            _ENTRIES.c.kind.in_(_SALE_KINDS),
            _ENTRIES.c.subject.like("vend:%"),
            ~exists().where(_VENDS.c.bill_number == func.substr(_ENTRIES.c.subject, prefix_length)),
        )
        .distinct()
    )
    operation_prefix = len("token_operation:") + 1
    operations = (
        select(_ENTRIES.c.subject)
        .where(
            _ENTRIES.c.kind == AuditKind.TOKEN_OPERATION.value,
            _ENTRIES.c.subject.like("token_operation:%"),
            ~exists().where(
                _OPERATIONS.c.request_id == func.substr(_ENTRIES.c.subject, operation_prefix)
            ),
        )
        .distinct()
    )
    connection = session.connection()
    found = [*connection.execute(sales).scalars(), *connection.execute(operations).scalars()]
    return sorted(found)


def _amount_of(line: list[Any]) -> Any:
    """A charge line's amount in an audit entry: ``[code, amount]`` in a sale's figures,
    ``[code, name, method, amount, taxed]`` in its facts, and since BO-23 the version's start
    after them."""
    return line[1] if len(line) == 2 else line[3]
