"""Every refusal before the module is asked: typed, translated, and nothing written but audit.

Each test breaks one thing in a copy of the demo utility (or asks for something wrong),
tries to sell through the real module on a pty, and checks the refusal's class, that no
vend row exists, that the module's balance did not move, and that the audit log ends with
one ``vend_refused`` entry carrying the refusal's code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit import log as audit
from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import ContractStatus, CustomerStatus, MeterMedium
from starpos.db.models import AuditEntry, Customer, Meter, MeterModel, SystemParameters
from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.pricing.errors import NetTooSmallError
from starpos.sts.meter_number import make_meter_number
from starpos.vending import VendRequest, sell
from starpos.vending import errors as refusals
from tests.integration.vend.vend_world import World, count_vends, module_balance


def change_meter(world: World, number: str, edit: Callable[[Session, Meter], None]) -> None:
    with world.database.unit_of_work() as uow:
        meter = uow.session.scalars(select(Meter).where(Meter.number == number)).one()
        edit(uow.session, meter)
        uow.commit()


def refused(
    world: World, error: type[StarposError], meter: str | None = None, **values: object
) -> StarposError:
    fields: dict[str, object] = {
        "meter": meter or world.meters[0].number,
        "net": Decimal("50.00"),
        "operator_code": "CASH1",
    }
    fields.update(values)
    balance = module_balance(world.url)
    with open_configured_module() as access, pytest.raises(error) as caught:
        sell(world.database, access, VendRequest(**fields))  # type: ignore[arg-type]
    assert count_vends(world.database) == 0
    assert module_balance(world.url) == balance
    with world.database.reading() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and last.kind == "vend_refused"
        assert json.loads(last.details)["code"] == caught.value.code
        assert audit.verify(session).intact
    assert "{" not in render_error(caught.value, "fr")
    return caught.value


def test_unknown_meter(world: World) -> None:
    number = make_meter_number("600727", "47", 99_999_999).iain
    refused(world, refusals.UnknownMeterRefusedError, number)


def test_wrong_check_digit(world: World) -> None:
    number = world.meters[0].number
    typo = number[:-1] + str((int(number[-1]) + 1) % 10)
    refused(world, refusals.WrongCheckDigitError, typo)


def test_not_a_meter_number(world: World) -> None:
    refused(world, refusals.MalformedMeterNumberError, "12ab")


def test_blacklisted_customer_with_the_reason(world: World) -> None:
    def blacklist(session: Session, meter: Meter) -> None:
        customer = session.get(Customer, meter.customer_id)
        assert customer is not None
        customer.status = CustomerStatus.BLACKLISTED
        customer.remark = "tampered meter seal"

    change_meter(world, world.meters[0].number, blacklist)
    error = refused(world, refusals.CustomerBlacklistedError)
    assert "tampered meter seal" in render_error(error)


def test_cancelled_contract(world: World) -> None:
    def cancel(_: Session, meter: Meter) -> None:
        meter.contract_status = ContractStatus.CANCELLED

    change_meter(world, world.meters[0].number, cancel)
    refused(world, refusals.ContractCancelledError)


def test_forbidden_sales_point(world: World) -> None:
    refused(world, refusals.SalesForbiddenError, operator_code="SUP1", sales_point_code="SP04")


def test_operator_without_the_vend_permission(world: World) -> None:
    refused(world, refusals.OperatorMayNotVendError, operator_code="ADMIN1")


def test_operator_forbidden_to_log_in(world: World) -> None:
    refused(world, refusals.OperatorBlockedError, operator_code="GONE1")


def test_cashier_at_another_sales_point(world: World) -> None:
    refused(world, refusals.OperatorWrongSalesPointError, sales_point_code="SP02")


def test_postpaid_meter_takes_no_token(world: World) -> None:
    def postpaid(session: Session, meter: Meter) -> None:
        model = session.scalars(select(MeterModel).where(MeterModel.code == "SP-1P")).one()
        meter.model_id = model.id

    change_meter(world, world.meters[0].number, postpaid)
    refused(world, refusals.PostpaidMeterError)


def test_card_meter_needs_the_card(world: World) -> None:
    def card(_: Session, meter: Meter) -> None:
        meter.medium = MeterMedium.CARD

    change_meter(world, world.meters[0].number, card)
    refused(world, refusals.CardMeterError)


def test_key_missing_from_the_module(world: World) -> None:
    def elsewhere(_: Session, meter: Meter) -> None:
        meter.key_register = "9"

    change_meter(world, world.meters[0].number, elsewhere)
    refused(world, refusals.KeyMissingError)


def test_key_expired(world: World) -> None:
    def expired(_: Session, meter: Meter) -> None:
        meter.ken = 0  # the key expired at TID 0 (IEC 62055-41: TID > KEN x 65535)

    change_meter(world, world.meters[0].number, expired)
    refused(world, refusals.KeyExpiredError)


def test_module_credit_too_low(small_credit_world: World) -> None:
    refused(small_credit_world, refusals.ModuleCreditTooLowError)


def test_module_offline(world: World) -> None:
    balance = module_balance(world.url)
    request = VendRequest(world.meters[0].number, Decimal("50.00"), "CASH1")
    with open_configured_module() as access:
        world.emulator.stop()
        with pytest.raises(refusals.ModuleOfflineError):
            sell(world.database, access, request)
    assert count_vends(world.database) == 0
    world.emulator.start("--pty")
    assert module_balance(world.emulator.url) == balance


def test_net_too_small_for_the_charges(world: World) -> None:
    refused(world, NetTooSmallError, net=Decimal("0.01"))


def test_unknown_payment_term(world: World) -> None:
    refused(world, refusals.UnknownPaymentTermError, payment="seashells")


def test_customer_paid_less_than_the_net(world: World) -> None:
    refused(world, refusals.TenderedTooLittleError, tendered=Decimal("49.99"))


def test_warn_amount_asks_for_confirmation_then_sells(world: World) -> None:
    with world.database.unit_of_work() as uow:
        parameters = uow.session.get(SystemParameters, 1)
        assert parameters is not None
        parameters.warn_amount = Decimal("40.00")
        uow.commit()
    refused(world, refusals.WarnAmountNotConfirmedError)
    request = VendRequest(world.meters[0].number, Decimal("50.00"), "CASH1", confirmed=True)
    with open_configured_module() as access:
        result = sell(world.database, access, request)
    assert result.breakdown.exceeds_warn_amount
    assert count_vends(world.database) == 1
