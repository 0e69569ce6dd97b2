"""Does the module agree with the books, over its whole life? (DESIGN.md rule 4, checked.)

A module counts for ever (``SM?CI``, docs/sm-protocol.md section 10): credited and debited
by credit updates, issued by credit tokens, and how many tokens of each kind. So, whatever
credit updates came in between:

    credited - debited - balance = issued = the energy of every credit token the books hold

(plus what a re-bind accepted, :class:`~starpos.db.models.ModuleBinding`). Token counts and
the last TID must agree too, and every credit update the module applied must be one the
store recorded (and the reverse). Any difference is a :class:`Finding` naming what explains
it: the credit updates one side lacks, the last TID the ledger does not hold, and, from the
walk along the module's balance, between which two recorded events (bills, free credit
tokens, credit updates) the balance fell by more than the books say.

The walk: every token row keeps the module's sequence and balance just before it. Within a
sequence the balance only falls, by the tokens made; across a credit update it moves from
the update's ``balance_before`` to its ``balance_after`` (the module's own ``SM?CU``
record). A step that does not fit is a :class:`Discrepancy` between two named events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from starpos.db import Database
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError
from starpos.devices.sm.records import CreditUpdateRecord, ModuleCounters
from starpos.vending import errors
from starpos.vending.module_books import (
    ModuleBooks,
    in_module_order,
    module_books,
    recorded_credit_updates,
)

TENTH = Decimal("0.1")
ZERO = Decimal("0.0")
REBIND = "rebind"


@dataclass(frozen=True)
class Discrepancy:
    """The balance at ``bill`` (an event's label, or None for the module now) is not what
    the books say it should be after ``after`` (the event before it, None: the start)."""

    bill: str | None
    expected: Decimal
    found: Decimal
    after: str | None = None

    @property
    def missing_kwh(self) -> Decimal:
        """Energy the module gave out between the two events beyond the books (negative:
        less than the books say)."""
        return self.expected - self.found


@dataclass(frozen=True)
class Finding:
    """One disagreement, by ``kind`` (a stable code), with what names it."""

    kind: str
    facts: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.facts}


@dataclass
class ReconcileReport:
    module_id: str
    sequence: int
    balance: Decimal
    expected_balance: Decimal | None
    vends_issued: int = 0
    vended_kwh: Decimal = ZERO
    pending: list[str] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    life: dict[str, Any] = field(default_factory=dict)

    @property
    def agrees(self) -> bool:
        return not self.findings and not self.discrepancies and not self.pending

    def as_dict(self) -> dict[str, Any]:
        return {
            "module_id": self.module_id,
            "sequence": self.sequence,
            "balance_kwh": self.balance,
            "expected_balance_kwh": self.expected_balance,
            "vends_issued": self.vends_issued,
            "vended_kwh": self.vended_kwh,
            "life": self.life,
            "pending": self.pending,
            "discrepancies": [
                {
                    "after": d.after,
                    "bill": d.bill,
                    "expected_kwh": d.expected,
                    "found_kwh": d.found,
                    "missing_kwh": d.missing_kwh,
                }
                for d in self.discrepancies
            ],
            "findings": [finding.as_dict() for finding in self.findings],
            "agrees": self.agrees,
        }


def reconcile(database: Database, module: SecureModule) -> ReconcileReport:
    """The module's life beside this store's books (reads only; see :mod:`.reconcile_audit`
    for the audited run). Raises :class:`~starpos.vending.errors.ModuleOfflineError`."""
    try:
        module_id = module.identify().module_id
        counters = module.counters()
        records = {record.sequence: record for record in module.credit_updates()}
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
    with database.reading() as session:
        books = module_books(session, module_id)
    return compare(module_id, counters, records, books)


def compare(
    module_id: str,
    counters: ModuleCounters,
    records: dict[int, CreditUpdateRecord],
    books: ModuleBooks,
) -> ReconcileReport:
    """The verdict on one module's counters and credit update records against ``books``."""
    binding = books.binding
    rebound = binding is not None and binding.kind == REBIND
    accepted_kwh = binding.accepted_kwh if binding is not None else ZERO
    accepted_credit = binding.accepted_credit_tokens if binding is not None else 0
    accepted_management = binding.accepted_management_tokens if binding is not None else 0
    accepted_key_changes = binding.accepted_key_change_sets if binding is not None else 0
    expected = counters.total_credited - counters.total_debited - books.energy_kwh - accepted_kwh
    report = ReconcileReport(
        module_id,
        counters.sequence,
        counters.balance,
        expected,
        books.vends_issued,
        books.vended_kwh,
        pending=list(books.pending),
    )
    report.life = {
        "total_credited_kwh": counters.total_credited,
        "total_debited_kwh": counters.total_debited,
        "total_issued_kwh": counters.total_issued,
        "ledger_energy_kwh": books.energy_kwh,
        "free_credit_kwh": books.free_credit_kwh,
        "accepted_at_rebind_kwh": accepted_kwh,
        "credit_tokens": {"module": counters.credit_tokens, "ledger": books.credit_tokens},
        "management_tokens": {
            "module": counters.management_tokens,
            "ledger": books.management_tokens,
        },
        "key_change_sets": {"module": counters.key_change_sets, "ledger": books.key_change_sets},
        "last_tid": {"module": counters.last_tid, "ledger": books.last_tid},
        "credit_updates": {
            "module": len(records),
            "store": len(recorded_credit_updates(books)),
        },
        "counted_since": counters.counted_since,
    }
    found = report.findings
    if not counters.consistent:
        found.append(Finding("module_counters_inconsistent", {
            "balance_kwh": counters.balance, "credited_kwh": counters.total_credited,
            "debited_kwh": counters.total_debited, "issued_kwh": counters.total_issued,
        }))  # fmt: skip
    beyond = counters.total_issued - accepted_kwh - books.energy_kwh
    if beyond or expected != counters.balance:
        found.append(Finding("energy_beyond_ledger", {
            "module_issued_kwh": counters.total_issued, "ledger_kwh": books.energy_kwh,
            "accepted_kwh": accepted_kwh, "beyond_kwh": beyond,
        }))  # fmt: skip
    for kind, module_count, ledger_count in (
        ("credit_tokens_beyond_ledger",
         counters.credit_tokens - accepted_credit, books.credit_tokens),
        ("management_tokens_beyond_ledger",
         counters.management_tokens - accepted_management, books.management_tokens),
        ("key_change_sets_beyond_ledger",
         counters.key_change_sets - accepted_key_changes, books.key_change_sets),
    ):  # fmt: skip
        if module_count != ledger_count:
            found.append(Finding(kind, {
                "module": module_count, "ledger": ledger_count,
                "beyond": module_count - ledger_count,
            }))  # fmt: skip
    made_here = counters.token_count - accepted_credit - accepted_management
    if (
        counters.last_tid is not None
        and made_here
        and counters.last_tid != books.last_tid
        and not _last_token_accepted(books)
    ):
        found.append(Finding("last_tid_not_in_ledger", {
            "module_last_tid": counters.last_tid, "ledger_last_tid": books.last_tid,
        }))  # fmt: skip
    found.extend(_credit_update_findings(records, books, counters))
    report.discrepancies = _walk(books, records, counters, rebound)
    for step in report.discrepancies:
        found.append(Finding("balance_step", {
            "after": step.after, "at": step.bill or "now", "expected_kwh": step.expected,
            "found_kwh": step.found, "missing_kwh": step.missing_kwh,
        }))  # fmt: skip
    return report


def _last_token_accepted(books: ModuleBooks) -> bool:
    """After a re-bind, the module's last token may be one the re-bind accepted as lost (a
    store file put back from a copy): the books can only name the module's last TID once
    they hold a token made since."""
    binding = books.binding
    if binding is None or binding.kind != REBIND:
        return False
    return books.last_issued_at is None or books.last_issued_at < binding.bound_at


def _credit_update_findings(
    records: dict[int, CreditUpdateRecord], books: ModuleBooks, counters: ModuleCounters
) -> list[Finding]:
    found = []
    for sequence, record in sorted(records.items()):
        row = books.credit_updates.get(sequence)
        facts = {
            "sequence": sequence,
            "operation": record.operation,
            "amount_kwh": record.amount,
            "balance_after_kwh": Decimal(record.balance_after_tenths) * TENTH,
            "block_digest": record.block_digest,
        }
        if row is None:
            found.append(Finding("credit_update_not_in_store", facts))
        elif row.block_digest != record.block_digest:
            facts["store_digest"] = row.block_digest
            found.append(Finding("credit_update_differs", facts))
        elif row.balance_after_kwh is None:
            found.append(Finding("credit_update_pending", facts))
    for row in recorded_credit_updates(books):
        if row.sequence not in records and row.sequence > counters.counted_since:
            found.append(Finding("credit_update_not_on_module", {
                "sequence": row.sequence, "amount_kwh": row.amount_kwh,
                "block_digest": row.block_digest,
            }))  # fmt: skip
    return found


def _walk(
    books: ModuleBooks,
    records: dict[int, CreditUpdateRecord],
    counters: ModuleCounters,
    rebound: bool,
) -> list[Discrepancy]:
    """Follow the balance along every recorded event; each step that does not fit."""
    steps: list[Discrepancy] = []
    sequence = counters.counted_since
    # A module counted from its first day began at 0 kWh; one migrated, or re-bound from
    # another store, at a balance only its first recorded event tells.
    expected: Decimal | None = ZERO if counters.counted_since == 0 and not rebound else None
    previous: str | None = None
    start = books.binding.sequence_at_bind if rebound and books.binding is not None else -1

    def through(target: int) -> None:
        nonlocal sequence, expected, previous
        for number in range(sequence + 1, target + 1):
            record = records.get(number)
            label = f"credit update {number}"
            if record is None or number <= start:
                # Not on record, or before a re-bind: tokens of another store's books
                # came after it, so the walk starts again at the next recorded event.
                expected = None
            else:
                before = Decimal(record.balance_before_tenths) * TENTH
                if expected is not None and before != expected:
                    steps.append(Discrepancy(label, expected, before, previous))
                expected = Decimal(record.balance_after_tenths) * TENTH
            previous = label
        sequence = max(sequence, target)

    for token in in_module_order(books):
        assert token.sequence is not None and token.balance_before is not None
        if token.sequence < sequence:
            expected = None  # recorded out of order: start again from this row
        through(token.sequence)
        if expected is not None and token.balance_before != expected:
            steps.append(Discrepancy(token.label, expected, token.balance_before, previous))
        expected = token.balance_before - (token.kwh if token.made else ZERO)
        previous = token.label
        if token.sequence <= start:
            # Booked before a re-bind in this sequence: what the module made after it and
            # before the re-bind was accepted then, so the walk resumes at the next event.
            expected = None
    through(counters.sequence)
    if expected is not None and expected != counters.balance:
        steps.append(Discrepancy(None, expected, counters.balance, previous))
    return steps
