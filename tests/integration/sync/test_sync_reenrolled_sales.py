"""A terminal set up again (a new PC, a new store, a new enrolment) restarts its bill
numbers, so its first sales carry the bills of its old store's sales (SYN-42). The new
store's sale is not booked over the old one: its PENDING is ``bill_number_taken`` and each
later step ``sale_not_found``, never a step of the old store's sale with the same number;
the old store's own later steps still move its sale. Booked together and step by step."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.db.enums import VendState
from starpos.db.models import SyncFinding, TokenCancel
from starpos.server import sale_batch
from starpos.server.store import HeadOffice
from tests.integration.sync.test_sync_projection import _meters, _sale, _send, _vend

pytestmark = pytest.mark.postgres

BILL = "V2612SP01T0100001"
PRINTED = (AuditKind.VEND, f"vend:{BILL}", {"step": "printed", "print_count": 1})


@pytest.fixture(params=["together", "step_by_step"])
def booking(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways a push books sales: together, and one by one when that fails (uplink)."""
    if request.param == "step_by_step":

        def fail(*args: Any) -> Any:
            raise RuntimeError("booking together is off for this test")

        monkeypatch.setattr(sale_batch, "project", fail)
    return str(request.param)


def _findings(office: HeadOffice, enrolment: str) -> list[tuple[str, str, str | None]]:
    """The enrolment's findings: kind, subject and the step they name, in chain order."""
    with office.transaction() as session:
        rows = session.scalars(
            select(SyncFinding)
            .where(SyncFinding.enrolment_id == enrolment)
            .order_by(SyncFinding.seq, SyncFinding.id)
        )
        return [(f.kind, f.subject, json.loads(f.details).get("step")) for f in rows]


@pytest.mark.parametrize("pushes", ["one_push", "a_push_a_step"])
def test_a_re_enrolled_terminals_sale_never_moves_its_old_stores_sale(
    office: HeadOffice, tmp_path: Path, booking: str, pushes: str
) -> None:
    (sold,) = _meters(office, 1)
    old_pending, old_issued = _sale(sold, BILL, tid=9_000_001)
    old = _send(office, tmp_path / "t01", "T01", [old_pending])
    before = _vend(office, BILL)
    assert before["state"] is VendState.PENDING
    # The new store's first sale: the same bill, another request, token and TID.
    new_pending, new_issued = _sale(sold, BILL, tid=9_000_002)
    steps = [new_pending, new_issued, PRINTED]
    if pushes == "one_push":
        new = _send(office, tmp_path / "t01-new", "T01", steps)
    else:
        new = _send(office, tmp_path / "t01-new", "T01", steps[:1])
        for step in steps[1:]:
            _send(office, tmp_path / "t01-new", "T01", [step], new)
    assert _vend(office, BILL) == before
    assert _findings(office, new[0]) == [
        ("bill_number_taken", f"vend:{BILL}", None),
        ("sale_not_found", f"vend:{BILL}", "issued"),
        ("sale_not_found", f"vend:{BILL}", "printed"),
    ]
    # The old store's own next step still finds its sale.
    _send(office, tmp_path / "t01", "T01", [old_issued, PRINTED], old)
    after = _vend(office, BILL)
    assert (after["state"], after["tid"], after["print_count"]) == (
        VendState.PRINTED,
        9_000_001,
        1,
    )
    assert _findings(office, old[0]) == []


def test_a_re_enrolled_terminal_cancels_nothing_of_its_old_stores_sale(
    office: HeadOffice, tmp_path: Path
) -> None:
    """A token cancel names the sale by bill too: the new store's cancel of its own bill B
    is a cancel of a sale the head office does not have, not of the old store's B."""
    (sold,) = _meters(office, 1)
    _send(office, tmp_path / "t01", "T01", _sale(sold, BILL, tid=9_000_001))
    before = _vend(office, BILL)
    cancel = {"step": "pending", "cancel_bill": "V2612SP01T0100002",
              "request_id": "6a1f0c64-1f7e-4d55-9d7b-2f3c4a5b6c7d"}  # fmt: skip
    new = _send(office, tmp_path / "t01-new", "T01",
                [(AuditKind.VEND_CANCELLED, f"vend:{BILL}", cancel)])  # fmt: skip
    assert _vend(office, BILL) == before
    assert _findings(office, new[0]) == [("sale_not_found", f"vend:{BILL}", "pending")]
    with office.transaction() as session:
        assert session.scalars(select(TokenCancel)).all() == []
