"""The head office's side of a TID collision's replacement (docs/sync.md, "TID collision";
SYN-51), from pushed entries: the due kept for the sale booked second, booked REPLACED by
its terminal's ``replaced`` entry, the same entry again changing nothing, and another
replacement of it standing and flagged ``tid_replaced_twice``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.db.models import Terminal, TokenReplacementDue
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_requests import findings
from tests.integration.sync.test_sync_projection import _meters, _sale, _send

pytestmark = pytest.mark.postgres


def _due(office: HeadOffice) -> tuple[Any, ...]:
    with office.transaction() as session:
        due, terminal = session.execute(
            select(TokenReplacementDue, Terminal.code).join(
                Terminal, Terminal.id == TokenReplacementDue.terminal_id
            )
        ).one()
        return (due.bill_number, due.other_bill, terminal, due.tid, due.energy_kwh, due.amount,
                due.state.value, due.replacement)  # fmt: skip


def _replaced(bill: str, meter: str, operation: str) -> tuple[AuditKind, str, dict[str, Any]]:
    details = {"step": "replaced", "meter": meter, "bill": bill, "tid": 9_200_000,
               "operation": operation, "new_tid": 9_200_001, "energy_kwh": "100.0"}  # fmt: skip
    return AuditKind.TOKEN_OPERATION, f"token_replacement:{bill}", details


def test_the_due_is_kept_once_booked_replaced_and_a_second_replacement_flagged(
    office: HeadOffice, tmp_path: Path
) -> None:
    (sold,) = _meters(office, 1)
    first, second = "V2612SP0100010", "V2612SP0200010"
    t01 = _send(office, tmp_path / "t01", "T01", _sale(sold, first, tid=9_200_000))
    t03 = _send(office, tmp_path / "t03", "T03", _sale(sold, second, tid=9_200_000, net="30.00"))
    assert _due(office) == (
        second, first, "T03", 9_200_000, Decimal("100.0"), Decimal("30.00"), "open", None
    )  # fmt: skip
    assert [kind for kind, _ in findings(office)] == ["tid_collision"]

    _send(office, tmp_path / "t03", "T03", [_replaced(second, sold.meter, "op-1")], t03)
    assert _due(office)[6:] == ("replaced", "op-1")
    # The same replacement told again (its entry once more): nothing moves, nothing raised.
    _send(office, tmp_path / "t03", "T03", [_replaced(second, sold.meter, "op-1")], t03)
    assert [kind for kind, _ in findings(office)] == ["tid_collision"]
    # Another token for the same due (from the counter that did not sell it): it stands,
    # the due keeps the first, and a person is told.
    _send(office, tmp_path / "t01", "T01", [_replaced(second, sold.meter, "op-2")], t01)
    assert _due(office)[6:] == ("replaced", "op-1")
    assert [kind for kind, _ in findings(office)] == ["tid_collision", "tid_replaced_twice"]
