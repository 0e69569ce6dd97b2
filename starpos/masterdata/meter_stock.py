"""A meter's life: stock in, stock out, installation, replacement and contract cancellation.

Every move is a ``stock_movements`` row with its bill number (manual 3.1, 3.2, 4.4, 4.6),
so ``meter_history`` tells where a meter has been. The meter row carries where it is now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.enums import (
    ContractStatus,
    MeterCondition,
    MeterMedium,
    StockMovementKind,
    StockStatus,
)
from starpos.db.models import (
    Branch,
    Customer,
    Meter,
    MeterModel,
    MeterReplacement,
    ReplacementReason,
    StockMovement,
    TariffScheme,
)
from starpos.errors import StorageError
from starpos.i18n import Term, tr_noop
from starpos.masterdata import bill_numbers
from starpos.masterdata.bill_numbers import NumberingContext
from starpos.masterdata.customers import UnknownCustomerError
from starpos.masterdata.meter_lookup import UnknownMeterError
from starpos.sts.meter_number import parse_meter_number


class MeterAlreadyRegisteredError(StorageError):
    code = "storage.meter_exists"
    template = "Meter {number} is already in the system; it cannot be stocked in as new."


class MeterNotAvailableError(StorageError):
    code = "storage.meter_not_available"
    template = (
        "Meter {number} cannot be used for this while its stock status is {status}. Check "
        "the meter's history (stock in, stock out, installation)."
    )


class MeterNotGoodError(StorageError):
    code = "storage.meter_not_good"
    template = (
        "Meter {number} is marked {condition}: only a Good meter goes out for installation. "
        "Set its status to Good once it has been repaired and tested."
    )


#: A meter's status as people read it (context ``terms``, translated when shown).
CONDITION_TERMS = {
    MeterCondition.GOOD: Term(tr_noop("terms", "Good")),
    MeterCondition.MAINTENANCE: Term(tr_noop("terms", "Maintenance")),
    MeterCondition.SCRAP: Term(tr_noop("terms", "Scrap")),
}


class UnknownMasterDataError(StorageError):
    code = "storage.unknown_master_data"
    template = "There is no {table} record with the code {code}. Check the base data."


@dataclass(frozen=True)
class NewMeter:
    """A meter arriving new from the factory, with the STS identity it was made with."""

    number: str
    sgc: str
    ti: int
    krn: int = 1
    ken: int = 255
    key_type: int = 2
    dkga: str = "02"
    ea: str = "07"
    tid_base_year: int = 1993
    medium: MeterMedium = MeterMedium.KEYPAD
    key_register: str | None = None
    ex_factory_date: date | None = None


def _by_code(session: Session, model: type, code: str) -> object:
    found = session.scalars(select(model).where(model.code == code)).first()  # type: ignore[attr-defined]
    if found is None:
        raise UnknownMasterDataError(table=model.__tablename__, code=code)  # type: ignore[attr-defined]
    return found


def _meter(session: Session, number_text: str) -> Meter:
    number = parse_meter_number(number_text)
    meter = session.scalars(select(Meter).where(Meter.number == number.iain)).first()
    if meter is None:
        raise UnknownMeterError(number=number.iain)
    return meter


def _require_good(meter: Meter) -> None:
    if meter.condition is not MeterCondition.GOOD:
        raise MeterNotGoodError(number=meter.number, condition=CONDITION_TERMS[meter.condition])


def _require(meter: Meter, allowed: tuple[StockStatus, ...]) -> None:
    if meter.stock_status not in allowed:
        raise MeterNotAvailableError(number=meter.number, status=str(meter.stock_status))


def _move(
    session: Session,
    meter: Meter,
    kind: StockMovementKind,
    bill_number: str,
    branch_id: int,
    *,
    operator_id: int | None,
    moved_at: datetime | None = None,
    **values: object,
) -> None:
    session.add(
        StockMovement(
            bill_number=bill_number,
            kind=kind,
            meter_id=meter.id,
            branch_id=branch_id,
            operator_id=operator_id,
            **({"moved_at": moved_at} if moved_at else {}),
            **values,
        )
    )


def stock_in_new(
    session: Session,
    meters: Sequence[NewMeter],
    *,
    model_code: str,
    branch_code: str,
    numbering: NumberingContext,
    operator_id: int | None = None,
) -> str:
    """Stock in a batch of new meters on one bill; returns the bill number."""
    model = _by_code(session, MeterModel, model_code)
    branch = _by_code(session, Branch, branch_code)
    assert isinstance(model, MeterModel) and isinstance(branch, Branch)
    bill = bill_numbers.next_number(session, bill_numbers.STOCK_IN, numbering)
    for new in meters:
        number = parse_meter_number(new.number)
        if session.scalars(select(Meter.id).where(Meter.number == number.iain)).first():
            raise MeterAlreadyRegisteredError(number=number.iain)
        meter = Meter(
            number=number.iain,
            pan=number.pan,
            model_id=model.id,
            medium=new.medium,
            sgc=new.sgc,
            ti=new.ti,
            krn=new.krn,
            ken=new.ken,
            key_type=new.key_type,
            dkga=new.dkga,
            ea=new.ea,
            tid_base_year=new.tid_base_year,
            key_register=new.key_register,
            ex_factory_date=new.ex_factory_date,
            branch_id=branch.id,
            stock_status=StockStatus.IN_STOCK,
        )
        session.add(meter)
        session.flush()
        _move(session, meter, StockMovementKind.IN_NEW, bill, branch.id, operator_id=operator_id)
    return bill


def stock_out(
    session: Session,
    numbers: Sequence[str],
    *,
    to_other_branch: str | None = None,
    drawer: str = "",
    numbering: NumberingContext,
    operator_id: int | None = None,
) -> str:
    """Stock meters out for installation (Good ones only), or to another branch when
    ``to_other_branch``."""
    bill = bill_numbers.next_number(session, bill_numbers.STOCK_OUT, numbering)
    other = _by_code(session, Branch, to_other_branch) if to_other_branch else None
    for text in numbers:
        meter = _meter(session, text)
        _require(meter, (StockStatus.IN_STOCK,))
        assert meter.branch_id is not None
        if isinstance(other, Branch):
            _move(
                session,
                meter,
                StockMovementKind.OUT_TO_BRANCH,
                bill,
                meter.branch_id,
                operator_id=operator_id,
                other_branch_id=other.id,
                drawer=drawer,
            )
            meter.stock_status = StockStatus.AT_OTHER_BRANCH
            meter.branch_id = other.id
        else:
            # A meter in maintenance or scrapped goes nowhere near a customer (BO-15); to
            # another branch it may go, whatever its status.
            _require_good(meter)
            _move(
                session,
                meter,
                StockMovementKind.OUT_INSTALLATION,
                bill,
                meter.branch_id,
                operator_id=operator_id,
                drawer=drawer,
            )
            meter.stock_status = StockStatus.ISSUED
    return bill


def stock_in_from_branch(
    session: Session,
    numbers: Sequence[str],
    *,
    numbering: NumberingContext,
    origin_bill_number: str | None = None,
    operator_id: int | None = None,
) -> str:
    """Receive meters another branch stocked out to this one; without
    ``origin_bill_number``, each move names the stock-out bill that sent its meter."""
    bill = bill_numbers.next_number(session, bill_numbers.STOCK_IN, numbering)
    for text in numbers:
        meter = _meter(session, text)
        _require(meter, (StockStatus.AT_OTHER_BRANCH,))
        assert meter.branch_id is not None
        _move(
            session,
            meter,
            StockMovementKind.IN_FROM_BRANCH,
            bill,
            meter.branch_id,
            operator_id=operator_id,
            origin_bill_number=origin_bill_number or _sent_on(session, meter),
        )
        meter.stock_status = StockStatus.IN_STOCK
    return bill


def _sent_on(session: Session, meter: Meter) -> str | None:
    """The bill of the meter's last stock-out to another branch."""
    return session.scalar(
        select(StockMovement.bill_number)
        .where(
            StockMovement.meter_id == meter.id,
            StockMovement.kind == StockMovementKind.OUT_TO_BRANCH,
        )
        .order_by(StockMovement.moved_at.desc(), StockMovement.id.desc())
        .limit(1)
    )


def install_meter(
    session: Session,
    number_text: str,
    *,
    customer_code: str,
    tariff_code: str,
    install_date: date,
    contract_start: date | None = None,
    contract_end: date | None = None,
    outstanding_debt: Decimal = Decimal(0),
) -> Meter:
    """Register a meter stocked out for installation to a customer (manual 3.3 B)."""
    meter = _meter(session, number_text)
    _require(meter, (StockStatus.ISSUED,))
    customer = session.scalars(select(Customer).where(Customer.code == customer_code)).first()
    if customer is None:
        raise UnknownCustomerError(code=customer_code)
    scheme = _by_code(session, TariffScheme, tariff_code)
    assert isinstance(scheme, TariffScheme)
    meter.customer_id = customer.id
    meter.tariff_scheme_id = scheme.id
    meter.install_date = install_date
    meter.contract_status = ContractStatus.ACTIVE
    meter.contract_start = contract_start or install_date
    meter.contract_end = contract_end
    meter.outstanding_debt = outstanding_debt
    meter.stock_status = StockStatus.INSTALLED
    return meter


def replace_meter(
    session: Session,
    old_number: str,
    new_number: str,
    *,
    reason_code: str,
    numbering: NumberingContext,
    operator_id: int | None = None,
    condition: MeterCondition = MeterCondition.MAINTENANCE,
) -> str:
    """Put a new meter in place of an installed one (manual 4.6); the old one returns to
    stock. The customer, tariff and debt move to the new meter."""
    old = _meter(session, old_number)
    new = _meter(session, new_number)
    _require(old, (StockStatus.INSTALLED,))
    # The new meter comes from stock, stocked out for installation or straight off the shelf.
    _require(new, (StockStatus.ISSUED, StockStatus.IN_STOCK))
    _require_good(new)
    reason = _by_code(session, ReplacementReason, reason_code)
    assert isinstance(reason, ReplacementReason) and old.customer_id is not None
    bill = bill_numbers.next_number(session, bill_numbers.REPLACEMENT, numbering)
    session.add(
        MeterReplacement(
            bill_number=bill,
            customer_id=old.customer_id,
            old_meter_id=old.id,
            new_meter_id=new.id,
            reason_id=reason.id,
            operator_id=operator_id,
        )
    )
    new.customer_id, new.tariff_scheme_id = old.customer_id, old.tariff_scheme_id
    new.outstanding_debt, old.outstanding_debt = old.outstanding_debt, Decimal(0)
    new.install_date = numbering.when.date()
    new.contract_status, new.contract_start = ContractStatus.ACTIVE, old.contract_start
    new.contract_end = old.contract_end
    new.stock_status = StockStatus.INSTALLED
    old.customer_id = None
    old.contract_status = ContractStatus.NONE
    old.stock_status, old.condition = StockStatus.IN_STOCK, condition
    assert old.branch_id is not None
    _move(
        session,
        old,
        StockMovementKind.IN_REPLACED,
        bill,
        old.branch_id,
        operator_id=operator_id,
        origin_bill_number=bill,
        condition=condition,
    )
    return bill


def cancel_contract(
    session: Session,
    number_text: str,
    *,
    numbering: NumberingContext,
    return_to_stock: bool = True,
    operator_id: int | None = None,
) -> str:
    """End a meter's contract (manual 4.4): no more sales; optionally take the meter back."""
    meter = _meter(session, number_text)
    _require(meter, (StockStatus.INSTALLED,))
    bill = bill_numbers.next_number(session, bill_numbers.CONTRACT_CANCELLATION, numbering)
    meter.contract_status = ContractStatus.CANCELLED
    meter.contract_end = numbering.when.date()
    if return_to_stock:
        assert meter.branch_id is not None
        _move(
            session,
            meter,
            StockMovementKind.IN_CANCELLED_CONTRACT,
            bill,
            meter.branch_id,
            operator_id=operator_id,
            origin_bill_number=bill,
        )
        meter.stock_status = StockStatus.IN_STOCK
        meter.customer_id = None
    return bill


def meter_history(session: Session, number_text: str) -> list[StockMovement]:
    meter = _meter(session, number_text)
    return list(
        session.scalars(
            select(StockMovement)
            .where(StockMovement.meter_id == meter.id)
            .order_by(StockMovement.moved_at, StockMovement.id)
        )
    )
