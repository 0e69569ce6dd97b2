"""The head office's ghost vending check (docs/sync.md, "Reconciliation at the head office";
decision SYN-60): what the terminals sent, read back from the central store.

- **Each terminal's chain as stored**: its received events numbered 1, 2, 3 ... without a
  gap, each linked to the one before and hashing to what the terminal signed, up to the
  position the enrolment says was applied. The push verified all of this on arrival, so a
  difference here means the central store was changed behind the server's back.
- **Each module's credit against the energy the terminals reported**: the module's balance
  is followed along its tokens (sales and free credit tokens, in the module's own order:
  credit update sequence, then balance) and the credit updates its counter applied; a
  balance lower than the tokens before it leave is energy the module gave out that no
  record holds (a ghost token), a higher one is a record of energy the module did not give.
- **The counter's own verdict**: each module's last reconciliation against the module itself
  (the counter runs it after every sync and sends it up; a disagreement is also raised as a
  finding when it arrives, ``module_books_disagree``).

It reads only. ``starpos server check`` runs it; the counters' verdicts make it run, in part,
after every sync.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, entry_hash
from starpos.db.models import (
    ReceivedEvent,
    Terminal,
    TerminalEnrolment,
    TokenOperation,
    Vend,
)
from starpos.db.models.sync import GENESIS
from starpos.server.errors import UnknownTerminalError
from starpos.sync.wire import LEGACY_EVENT_NAMESPACE, WireEvent
from starpos.vending.module_books import LedgerToken, in_module_order, module_books

#: A module credit entry whose update the module took (its balances are the module's).
CREDIT_TAKEN = frozenset({"applied", "adopted", "recovered"})
MODULE_SUBJECT = "module:"
READ_BATCH = 2000


@dataclass(frozen=True)
class CheckFinding:
    """One thing that does not agree: ``kind`` (a stable code), where (a terminal's code or a
    module's id) and what names it."""

    kind: str
    where: str
    facts: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "where": self.where, **self.facts}


@dataclass
class GhostCheck:
    terminals: int = 0
    events: int = 0
    modules: int = 0
    tokens: int = 0
    findings: list[CheckFinding] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        return not self.findings

    def as_dict(self) -> dict[str, Any]:
        return {
            "agrees": self.agrees,
            "terminals": self.terminals,
            "events": self.events,
            "modules": self.modules,
            "tokens": self.tokens,
            "findings": [finding.as_dict() for finding in self.findings],
        }


def ghost_check(session: Session, terminal: str | None = None) -> GhostCheck:
    """The check over every enrolled terminal (or one) and the modules they sold with."""
    terminals = select(Terminal.id, Terminal.code).order_by(Terminal.code)
    if terminal is not None:
        terminals = terminals.where(Terminal.code == terminal)
    found = session.execute(terminals).all()
    if terminal is not None and not found:
        raise UnknownTerminalError(terminal=terminal)
    report = GhostCheck()
    ids = [terminal_id for terminal_id, _ in found]
    for enrolment, code in session.execute(
        select(TerminalEnrolment, Terminal.code)
        .join(Terminal, Terminal.id == TerminalEnrolment.terminal_id)
        .where(TerminalEnrolment.terminal_id.in_(ids))
        .order_by(Terminal.code, TerminalEnrolment.enrolled_at)
    ).all():
        report.terminals += 1
        report.events += _check_chain(session, enrolment, code, report.findings)
    for module in _modules(session, ids):
        report.modules += 1
        report.tokens += _check_module(session, module, report.findings)
        report.findings.extend(_last_verdict(session, module))
    return report


def _check_chain(
    session: Session, enrolment: TerminalEnrolment, code: str, findings: list[CheckFinding]
) -> int:
    seq, previous = 0, GENESIS
    rows = session.scalars(
        select(ReceivedEvent)
        .where(ReceivedEvent.enrolment_id == enrolment.id)
        .order_by(ReceivedEvent.seq)
        .execution_options(yield_per=READ_BATCH)
    )
    count = 0
    for row in rows:
        count += 1
        if row.seq != seq + 1:
            findings.append(CheckFinding("stored_events_missing", code, {
                "after": seq, "next": row.seq,
            }))  # fmt: skip
        elif row.previous_hash != previous:
            findings.append(CheckFinding("stored_chain_broken", code, {"seq": row.seq}))
        if _hash_of(row) != row.entry_hash:
            findings.append(CheckFinding("stored_event_rewritten", code, {"seq": row.seq}))
        seq, previous = row.seq, row.entry_hash
    if (seq, previous) != (enrolment.applied_seq, enrolment.applied_hash):
        findings.append(CheckFinding("stored_head_differs", code, {
            "applied_seq": enrolment.applied_seq, "stored_seq": seq,
        }))  # fmt: skip
    return count


def _hash_of(row: ReceivedEvent) -> str:
    """The hash the terminal signed, from the stored row (an entry written before entries
    carried an event id is kept under one derived from its hash, not hashed with it)."""
    legacy = row.event_id == str(uuid.uuid5(LEGACY_EVENT_NAMESPACE, row.entry_hash))
    return entry_hash(
        WireEvent(
            id=row.seq, event_id=None if legacy else row.event_id,
            occurred_at=row.occurred_at, kind=row.kind, operator_code=row.operator_code,
            sales_point_code=row.sales_point_code, terminal_code=row.terminal_code,
            subject=row.subject, details=row.details, previous_hash=row.previous_hash,
            entry_hash=row.entry_hash,
        )
    )  # fmt: skip


def _modules(session: Session, terminal_ids: list[int]) -> list[str]:
    sold = select(Vend.module_id).where(
        Vend.terminal_id.in_(terminal_ids), Vend.module_id.is_not(None)
    )
    operated = select(TokenOperation.module_id).where(
        TokenOperation.terminal_id.in_(terminal_ids), TokenOperation.module_id.is_not(None)
    )
    return sorted(str(module) for module in session.scalars(union(sold, operated)))


def _credit_updates(session: Session, module: str) -> dict[int, tuple[Decimal, Decimal]]:
    """``{update sequence: (balance before, after)}`` of the updates the module took, as its
    counter reported them."""
    taken: dict[int, tuple[Decimal, Decimal]] = {}
    for details in session.scalars(
        select(ReceivedEvent.details).where(
            ReceivedEvent.kind == AuditKind.MODULE_CREDIT.value,
            ReceivedEvent.subject == MODULE_SUBJECT + module,
        )
    ):
        facts = _facts(details)
        if facts.get("step") not in CREDIT_TAKEN:
            continue
        try:
            before = Decimal(str(facts["balance_before_kwh"]))
            after = Decimal(str(facts["balance_after_kwh"]))
            taken[int(facts["sequence"])] = (before, after)
        except (KeyError, ValueError, ArithmeticError):
            continue  # an entry without the module's balances: the walk starts again
    return taken


def _check_module(session: Session, module: str, findings: list[CheckFinding]) -> int:
    """Follow the module's balance along its tokens and credit updates; each step that does
    not fit is a finding."""
    books = module_books(session, module)
    updates = _credit_updates(session, module)
    tokens = in_module_order(books)
    walk = _Walk(module, updates, findings)
    for token in tokens:
        walk.token(token)
    walk.through(max(updates, default=0))
    return len(tokens)


class _Walk:
    def __init__(
        self,
        module: str,
        updates: dict[int, tuple[Decimal, Decimal]],
        findings: list[CheckFinding],
    ) -> None:
        self.module = module
        self.updates = updates
        self.findings = findings
        self.sequence = 0
        self.expected: Decimal | None = None
        self.previous: str | None = None

    def through(self, target: int) -> None:
        for number in range(self.sequence + 1, target + 1):
            taken = self.updates.get(number)
            label = f"credit update {number}"
            if taken is None:
                self.expected = None  # not reported: the walk starts again after it
            else:
                self._step(label, taken[0])
                self.expected = taken[1]
            self.previous = label
        self.sequence = max(self.sequence, target)

    def token(self, token: LedgerToken) -> None:
        assert token.sequence is not None and token.balance_before is not None
        if token.sequence < self.sequence:
            self.expected = None  # recorded out of order: start again from this row
        self.through(token.sequence)
        self._step(token.label, token.balance_before)
        self.expected = token.balance_before - (token.kwh if token.made else Decimal(0))
        self.previous = token.label

    def _step(self, label: str, found: Decimal) -> None:
        if self.expected is None or found == self.expected:
            return
        missing = self.expected - found
        kind = "module_energy_unrecorded" if missing > 0 else "module_energy_not_given"
        self.findings.append(CheckFinding(kind, self.module, {
            "after": self.previous, "at": label, "expected_kwh": self.expected,
            "found_kwh": found, "missing_kwh": missing,
        }))  # fmt: skip


def _last_verdict(session: Session, module: str) -> Iterable[CheckFinding]:
    """The counter's last reconciliation of the module against the module itself."""
    row = session.execute(
        select(ReceivedEvent.details, ReceivedEvent.terminal_code)
        .where(
            ReceivedEvent.kind == AuditKind.RECONCILE.value,
            ReceivedEvent.subject == MODULE_SUBJECT + module,
        )
        .order_by(ReceivedEvent.occurred_at.desc(), ReceivedEvent.seq.desc())
        .limit(1)
    ).first()
    if row is None:
        return []
    facts = _facts(row.details)
    if not disagrees(facts):
        return []
    return [CheckFinding("module_books_disagree", module, verdict_facts(facts, row.terminal_code))]


def disagrees(verdict: dict[str, Any]) -> bool:
    """Whether a counter's verdict found something: sales still PENDING alone (their outcome
    not known yet, recovery settles them) are not a disagreement."""
    return bool(verdict.get("findings"))


def verdict_facts(facts: dict[str, Any], terminal: str | None) -> dict[str, Any]:
    """What a counter's disagreeing verdict says, short: the kinds it found and the balances."""
    kinds = [
        str(finding.get("kind"))
        for finding in facts.get("findings", [])
        if isinstance(finding, dict)
    ]
    return {
        "terminal": terminal, "findings": kinds, "balance_kwh": facts.get("balance_kwh"),
        "expected_balance_kwh": facts.get("expected_balance_kwh"),
        "pending": facts.get("pending", []),
    }  # fmt: skip


def _facts(details: str) -> dict[str, Any]:
    try:
        value = json.loads(details)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
