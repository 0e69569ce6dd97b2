"""A payment change's amounts taken by the meter's next sale are settled at the head office
by that sale, as the counter's ledger settled them (docs/sync.md, "Projection"; SYN-32):
booked together or step by step, sent twice, in one push or across pushes; another
terminal's sale, or a sale that carried neither the lines nor a prearrange, settles nothing.
The entries carry the facts in the shape the counter writes them (test_sync_counter_dues.py
sends real ones from a real counter)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.db.models import PaymentChange, Vend
from starpos.server import sale_batch
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_requests import findings
from tests.integration.sync.test_sync_projection import Sold, _meters, _sale, _send

pytestmark = pytest.mark.postgres

Written = list[tuple[AuditKind, str, dict[str, Any]]]


def _change(sold: Sold, bill: str, **amounts: str) -> Written:
    """A postpaid -> prepaid change leaving ``amounts`` due, as the counter audits it."""
    facts = {"step": "payment_changed", "meter": sold.meter, "customer": sold.customer,
             "from": "postpaid", "to": "prepaid", "prearrange": "0.00", "receivable": "0.00",
             "remain": "0.00", "remark": "", "carried": None, **amounts}  # fmt: skip
    return [(AuditKind.MASTER_DATA_CHANGE, f"payment_change:{bill}", facts)]


def _settling_sale(sold: Sold, bill: str, *, tid: int, receivable: str = "30.00") -> Written:
    """A sale that carried the change's receivable line (as ``payment_dues.due_lines``)."""
    pending, issued = _sale(sold, bill, tid=tid)
    facts = dict(pending[2])
    line = ["RECEIVABLE", "Receivable amount", "by_times", receivable, False]
    facts["charges"] = [*facts["charges"], line]
    return [(pending[0], pending[1], facts), issued]


def _changes(office: HeadOffice) -> dict[str, tuple[str, str | None]]:
    """Each change's state and the bill of the sale that settled it."""
    with office.transaction() as session:
        rows = session.execute(
            select(PaymentChange.bill_number, PaymentChange.state, Vend.bill_number)
            .outerjoin(Vend, Vend.id == PaymentChange.vend_id)
            .order_by(PaymentChange.bill_number)
        )
        return {bill: (state.value, sale) for bill, state, sale in rows}


@pytest.fixture(params=["together", "step_by_step"])
def booking(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways a push books sales: together, and one by one when that fails (uplink)."""
    if request.param == "step_by_step":

        def fail(*args: Any) -> Any:
            raise RuntimeError("booking together is off for this test")

        monkeypatch.setattr(sale_batch, "project", fail)
    return str(request.param)


def test_the_sale_that_took_the_receivable_settles_the_change_once(
    office: HeadOffice, tmp_path: Path, booking: str
) -> None:
    (sold,) = _meters(office, 1)
    written = [*_change(sold, "P1", receivable="30.00"),
               *_settling_sale(sold, "V2612SP01T0100001", tid=9_000_001),
               *_sale(sold, "V2612SP01T0100002", tid=9_000_002)]  # fmt: skip
    signer = _send(office, tmp_path / "t01", "T01", written)
    assert _changes(office) == {"P1": ("settled", "V2612SP01T0100001")}
    # The whole chain again (a lost answer), then a later push with one more change that
    # the next sale does not take: nothing settled twice, the new change stays DUE.
    _send(office, tmp_path / "t01", "T01", _change(sold, "P2", remain="5.00"), signer)
    assert _changes(office) == {
        "P1": ("settled", "V2612SP01T0100001"),
        "P2": ("due", None),
    }
    _send(office, tmp_path / "t01", "T01", _sale(sold, "V2612SP01T0100003", tid=9_000_003), signer)
    assert _changes(office)["P2"] == ("due", None)
    assert findings(office) == []


def test_a_change_and_the_sale_that_settles_it_in_separate_pushes(
    office: HeadOffice, tmp_path: Path, booking: str
) -> None:
    (sold,) = _meters(office, 1)
    signer = _send(office, tmp_path / "t01", "T01", _change(sold, "P1", prearrange="20.00"))
    assert _changes(office) == {"P1": ("due", None)}
    pending, issued = _sale(sold, "V2612SP01T0100001", tid=9_000_001)
    # Its PENDING in one push, ISSUED in the next: settled when the credit was made.
    with_prearrange = {**pending[2], "prearrange": "20.00"}
    _send(office, tmp_path / "t01", "T01", [(pending[0], pending[1], with_prearrange)], signer)
    assert _changes(office) == {"P1": ("due", None)}
    _send(office, tmp_path / "t01", "T01", [issued], signer)
    assert _changes(office) == {"P1": ("settled", "V2612SP01T0100001")}
    assert findings(office) == []


def test_another_terminals_sale_settles_nothing_of_this_terminals_change(
    office: HeadOffice, tmp_path: Path, booking: str
) -> None:
    """Payment changes never come down, so T03 cannot have taken T01's change: at T03 its
    sale settled nothing, and so at the head office."""
    (sold,) = _meters(office, 1)
    _send(office, tmp_path / "t01", "T01", _change(sold, "P1", receivable="30.00"))
    _send(office, tmp_path / "t03", "T03", _settling_sale(sold, "V2612SP03T0300001", tid=9_000_001))
    assert _changes(office) == {"P1": ("due", None)}


def test_a_failed_sale_settles_nothing(office: HeadOffice, tmp_path: Path, booking: str) -> None:
    (sold,) = _meters(office, 1)
    pending, _ = _settling_sale(sold, "V2612SP01T0100001", tid=9_000_001)
    failed = (AuditKind.VEND_FAILED, pending[1], {"reason": "sm.refused"})
    _send(
        office, tmp_path / "t01", "T01", [*_change(sold, "P1", receivable="30.00"), pending, failed]
    )
    assert _changes(office) == {"P1": ("due", None)}
    with office.transaction() as session:
        meter_due = session.scalar(
            select(PaymentChange.receivable).where(PaymentChange.bill_number == "P1")
        )
    assert meter_due == Decimal("30.00")


def test_a_re_enrolled_terminal_settles_nothing_of_its_old_stores_changes(
    office: HeadOffice, tmp_path: Path, booking: str
) -> None:
    """T01 set up again (a new PC, a new store, a new enrolment: SYN-39): its new store has
    never heard of the old store's change, so its sale settled nothing there, and so here.
    The old store's change stays DUE for a sale of the enrolment that made it."""
    (sold,) = _meters(office, 1)
    old = _send(office, tmp_path / "t01", "T01", _change(sold, "P1", receivable="30.00"))
    _send(office, tmp_path / "t01-new", "T01",
          _settling_sale(sold, "V2612SP01T0100001", tid=9_000_001))  # fmt: skip
    assert _changes(office) == {"P1": ("due", None)}
    _send(office, tmp_path / "t01", "T01",
          _settling_sale(sold, "V2612SP01T0100002", tid=9_000_002), old)  # fmt: skip
    assert _changes(office) == {"P1": ("settled", "V2612SP01T0100002")}


def test_a_change_settles_when_a_later_entry_of_the_push_books_the_sale_early(
    office: HeadOffice, tmp_path: Path, booking: str
) -> None:
    """A master data change after a sale books the sales taken so far before it (uplink,
    ``AFTER_SALES``): the change sent earlier in the same push is already stored then, so
    the sale finds it as its own enrolment's (SYN-39, SYN-42)."""
    (sold,) = _meters(office, 1)
    written = [*_change(sold, "P1", receivable="30.00"),
               *_settling_sale(sold, "V2612SP01T0100001", tid=9_000_001),
               *_change(sold, "P2", remain="5.00")]  # fmt: skip
    _send(office, tmp_path / "t01", "T01", written)
    assert _changes(office) == {"P1": ("settled", "V2612SP01T0100001"), "P2": ("due", None)}
