"""A customer's meters after registration: change a meter's information (manual 4.2) and add
a meter contract (manual 4.3, a meter from stock for an existing customer).

A meter's key data (SGC, TI, KRN, KEN, key type, base date, key register, DKGA, EA) and its
medium are not meter *information*: the meter holds its key and takes tokens made with it,
so the store's copy moves only when key change tokens exist (``starpos.db.meter_keys``, by
an engineering key change or a key change flagged for the next purchase, docs/key-changes.md).
Changing it here would make the next token one the meter rejects, so it is refused with the
way to do it (decision BO-13). The same holds for a meter model that is paid for another way
(prepaid or postpaid): the payment change owns that (manual 4.7). The outstanding debt is
money the sales repay; it is set when the contract starts and not edited here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.enums import ContractStatus, CustomerStatus, MeterCondition, StockStatus
from starpos.db.models import Customer, Meter, MeterModel, TariffScheme
from starpos.db.parameters import utility_now
from starpos.errors import StorageError
from starpos.masterdata import meter_stock, registration_charges, terms
from starpos.masterdata.changes import by_code, changing
from starpos.masterdata.customer_changes import find_customer
from starpos.masterdata.meter_lookup import UnknownMeterError
from starpos.masterdata.meter_ranges import numbering_here, operator_id
from starpos.masterdata.registration import MeterContract, MeterInstalledError
from starpos.masterdata.registration_charges import ADD_METER, RegistrationResult
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts.paid_charges import IN_CASH, ChargePayment
from starpos.sts.meter_number import parse_meter_number

#: The fields a change of meter information may name.
FIELDS = ("model", "tariff", "install_date", "contract_start", "contract_end", "ex_factory_date")
#: What only a key change (or the payment change, for the medium) moves.
KEY_FIELDS = (
    "sgc", "ti", "krn", "ken", "key_type", "base_date", "tid_base_year", "key_register",
    "dkga", "ea", "medium",
)  # fmt: skip


class KeyDataNotHereError(StorageError):
    code = "storage.key_data_not_here"
    template = (
        "Meter {number}'s key data ({fields}) changes only with key change tokens, or the "
        "meter would reject its next token: flag it for a key change at its next purchase "
        "(starpos keychange flag --meter {number}) or issue an engineering key change."
    )


class OtherPaymentModeError(StorageError):
    code = "storage.other_payment_mode"
    template = (
        "Meter model {model} is {mode}, meter {number} is {current}: switch the meter between "
        "prepaid and postpaid with the payment change (starpos meter payment-change), then "
        "choose a model paid the same way."
    )


class NotInstalledError(StorageError):
    code = "storage.meter_not_installed"
    template = (
        "Meter {number} has no customer (stock status {status}): add a meter contract to a "
        "customer first; a meter in stock is changed with the stock."
    )


class OtherCustomersMeterError(StorageError):
    code = "storage.other_customers_meter"
    template = "Meter {number} belongs to customer {owner}, not to {customer}. Check the meter."


class ContractEndsBeforeStartError(StorageError):
    code = "storage.contract_ends_before_start"
    template = "The contract of meter {number} cannot end on {end}, before it starts on {start}."


class CustomerBlacklistedError(StorageError):
    code = "storage.customer_blacklisted"
    template = (
        "Customer {code} is blacklisted: reinstate them first (with the reason), then add "
        "the meter."
    )


class MeterNotGoodError(StorageError):
    code = "storage.meter_not_good"
    template = (
        "Meter {number} is marked {condition}: only a meter in good condition is installed. "
        "Choose another meter."
    )


class InstalledLaterError(StorageError):
    code = "storage.installed_later"
    template = "Meter {number} cannot be installed on {when}, a day still to come."


@dataclass(frozen=True)
class MeterCard:
    """What the change screen shows of a customer's meter: its information (codes for the
    model and tariff), its key data (shown, not edited), and the codes to choose from."""

    number: str
    customer: str | None
    values: dict[str, Any]
    key: dict[str, Any]
    choices: dict[str, list[str]]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def meter_card(database: Database, number_text: str) -> MeterCard:
    with database.reading() as session:
        meter = _meter(session, number_text)
        return MeterCard(
            number=meter.number,
            customer=meter.customer.code if meter.customer else None,
            values=_values(meter),
            key={
                "sgc": meter.sgc,
                "ti": meter.ti,
                "krn": meter.krn,
                "ken": meter.ken,
                "key_type": meter.key_type,
                "base_date": meter.tid_base_year,
                "key_register": meter.key_register,
                "medium": str(meter.medium),
            },
            choices={
                "model": list(session.scalars(select(MeterModel.code).order_by(MeterModel.code))),
                "tariff": list(
                    session.scalars(select(TariffScheme.code).order_by(TariffScheme.code))
                ),
            },
        )


def change_meter(
    database: Database,
    by: OperatorSession,
    number_text: str,
    changes: Mapping[str, Any],
    *,
    customer_code: str | None = None,
) -> dict[str, list[Any]]:
    """Give a customer's meter the values ``changes`` names (:data:`FIELDS`: codes for
    ``model`` and ``tariff``, dates, None clears ``contract_end`` or ``ex_factory_date``);
    with ``customer_code``, the meter must be that customer's. What changed, as
    ``{field: [before, after]}`` (empty, nothing written, when nothing did)."""
    number = parse_meter_number(number_text).iain
    by.require(permissions.REGISTER_CUSTOMER)
    keyed = [name for name in changes if name in KEY_FIELDS]
    if keyed:
        raise KeyDataNotHereError(number=number, fields=", ".join(keyed))
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise ValueError(f"not a meter field: {', '.join(unknown)}")
    try:
        with changing(
            database, by, permissions.REGISTER_CUSTOMER, f"meter:{number}", "changed"
        ) as change:
            session = change.session
            meter = _meter(session, number)
            _check_owner(session, meter, customer_code)
            before = _values(meter)
            for name, value in changes.items():
                _apply(meter, name, value, session)
            after = _values(meter)
            start, end = meter.contract_start, meter.contract_end
            if start is not None and end is not None and end < start:
                raise ContractEndsBeforeStartError(
                    number=number, end=end.isoformat(), start=start.isoformat()
                )
            differences = {n: [before[n], after[n]] for n in FIELDS if before[n] != after[n]}
            if not differences:
                raise _Unchanged
            change.details.update(
                customer=meter.customer.code if meter.customer else None,
                **{n: [_shown(v) for v in pair] for n, pair in differences.items()},
            )
            return differences
    except _Unchanged:
        return {}


def add_meter_contract(
    database: Database, by: OperatorSession, customer_code: str, contract: MeterContract
) -> str:
    """Install a meter from stock for an existing, active customer (manual 4.3), the
    register charge paid exactly; the stock-out bill's number ("" when it was stocked out
    already)."""
    return add_meter_paid(database, by, customer_code, contract).stock_out_bill


def add_meter_paid(
    database: Database,
    by: OperatorSession,
    customer_code: str,
    contract: MeterContract,
    *,
    paid: Decimal | None = None,
    payment: ChargePayment = IN_CASH,
) -> RegistrationResult:
    """Install a meter from stock for an existing, active customer (manual 4.3): stocked out
    for installation (when still on the shelf) and installed with the contract's tariff, as
    registration does, and its register charge taken with ``paid`` (None: exactly the
    charge; manual 4.3 "it may collect register charge"). The registration bill."""
    number = parse_meter_number(contract.number).iain
    with changing(
        database,
        by,
        permissions.REGISTER_CUSTOMER,
        f"customer:{customer_code.strip()}",
        "meter contract added",
    ) as change:
        session = change.session
        customer = find_customer(session, customer_code)
        code = customer.code
        change.subject = f"customer:{code}"
        if customer.status is CustomerStatus.BLACKLISTED:
            raise CustomerBlacklistedError(code=code)
        meter = session.scalars(select(Meter).where(Meter.number == number)).first()
        if meter is None:
            raise UnknownMeterError(number=number)
        if meter.customer_id is not None:
            owner = session.get(Customer, meter.customer_id)
            raise MeterInstalledError(number=number, customer=owner.code if owner else "-")
        if meter.condition is not MeterCondition.GOOD:
            raise MeterNotGoodError(number=number, condition=str(meter.condition))
        tariff = contract.tariff_code.strip().upper()
        by_code(session, TariffScheme, tariff, terms.TARIFF)
        numbering = numbering_here(session, by)
        bill = ""
        if meter.stock_status is StockStatus.IN_STOCK:
            bill = meter_stock.stock_out(
                session, [number], numbering=numbering, operator_id=operator_id(session, by.code)
            )
        meter_stock.install_meter(
            session,
            number,
            customer_code=code,
            tariff_code=tariff,
            install_date=contract.install_date or numbering.when.date(),
        )
        taken = registration_charges.take_charges(
            session, by.actor, kind=ADD_METER, customer=customer, meters=[number], paid=paid,
            numbering=numbering, operator_id=operator_id(session, by.code), payment=payment,
        )  # fmt: skip
        result = registration_charges.result_of(session, taken, stock_out_bill=bill)
        change.details.update(
            meter=number, tariff=tariff, stock_out_bill=bill,
            **registration_charges.audit_details(result, taken.cash_movement_id),
        )  # fmt: skip
        return result


class _Unchanged(Exception):
    """Nothing differs: leave the transaction without writing (no audit entry either)."""


def _meter(session: Session, number_text: str) -> Meter:
    number = parse_meter_number(number_text).iain
    meter = session.scalars(select(Meter).where(Meter.number == number)).first()
    if meter is None:
        raise UnknownMeterError(number=number)
    return meter


def _check_owner(session: Session, meter: Meter, customer_code: str | None) -> None:
    if meter.customer is None or meter.contract_status is not ContractStatus.ACTIVE:
        raise NotInstalledError(number=meter.number, status=str(meter.stock_status))
    if customer_code is None:
        return
    code = find_customer(session, customer_code).code
    if meter.customer.code != code:
        raise OtherCustomersMeterError(
            number=meter.number, owner=meter.customer.code, customer=code
        )


def _values(meter: Meter) -> dict[str, Any]:
    return {
        "model": meter.model.code,
        "tariff": meter.tariff_scheme.code if meter.tariff_scheme else None,
        "install_date": meter.install_date,
        "contract_start": meter.contract_start,
        "contract_end": meter.contract_end,
        "ex_factory_date": meter.ex_factory_date,
    }


def _shown(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _apply(meter: Meter, name: str, value: Any, session: Session) -> None:
    if name == "model":
        model = by_code(session, MeterModel, str(value).strip().upper(), terms.METER_MODEL)
        if model.payment_mode != meter.model.payment_mode:
            raise OtherPaymentModeError(
                model=model.code, mode=str(model.payment_mode), number=meter.number,
                current=str(meter.model.payment_mode),
            )  # fmt: skip
        meter.model = model
    elif name == "tariff":
        meter.tariff_scheme = by_code(
            session, TariffScheme, str(value).strip().upper(), terms.TARIFF
        )
    elif name in ("contract_end", "ex_factory_date") and value is None:
        setattr(meter, name, None)
    else:
        if not isinstance(value, date):
            raise ValueError(f"{name} is a date")
        if name == "install_date" and value > utility_now(session).date():
            raise InstalledLaterError(number=meter.number, when=value.isoformat())
        setattr(meter, name, value)
