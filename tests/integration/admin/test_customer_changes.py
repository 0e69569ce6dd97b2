"""Change a customer (manual 4.1), change a meter (4.2), add a meter contract (4.3), on SQLite
and PostgreSQL: each change is one transaction with its audit entry naming before and after;
each refusal leaves every customer, meter, stock movement and the audit log as they were,
with a reason that reads in French and Chinese."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.db import Database
from starpos.db.enums import CustomerStatus, MeterCondition
from starpos.db.models import AuditEntry, Customer, Meter, StockMovement
from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.masterdata.changes import BadValueError, UnknownRecordError
from starpos.masterdata.customer_changes import (
    RegisteredLaterError,
    TooLongError,
    change_customer,
    customer_card,
)
from starpos.masterdata.customers import UnknownCustomerError
from starpos.masterdata.meter_changes import (
    ContractEndsBeforeStartError,
    CustomerBlacklistedError,
    KeyDataNotHereError,
    MeterNotGoodError,
    NotInstalledError,
    OtherCustomersMeterError,
    OtherPaymentModeError,
    add_meter_contract,
    change_meter,
    meter_card,
)
from starpos.masterdata.meter_lookup import UnknownMeterError
from starpos.masterdata.meter_ranges import numbering_here
from starpos.masterdata.meter_stock import MeterNotAvailableError, stock_out
from starpos.masterdata.records import add_record
from starpos.masterdata.registration import (
    MeterContract,
    MeterInstalledError,
    cancel_meter_contract,
    register_with_meters,
    set_customer_status,
)
from starpos.operators.errors import PermissionDeniedError
from starpos.operators.login import login
from starpos.operators.passwords import change_password
from starpos.sts.meter_number import make_meter_number
from tests.integration.admin.admin_world import FIRST, SECOND, Utility
from tests.support.store_backends import both_backends

pytestmark = both_backends

THIRD = make_meter_number("600727", "58", 30_000_003).iain
FOURTH = make_meter_number("600727", "58", 30_000_004).iain


def _snapshot(database: Database) -> tuple[Any, ...]:
    """Every customer and meter row as it is, the stock movements and the audit entries."""
    with database.reading() as session:
        customers = [
            tuple(getattr(c, col.key) for col in Customer.__table__.columns)
            for c in session.scalars(select(Customer).order_by(Customer.id))
        ]
        meters = [
            tuple(getattr(m, col.key) for col in Meter.__table__.columns)
            for m in session.scalars(select(Meter).order_by(Meter.id))
        ]
        moves = session.scalars(select(StockMovement.id).order_by(StockMovement.id)).all()
        audit = session.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).all()
        return customers, meters, moves, audit


def _refused(utility: Utility, error: type[StarposError], change: Callable[[], object]) -> str:
    before = _snapshot(utility.database)
    with pytest.raises(error) as refused:
        change()
    assert _snapshot(utility.database) == before
    for lang in ("fr", "zh_CN"):
        text = render_error(refused.value, lang)
        assert "{" not in text and text != refused.value.message
    return refused.value.message


def _last_audit(database: Database) -> tuple[str, str, dict[str, Any]]:
    """The last audit entry's kind, subject and details."""
    with database.reading() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        return str(entry.kind), entry.subject, json.loads(entry.details)


def test_a_customer_changed_with_the_audit_naming_before_and_after(utility: Utility) -> None:
    database, star, code = utility.database, utility.star, utility.customer_code
    add_record(database, star, "bank", {"code": "BK1", "name": "Lake Bank"})
    add_record(database, star, "customer_type", {"code": "BUS", "name": "Business", "vat_rate": 15})
    changed = change_customer(
        database, star, code.lower(),
        {"name": " Ada Lake-Brown ", "address": "3 Shore Road", "customer_type": "bus",
         "bank": "BK1", "bank_account": "001-22", "id_number": "", "corporation": "Lake Ltd",
         "registered_on": date(2026, 1, 5)},
    )  # fmt: skip
    assert changed["name"] == ["Ada Lake", "Ada Lake-Brown"]
    assert changed["customer_type"] == ["RES", "BUS"]
    assert "id_number" not in changed  # none before, none after
    card = customer_card(database, code)
    assert card.values["bank"] == "BK1" and card.values["address"] == "3 Shore Road"
    assert card.values["registered_on"] == date(2026, 1, 5)
    assert card.choices["customer_type"] == ["BUS", "RES"]
    kind, subject, details = _last_audit(database)
    assert kind == AuditKind.MASTER_DATA_CHANGE and subject == f"customer:{code}"
    assert details["name"] == ["Ada Lake", "Ada Lake-Brown"]
    assert details["registered_on"][1] == "2026-01-05"
    # The same values again change nothing and write nothing.
    before = _snapshot(database)
    assert change_customer(database, star, code, {"name": "Ada Lake-Brown"}) == {}
    assert _snapshot(database) == before
    # The bank cleared.
    assert change_customer(database, star, code, {"bank": None})["bank"] == ["BK1", None]


def test_customer_changes_refused(utility: Utility) -> None:
    database, star, code = utility.database, utility.star, utility.customer_code
    _refused(utility, UnknownCustomerError, lambda: change_customer(database, star, "C9", {}))
    message = _refused(
        utility, BadValueError, lambda: change_customer(database, star, code, {"name": "  "})
    )
    assert "Name" in message
    _refused(
        utility, TooLongError,
        lambda: change_customer(database, star, code, {"name": "x", "telephone": "9" * 41}),
    )  # fmt: skip
    message = _refused(
        utility, UnknownRecordError,
        lambda: change_customer(database, star, code, {"name": "B", "customer_type": "NOPE"}),
    )  # fmt: skip
    assert "NOPE" in message
    _refused(
        utility, UnknownRecordError,
        lambda: change_customer(database, star, code, {"region": "R9"}),
    )  # fmt: skip
    _refused(
        utility, RegisteredLaterError,
        lambda: change_customer(database, star, code, {"registered_on": date(2999, 1, 1)}),
    )  # fmt: skip
    change_password(database, "CASH1", "temporary-1", "cashier-pass-1")
    cashier = login(database, "CASH1", "cashier-pass-1")
    _refused(
        utility, PermissionDeniedError,
        lambda: change_customer(database, cashier, code, {"name": "Mallory"}),
    )  # fmt: skip


def test_a_meter_changed_and_its_key_data_refused(utility: Utility) -> None:
    database, star, code = utility.database, utility.star, utility.customer_code
    add_record(database, star, "meter_model", {"code": "KP2", "name": "Keypad 2"})
    add_record(
        database, star, "meter_model",
        {"code": "POST", "name": "Postpaid", "payment_mode": "postpaid"},
    )  # fmt: skip
    changed = change_meter(
        database, star, FIRST,
        {"model": "kp2", "contract_end": date(2030, 12, 31), "install_date": date(2026, 2, 1)},
        customer_code=code,
    )  # fmt: skip
    assert changed["model"] == ["KP1", "KP2"]
    card = meter_card(database, FIRST)
    assert card.customer == code and card.values["contract_end"] == date(2030, 12, 31)
    assert card.key["sgc"] == "600101" and card.key["base_date"] == 2014
    _kind, subject, details = _last_audit(database)
    assert subject == f"meter:{FIRST}" and details["customer"] == code
    assert details["contract_end"] == [None, "2030-12-31"]

    message = _refused(
        utility, KeyDataNotHereError,
        lambda: change_meter(database, star, FIRST, {"sgc": "600102", "model": "KP1"}),
    )  # fmt: skip
    assert "keychange flag" in message and "sgc" in message
    _refused(
        utility, OtherPaymentModeError,
        lambda: change_meter(database, star, FIRST, {"model": "POST"}),
    )  # fmt: skip
    _refused(
        utility, ContractEndsBeforeStartError,
        lambda: change_meter(database, star, FIRST, {"contract_end": date(2000, 1, 1)}),
    )  # fmt: skip
    _refused(
        utility, UnknownRecordError,
        lambda: change_meter(database, star, FIRST, {"tariff": "NONE"}),
    )  # fmt: skip
    _refused(
        utility, NotInstalledError,
        lambda: change_meter(database, star, SECOND, {"model": "KP2"}),
    )  # fmt: skip
    _refused(
        utility, UnknownMeterError,
        lambda: change_meter(database, star, make_meter_number("600727", "58", 1).iain, {}),
    )  # fmt: skip
    other = register_with_meters(
        database, star, name="Bo Shore", customer_type_code="RES",
        meters=[MeterContract(SECOND, "RES")],
    )  # fmt: skip
    message = _refused(
        utility, OtherCustomersMeterError,
        lambda: change_meter(database, star, SECOND, {"model": "KP2"}, customer_code=code),
    )  # fmt: skip
    assert other in message and code in message


def test_a_meter_contract_added_from_stock(utility: Utility) -> None:
    database, star, code = utility.database, utility.star, utility.customer_code
    bill = add_meter_contract(
        database, star, code, MeterContract(SECOND, "res", install_date=date(2026, 3, 1))
    )
    assert bill
    with database.reading() as session:
        meter = session.scalars(select(Meter).where(Meter.number == SECOND)).one()
        assert meter.customer is not None and meter.customer.code == code
        assert str(meter.stock_status) == "installed" and meter.install_date == date(2026, 3, 1)
        moves = session.scalars(
            select(StockMovement).where(StockMovement.meter_id == meter.id)
        ).all()
        assert [(str(m.kind), m.bill_number) for m in moves][-1] == ("out_installation", bill)
    _kind, subject, details = _last_audit(database)
    assert subject == f"customer:{code}" and details["meter"] == SECOND
    # Its contract cancelled, the meter is back in stock and can be added again.
    cancel_meter_contract(database, star, SECOND)
    assert meter_card(database, SECOND).customer is None
    assert add_meter_contract(database, star, code, MeterContract(SECOND, "RES")) != bill
    assert meter_card(database, SECOND).customer == code


def test_meter_contracts_refused(utility: Utility) -> None:
    database, star, code = utility.database, utility.star, utility.customer_code

    def add(customer: str, number: str, tariff: str = "RES") -> Callable[[], object]:
        return lambda: add_meter_contract(database, star, customer, MeterContract(number, tariff))

    _refused(utility, UnknownCustomerError, add("C999", SECOND))
    _refused(utility, UnknownMeterError, add(code, make_meter_number("600727", "58", 7).iain))
    message = _refused(utility, MeterInstalledError, add(code, FIRST))  # already theirs
    assert code in message
    _refused(utility, UnknownRecordError, add(code, SECOND, "NOPE"))
    with database.unit_of_work() as uow:
        meter = uow.session.scalars(select(Meter).where(Meter.number == THIRD)).one()
        meter.condition = MeterCondition.SCRAP
        uow.commit()
    _refused(utility, MeterNotGoodError, add(code, THIRD))
    # Stocked out to another branch: not in this stock any more.
    add_record(database, star, "branch", {"code": "BR02", "name": "Hill branch"})
    with database.unit_of_work() as uow:
        stock_out(
            uow.session, [FOURTH], to_other_branch="BR02",
            numbering=numbering_here(uow.session, star),
        )  # fmt: skip
        uow.commit()
    message = _refused(utility, MeterNotAvailableError, add(code, FOURTH))
    assert FOURTH in message
    set_customer_status(database, star, code, CustomerStatus.BLACKLISTED, "meter tampering")
    _refused(utility, CustomerBlacklistedError, add(code, SECOND))
