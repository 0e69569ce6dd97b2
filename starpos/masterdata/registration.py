"""Register a customer with one or more meters from stock (manual 3.3), and end a contract.

One transaction: the customer (code from the "customer" numbering rule), then for each
meter its stock-out for installation and its installation with the tariff, the register
charge with its payment and change on the registration bill (``registration_charges``), and
one audit entry naming them all; a meter that is not in stock (or not there at all), a
payment short of the charge or no open shift for a charge refuses the whole registration,
and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from starpos.db import Database
from starpos.db.enums import CustomerStatus, StockStatus
from starpos.db.models import Customer, Meter, Vend
from starpos.errors import StorageError
from starpos.masterdata import customers, meter_stock, registration_charges, terms
from starpos.masterdata.changes import changing, refuse_in_use
from starpos.masterdata.meter_lookup import UnknownMeterError
from starpos.masterdata.meter_ranges import numbering_here, operator_id
from starpos.masterdata.registration_charges import REGISTER, RegistrationResult
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.shifts.paid_charges import IN_CASH, ChargePayment
from starpos.sts.meter_number import parse_meter_number


@dataclass(frozen=True)
class MeterContract:
    """A meter from stock, installed for the customer with ``tariff_code``."""

    number: str
    tariff_code: str
    install_date: date | None = None


def register_with_meters(
    database: Database,
    by: OperatorSession,
    *,
    name: str,
    customer_type_code: str,
    meters: Sequence[MeterContract],
    address: str = "",
    telephone: str = "",
    id_number: str | None = None,
    region_code: str | None = None,
    code: str | None = None,
) -> str:
    """Register the customer and install ``meters`` for them, the register charge paid
    exactly; the customer's code."""
    return register_paid(
        database, by, name=name, customer_type_code=customer_type_code, meters=meters,
        address=address, telephone=telephone, id_number=id_number, region_code=region_code,
        code=code,
    ).customer  # fmt: skip


def register_paid(
    database: Database,
    by: OperatorSession,
    *,
    name: str,
    customer_type_code: str,
    meters: Sequence[MeterContract],
    address: str = "",
    telephone: str = "",
    id_number: str | None = None,
    region_code: str | None = None,
    code: str | None = None,
    paid: Decimal | None = None,
    payment: ChargePayment = IN_CASH,
) -> RegistrationResult:
    """Register the customer and install ``meters`` for them; ``paid`` the cash handed over
    for the register charge (None: exactly the charge). The registration bill."""
    with changing(
        database, by, permissions.REGISTER_CUSTOMER, "customer:new", "registered"
    ) as change:
        session = change.session
        numbering = numbering_here(session, by)
        customer = customers.register_customer(
            session,
            name=name,
            customer_type_code=customer_type_code.strip().upper(),
            numbering=numbering,
            address=address,
            telephone=telephone,
            id_number=id_number,
            region_code=region_code,
            code=code,
        )
        installed = []
        by_id = operator_id(session, by.code)
        for contract in meters:
            number = parse_meter_number(contract.number).iain
            meter = session.scalars(select(Meter).where(Meter.number == number)).first()
            if meter is None:
                raise UnknownMeterError(number=number)
            if meter.stock_status is StockStatus.IN_STOCK:
                meter_stock.stock_out(session, [number], numbering=numbering, operator_id=by_id)
            meter_stock.install_meter(
                session,
                number,
                customer_code=customer.code,
                tariff_code=contract.tariff_code.strip().upper(),
                install_date=contract.install_date or numbering.when.date(),
            )
            installed.append({"meter": number, "tariff": contract.tariff_code})
        bill = registration_charges.take_charges(
            session, by.actor, kind=REGISTER, customer=customer,
            meters=[str(m["meter"]) for m in installed], paid=paid, numbering=numbering,
            operator_id=by_id, payment=payment,
        )  # fmt: skip
        result = registration_charges.result_of(session, bill)
        change.subject = f"customer:{customer.code}"
        change.details.update(
            name=name,
            customer_type=customer_type_code,
            meters=installed,
            code=customer.code,
            **registration_charges.audit_details(result, bill.cash_movement_id),
        )
        return result


def cancel_meter_contract(
    database: Database, by: OperatorSession, number_text: str, *, return_to_stock: bool = True
) -> str:
    """End a meter's contract (manual 4.4); the meter goes back to stock; the bill number."""
    number = parse_meter_number(number_text).iain
    with changing(
        database, by, permissions.CANCEL_CONTRACT, f"meter:{number}", "contract cancelled"
    ) as change:
        session = change.session
        bill = meter_stock.cancel_contract(
            session,
            number,
            numbering=numbering_here(session, by),
            return_to_stock=return_to_stock,
            operator_id=operator_id(session, by.code),
        )
        change.details.update(bill=bill, returned_to_stock=return_to_stock)
        return bill


def set_customer_status(
    database: Database, by: OperatorSession, code: str, status: CustomerStatus, reason: str
) -> None:
    """Blacklist or reinstate a customer with a reason (manual 4.3)."""
    by.require(permissions.REGISTER_CUSTOMER)
    with database.unit_of_work() as uow:
        customers.set_status(uow.session, code.strip(), status, by.actor, reason=reason)
        uow.commit()


def delete_meter(database: Database, by: OperatorSession, number_text: str) -> None:
    """Delete a meter stocked in by mistake: refused while installed or once sold to."""
    number = parse_meter_number(number_text).iain
    with changing(database, by, permissions.MANAGE_METERS, f"meter:{number}", "deleted") as change:
        session = change.session
        meter = session.scalars(select(Meter).where(Meter.number == number)).first()
        if meter is None:
            raise UnknownMeterError(number=number)
        if meter.stock_status is StockStatus.INSTALLED or meter.customer_id is not None:
            customer = session.get(Customer, meter.customer_id) if meter.customer_id else None
            raise MeterInstalledError(number=number, customer=customer.code if customer else "-")
        sales = session.scalar(
            select(func.count()).select_from(Vend).where(Vend.meter_id == meter.id)
        )
        refuse_in_use(terms.METER, number, int(sales or 0), terms.SALES)
        from sqlalchemy import delete

        from starpos.db.models import StockMovement
        from starpos.masterdata.bill_checks import refuse_checked

        # Its movements go with it: never off a checked bill (manual 3.1, BO-19).
        refuse_checked(
            session,
            session.scalars(
                select(StockMovement.bill_number).where(StockMovement.meter_id == meter.id)
            ),
        )
        session.execute(delete(StockMovement).where(StockMovement.meter_id == meter.id))
        session.delete(meter)


class MeterInstalledError(StorageError):
    code = "storage.meter_installed"
    template = (
        "Meter {number} is installed for customer {customer}: cancel its contract first "
        "(the meter then returns to stock)."
    )
