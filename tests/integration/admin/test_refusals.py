"""Every change the back office refuses leaves the store as it was: the record, its users
and the audit log (nothing appended), with a translated reason."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from starpos.db.models import (
    AuditEntry,
    Branch,
    Customer,
    Meter,
    Role,
    SalesPoint,
    TariffScheme,
)
from starpos.i18n import render_error
from starpos.masterdata.changes import BadValueError, CodeTakenError, RecordInUseError
from starpos.masterdata.company import set_system_parameters
from starpos.masterdata.meter_ranges import stock_in_range
from starpos.masterdata.meter_stock import MeterAlreadyRegisteredError, NewMeter
from starpos.masterdata.records import add_record, delete_record, update_record
from starpos.masterdata.registration import (
    MeterContract,
    MeterInstalledError,
    delete_meter,
    register_with_meters,
)
from starpos.masterdata.tariffs import delete_tariff_scheme
from starpos.operators.accounts import LastAdministratorError, delete_role, update_operator
from starpos.operators.errors import PermissionDeniedError
from starpos.operators.login import login
from starpos.operators.passwords import change_password
from tests.integration.admin.admin_world import FIRST, LAST, Utility
from tests.integration.admin.refusals import refusal_check, row_counts
from tests.support.store_backends import both_backends

pytestmark = both_backends


_snapshot = row_counts(AuditEntry, Branch, SalesPoint, Role, TariffScheme, Meter, Customer)


_refused = refusal_check(_snapshot)


def test_a_branch_its_sales_point_uses(utility: Utility) -> None:
    refusal = _refused(
        utility, RecordInUseError, lambda: delete_record(utility.database, utility.star,
                                                         "branch", "BR01")
    )  # fmt: skip
    assert "sales points" in refusal.message
    assert "points de vente" in render_error(refusal, "fr")


def test_a_sales_point_with_terminals_and_operators(utility: Utility) -> None:
    refusal = _refused(
        utility, RecordInUseError,
        lambda: delete_record(utility.database, utility.star, "sales_point", "SP01"),
    )  # fmt: skip
    assert refusal.params["code"] == "SP01"


def test_a_role_that_operators_have(utility: Utility) -> None:
    from starpos.operators.accounts import RoleInUseError

    refusal = _refused(
        utility, RoleInUseError, lambda: delete_role(utility.database, utility.star, "CASHIER")
    )
    assert refusal.params["operators"] == "CASH1"


def test_a_tariff_that_meters_use(utility: Utility) -> None:
    refusal = _refused(
        utility, RecordInUseError,
        lambda: delete_tariff_scheme(utility.database, utility.star, "RES"),
    )  # fmt: skip
    assert refusal.params["count"] == 1


def test_an_installed_meter(utility: Utility) -> None:
    refusal = _refused(
        utility, MeterInstalledError, lambda: delete_meter(utility.database, utility.star, FIRST)
    )
    assert refusal.params["customer"] == utility.customer_code


def test_a_meter_already_in_stock_and_a_code_taken(utility: Utility) -> None:
    key = NewMeter(number="", sgc="600101", ti=1)
    _refused(
        utility, MeterAlreadyRegisteredError,
        lambda: stock_in_range(utility.database, utility.star, FIRST, LAST, model_code="KP1",
                               branch_code="BR01", key=key),
    )  # fmt: skip
    _refused(
        utility, CodeTakenError,
        lambda: add_record(utility.database, utility.star, "branch",
                           {"code": "br01", "name": "Again"}),
    )  # fmt: skip


def test_a_meter_installed_for_someone_cannot_be_registered_again(utility: Utility) -> None:
    from starpos.masterdata.meter_stock import MeterNotAvailableError

    _refused(
        utility, MeterNotAvailableError,
        lambda: register_with_meters(utility.database, utility.star, name="Someone else",
                                     customer_type_code="RES",
                                     meters=[MeterContract(FIRST, "RES")]),
    )  # fmt: skip


def test_bad_values(utility: Utility) -> None:
    _refused(
        utility, BadValueError,
        lambda: set_system_parameters(utility.database, utility.star, currency="dollars"),
    )  # fmt: skip
    _refused(
        utility, BadValueError,
        lambda: set_system_parameters(utility.database, utility.star, time_zone="Mars/Olympus"),
    )  # fmt: skip
    _refused(
        utility, BadValueError,
        lambda: update_record(utility.database, utility.star, "payment_term", "CASH",
                              {"kind": "barter"}),
    )  # fmt: skip


def test_a_cashier_may_not_change_master_data(utility: Utility) -> None:
    change_password(utility.database, "CASH1", "temporary-1", "cashier-own-1")
    cashier = login(utility.database, "CASH1", "cashier-own-1")
    _refused(
        utility, PermissionDeniedError,
        lambda: add_record(utility.database, cashier, "branch", {"code": "BR9", "name": "X"}),
    )  # fmt: skip
    _refused(
        utility, PermissionDeniedError,
        lambda: set_system_parameters(utility.database, cashier, warn_amount=Decimal(1)),
    )  # fmt: skip


def test_the_last_administrator_keeps_their_login(utility: Utility) -> None:
    _refused(
        utility, LastAdministratorError,
        lambda: update_operator(utility.database, utility.star, "STAR", forbid_login=True),
    )  # fmt: skip


def test_an_accepted_change_is_audited_with_what_changed(utility: Utility) -> None:
    add_record(utility.database, utility.star, "branch", {"code": "BR02", "name": "Two"})
    update_record(
        utility.database, utility.star, "sales_point", "SP01",
        {"forbid_sales": True, "branch": "BR02"},
    )  # fmt: skip
    with utility.database.reading() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None
        assert (last.subject, last.operator_code) == ("sales_point:SP01", "STAR")
        assert '"forbid_sales":[false,true]' in last.details
        assert '"branch":["BR01","BR02"]' in last.details  # by code, as the head office knows it
