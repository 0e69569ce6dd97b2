"""Does the module's credit agree with the ledger? (DESIGN.md rule 4, checked.)

Every vend row keeps the module's credit update sequence and balance as read just before
its token was asked for. Within one sequence (no credit update in between) the balance may
only fall by the tokens the ledger booked: row N+1's balance must be row N's minus row N's
token if N was ISSUED or PRINTED, unchanged if it FAILED. The module's balance now must be
the last row's minus its token. Any other difference is a token the module made that the
ledger does not have (or the reverse), and is reported with the bill numbers around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from starpos.db import Database
from starpos.db.enums import VendState
from starpos.db.models import Vend
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError
from starpos.vending import errors

TOKEN_MADE = (VendState.ISSUED, VendState.PRINTED)


@dataclass(frozen=True)
class Discrepancy:
    """The balance before ``bill`` (or now, when ``bill`` is None) is not what the ledger says."""

    bill: str | None
    expected: Decimal
    found: Decimal


@dataclass
class ReconcileReport:
    module_id: str
    sequence: int
    balance: Decimal
    expected_balance: Decimal | None
    vends_issued: int = 0
    vended_kwh: Decimal = Decimal("0.0")
    pending: list[str] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        return not self.discrepancies and not self.pending

    def as_dict(self) -> dict[str, Any]:
        return {
            "module_id": self.module_id,
            "sequence": self.sequence,
            "balance_kwh": self.balance,
            "expected_balance_kwh": self.expected_balance,
            "vends_issued": self.vends_issued,
            "vended_kwh": self.vended_kwh,
            "pending": self.pending,
            "discrepancies": [
                {"bill": d.bill, "expected_kwh": d.expected, "found_kwh": d.found}
                for d in self.discrepancies
            ],
            "agrees": self.agrees,
        }


def reconcile(database: Database, module: SecureModule) -> ReconcileReport:
    """Walk this module's vends in order and compare the chain with its balance now."""
    try:
        module_id = module.identify().module_id
        now = module.balance()
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
    report = ReconcileReport(module_id, now.sequence, now.balance, None)
    sequence: int | None = None
    expected: Decimal | None = None
    with database.reading() as session:
        rows = session.execute(
            select(
                Vend.bill_number,
                Vend.state,
                Vend.token_kwh,
                Vend.module_sequence,
                Vend.module_balance_before,
            )
            .where(Vend.module_id == module_id)
            .order_by(Vend.id)
        )
        for bill, state, token_kwh, row_sequence, before in rows:
            if before is None:
                continue
            if row_sequence == sequence and expected is not None and before != expected:
                report.discrepancies.append(Discrepancy(bill, expected, before))
            sequence = row_sequence
            expected = before
            if state in TOKEN_MADE:
                expected -= token_kwh
                report.vends_issued += 1
                report.vended_kwh += token_kwh
            elif state == VendState.PENDING:
                report.pending.append(bill)
    if sequence == now.sequence and expected is not None:
        report.expected_balance = expected
        if expected != now.balance:
            report.discrepancies.append(Discrepancy(None, expected, now.balance))
    return report
