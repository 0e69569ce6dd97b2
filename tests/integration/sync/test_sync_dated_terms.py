"""Dated terms made at the head office come down to the counters as parts of their record,
matched by their start, so a counter's sales keep pointing at the versions that priced them
(issue 12; decision BO-23)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from starpos.db import Database
from starpos.db.models import (
    ChargeItem,
    ChargeItemVersion,
    CustomerType,
    CustomerTypeVatVersion,
)
from starpos.db.parameters import utility_now
from starpos.masterdata.records import update_record
from starpos.operators.login import login
from tests.integration.sync.sync_world import Counter, HeadOffice

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

MakeCounters = Callable[..., list[Counter]]


def _versions(database: Database) -> dict[str, list[tuple[int, datetime, Decimal | None]]]:
    with database.reading() as session:
        levy = session.execute(
            select(ChargeItemVersion.id, ChargeItemVersion.effective_from,
                   ChargeItemVersion.percentage)
            .join(ChargeItem, ChargeItem.id == ChargeItemVersion.charge_item_id)
            .where(ChargeItem.code == "LEVY")
            .order_by(ChargeItemVersion.effective_from)
        ).all()  # fmt: skip
        vat = session.execute(
            select(CustomerTypeVatVersion.id, CustomerTypeVatVersion.effective_from,
                   CustomerTypeVatVersion.vat_rate)
            .join(CustomerType, CustomerType.id == CustomerTypeVatVersion.customer_type_id)
            .where(CustomerType.code == "RES")
            .order_by(CustomerTypeVatVersion.effective_from)
        ).all()  # fmt: skip
    return {"LEVY": [tuple(v) for v in levy], "RES": [tuple(v) for v in vat]}  # type: ignore[misc]


def test_dated_terms_come_down_and_are_updated_in_place(
    head_office: HeadOffice, make_counters: MakeCounters
) -> None:
    (counter,) = make_counters(1, modules=False)
    counter.enrol(head_office)
    assert counter.pull()["snapshot"] is True
    with counter.database() as local:
        before = _versions(local)
    assert [(start, value) for _, start, value in before["LEVY"]] == [
        (datetime(1970, 1, 1), Decimal("3"))
    ]

    with head_office.database() as central:
        admin = login(central, "ADMIN1", "admin-demo")
        with central.reading() as session:
            now = utility_now(session)
        tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        update_record(central, admin, "charge_item", "LEVY", {"percentage": Decimal("5")},
                      tomorrow)  # fmt: skip
        update_record(central, admin, "customer_type", "RES", {"vat_rate": Decimal("10")},
                      tomorrow)  # fmt: skip
    report = counter.pull()
    assert {"charge_items", "customer_types"} <= set(report["tables"])
    with counter.database() as local:
        after = _versions(local)
    assert [(start, value) for _, start, value in after["LEVY"]] == [
        (datetime(1970, 1, 1), Decimal("3")),
        (tomorrow, Decimal("5")),
    ]
    assert [(start, value) for _, start, value in after["RES"]][1] == (tomorrow, Decimal("10"))
    assert after["LEVY"][0][0] == before["LEVY"][0][0]  # the first version kept its row

    # A second change from the same start replaces that version's terms: the counter's row
    # is updated in place, not replaced.
    with head_office.database() as central:
        admin = login(central, "ADMIN1", "admin-demo")
        update_record(central, admin, "charge_item", "LEVY", {"percentage": Decimal("6")},
                      tomorrow)  # fmt: skip
    counter.pull()
    with counter.database() as local:
        again = _versions(local)
    assert [v[0] for v in again["LEVY"]] == [v[0] for v in after["LEVY"]]
    assert again["LEVY"][1][2] == Decimal("6")
