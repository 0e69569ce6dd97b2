"""The administrator's stock movements on SQLite and PostgreSQL: every movement a numbered
bill with its audit entry, a meter's status with its reason in the history, the stock list
a page at a time with its filters, and every refusal leaving meters, moves, bill counters
and the audit log as they were."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from starpos.audit.log import Actor
from starpos.db.enums import MeterCondition, StockStatus
from starpos.db.models import AuditEntry, Meter, NumberingCounter, StockMovement
from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.masterdata.changes import BadValueError, UnknownRecordError
from starpos.masterdata.meter_lookup import UnknownMeterError
from starpos.masterdata.meter_stock import MeterNotAvailableError, MeterNotGoodError, NewMeter
from starpos.masterdata.records import add_record
from starpos.masterdata.registration import MeterContract, register_with_meters
from starpos.masterdata.stock_list import StockFilter, meter_history, stock_page
from starpos.masterdata.stock_moves import (
    MeterInstalledStatusError,
    receive_from_branch,
    set_meter_status,
    stock_in_meter,
    stock_out_meters,
)
from starpos.operators.errors import PermissionDeniedError
from starpos.operators.login import acting_as
from starpos.sts.meter_number import make_meter_number
from tests.integration.admin.admin_world import FIRST, SECOND, Utility
from tests.support.store_backends import both_backends

pytestmark = both_backends
THIRD = make_meter_number("600727", "58", 30_000_003).iain
FOURTH = make_meter_number("600727", "58", 30_000_004).iain


def _stock(utility: Utility) -> tuple[object, ...]:
    """Everything a stock movement may write: the meters, their moves, the bill counters
    and the audit log."""
    with utility.database.reading() as session:
        meters = session.execute(
            select(Meter.number, Meter.stock_status, Meter.condition, Meter.branch_id)
            .order_by(Meter.number)
        ).all()  # fmt: skip
        counters = session.execute(
            select(NumberingCounter.bill_type, NumberingCounter.next_value)
            .order_by(NumberingCounter.bill_type, NumberingCounter.period)
        ).all()  # fmt: skip
        moves = session.scalar(select(func.count()).select_from(StockMovement))
        audit = session.scalar(select(func.count()).select_from(AuditEntry))
    return tuple(meters), tuple(counters), moves, audit


def _refused(utility: Utility, error: type[StarposError], change: Callable[[], object]) -> str:
    before = _stock(utility)
    with pytest.raises(error) as refused:
        change()
    assert _stock(utility) == before
    return render_error(refused.value, "fr")


def _where(utility: Utility, number: str) -> tuple[StockStatus, MeterCondition, str]:
    with utility.database.reading() as session:
        row = stock_page(session, StockFilter(search=number), limit=1).rows[0]
    return StockStatus(row.stock), MeterCondition(row.status), row.branch


def test_each_movement_is_a_numbered_bill_and_the_history_tells_it(utility: Utility) -> None:
    database, star = utility.database, utility.star
    add_record(database, star, "branch", {"code": "BR02", "name": "Hill branch"})
    sent = stock_out_meters(database, star, [SECOND], to_branch="br02", drawer="Ivan")
    assert sent.bill_number.startswith("SO") and sent.meters == (SECOND,)
    assert _where(utility, SECOND) == (StockStatus.AT_OTHER_BRANCH, MeterCondition.GOOD, "BR02")
    back = receive_from_branch(database, star, [SECOND])
    assert back.bill_number.startswith("SI") and back.count == 1
    assert _where(utility, SECOND) == (StockStatus.IN_STOCK, MeterCondition.GOOD, "BR02")

    before = set_meter_status(database, star, SECOND, MeterCondition.MAINTENANCE, "Display dim")
    assert before is MeterCondition.GOOD
    message = _refused(
        utility, MeterNotGoodError, lambda: stock_out_meters(database, star, [SECOND])
    )
    assert SECOND in message and "En maintenance" in message
    set_meter_status(database, star, SECOND, MeterCondition.GOOD, "Repaired and tested")
    installed = stock_out_meters(database, star, [SECOND], drawer="Ivan")
    assert installed.bill_number.startswith("SO") and installed.bill_number != sent.bill_number

    with database.reading() as session:
        history = meter_history(session, SECOND)
        bills = set(session.scalars(select(AuditEntry.subject)))
    assert [(e.kind, e.bill, e.status, e.reason) for e in history] == [
        ("in_new", history[0].bill, "good", ""),
        ("out_to_branch", sent.bill_number, "good", ""),
        ("in_from_branch", back.bill_number, "good", ""),
        ("status", "", "maintenance", "Display dim"),
        ("status", "", "good", "Repaired and tested"),
        ("out_installation", installed.bill_number, "good", ""),
    ]
    assert history[1].other_branch == "BR02" and history[1].drawer == "Ivan"
    # The meter came back on the bill that sent it, found without being named.
    assert history[2].origin_bill == sent.bill_number and history[3].operator == "STAR"
    assert {f"stock_out:{sent.bill_number}", f"stock_in:{back.bill_number}"} <= bills

    one = stock_in_meter(
        database, star, NewMeter(number=make_meter_number("600727", "58", 30_000_100).iain,
                                 sgc="600101", ti=1),
        model_code="kp1", branch_code="BR01",
    )  # fmt: skip
    assert one.count == 1 and one.bill_number.startswith("SI") and one.first == one.last


def test_refusals_leave_the_stock_as_it_was(utility: Utility) -> None:
    database, star = utility.database, utility.star
    # One meter of two installed: neither moves, and the bill number is not used up.
    message = _refused(
        utility, MeterNotAvailableError, lambda: stock_out_meters(database, star, [THIRD, FIRST])
    )
    assert FIRST in message
    _refused(utility, BadValueError, lambda: stock_out_meters(database, star, [THIRD, THIRD]))
    _refused(
        utility, UnknownRecordError,
        lambda: stock_out_meters(database, star, [THIRD], to_branch="NOWHERE"),
    )  # fmt: skip
    _refused(utility, MeterNotAvailableError, lambda: receive_from_branch(database, star, [THIRD]))
    _refused(
        utility, MeterInstalledStatusError,
        lambda: set_meter_status(database, star, FIRST, MeterCondition.SCRAP, "Burnt"),
    )  # fmt: skip
    reason = _refused(
        utility, BadValueError,
        lambda: set_meter_status(database, star, THIRD, MeterCondition.SCRAP, "  "),
    )  # fmt: skip
    assert "Scrap" not in reason
    unknown = make_meter_number("600727", "58", 39_999_999).iain
    _refused(
        utility, UnknownMeterError,
        lambda: set_meter_status(database, star, unknown, MeterCondition.SCRAP, "Burnt"),
    )  # fmt: skip
    # A Scrap meter is not registered to a customer either (registration stocks it out).
    set_meter_status(database, star, FOURTH, MeterCondition.SCRAP, "Burnt terminal")
    _refused(
        utility, MeterNotGoodError,
        lambda: register_with_meters(database, star, name="Bo Hill", customer_type_code="RES",
                                     meters=[MeterContract(FOURTH, "RES")]),
    )  # fmt: skip
    cashier = acting_as(database, Actor("CASH1"))
    for change in (
        lambda: stock_out_meters(database, cashier, [THIRD]),
        lambda: receive_from_branch(database, cashier, [THIRD]),
        lambda: set_meter_status(database, cashier, THIRD, MeterCondition.SCRAP, "Burnt"),
    ):
        _refused(utility, PermissionDeniedError, change)


def test_the_stock_list_pages_sorts_and_filters(utility: Utility) -> None:
    database, star = utility.database, utility.star
    set_meter_status(database, star, THIRD, MeterCondition.SCRAP, "Cracked case")
    stock_out_meters(database, star, [FOURTH])
    with database.reading() as session:
        everything = stock_page(session, limit=5)
        second_page = stock_page(session, limit=5, offset=5)
        newest_first = stock_page(session, order="number", descending=True, limit=1)
        scrap = stock_page(session, StockFilter(status=MeterCondition.SCRAP))
        in_stock = stock_page(session, StockFilter(stock=StockStatus.IN_STOCK, branch="br01"))
        by_model = stock_page(session, StockFilter(model="KP1", search=FOURTH[-6:]))
        nowhere = stock_page(session, StockFilter(branch="BR99"))
        by_stock = stock_page(session, order="stock", limit=20)
    assert everything.total == 20 and everything.rows[0].number == FIRST
    assert second_page.rows[0].number == make_meter_number("600727", "58", 30_000_006).iain
    assert newest_first.rows[0].number == make_meter_number("600727", "58", 30_000_020).iain
    assert [(r.number, r.status) for r in scrap.rows] == [(THIRD, "scrap")] and scrap.total == 1
    assert in_stock.total == 18  # 20 less the installed one and the one out for installation
    assert [r.number for r in by_model.rows] == [FOURTH] and by_model.rows[0].stock == "issued"
    assert nowhere.total == 0 and nowhere.rows == []
    assert [r.stock for r in by_stock.rows][:3] == ["in_stock"] * 3
    assert everything.rows[0].customer == utility.customer_code
