"""Customers: registration with an auto-generated code, listing and the customer card."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from starpos.audit.log import Actor, AuditKind, append
from starpos.db.enums import CustomerStatus
from starpos.db.models import Customer, CustomerType, Region
from starpos.errors import StorageError
from starpos.masterdata import bill_numbers
from starpos.masterdata.customer_search import finding


class UnknownCustomerError(StorageError):
    code = "storage.unknown_customer"
    template = "There is no customer with the code {code}. Check the code or search by name."


class UnknownCustomerTypeError(StorageError):
    code = "storage.unknown_customer_type"
    template = "There is no customer type {code}. Choose one from Customer Type."


class UnknownRegionError(StorageError):
    code = "storage.unknown_region"
    template = "There is no region {code}. Choose one from Region."


@dataclass(frozen=True)
class CustomerSummary:
    code: str
    name: str
    address: str
    id_number: str | None
    customer_type: str
    status: str
    region: str | None
    meters: tuple[str, ...]
    outstanding_debt: Decimal

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _summary(customer: Customer) -> CustomerSummary:
    return CustomerSummary(
        code=customer.code,
        name=customer.name,
        address=customer.address,
        id_number=customer.id_number,
        customer_type=customer.customer_type.name,
        status=str(customer.status),
        region=customer.region.name if customer.region else None,
        meters=tuple(meter.number for meter in customer.meters),
        outstanding_debt=sum((m.outstanding_debt for m in customer.meters), Decimal(0)),
    )


def _loaded() -> tuple[Any, ...]:
    return (
        joinedload(Customer.customer_type),
        joinedload(Customer.region),
        selectinload(Customer.meters),
    )


def register_customer(
    session: Session,
    *,
    name: str,
    customer_type_code: str,
    numbering: bill_numbers.NumberingContext,
    address: str = "",
    telephone: str = "",
    id_number: str | None = None,
    region_code: str | None = None,
    registered_on: date | None = None,
    code: str | None = None,
) -> Customer:
    """Add a customer; the code comes from the "customer" numbering rule unless given."""
    customer_type = session.scalars(
        select(CustomerType).where(CustomerType.code == customer_type_code)
    ).first()
    if customer_type is None:
        raise UnknownCustomerTypeError(code=customer_type_code)
    region_id = None
    if region_code is not None:
        region_id = session.scalars(select(Region.id).where(Region.code == region_code)).first()
        if region_id is None:
            raise UnknownRegionError(code=region_code)
    customer = Customer(
        code=code or bill_numbers.next_number(session, bill_numbers.CUSTOMER, numbering),
        name=name,
        address=address,
        telephone=telephone,
        id_number=id_number,
        customer_type_id=customer_type.id,
        region_id=region_id,
        status=CustomerStatus.ACTIVE,
        registered_on=registered_on or numbering.when.date(),
    )
    session.add(customer)
    session.flush()
    return customer


def list_customers(
    session: Session, search: str = "", *, limit: int = 50, offset: int = 0, exact: bool = False
) -> list[CustomerSummary]:
    """Customers by code; ``search`` keeps those whose code, name, ID number or one of whose
    meter numbers contains it (letter case ignored), or, ``exact``, is it (manual 4.1's
    fuzzy and exact query)."""
    query = select(Customer).order_by(Customer.code)
    if search.strip():
        query = query.where(finding(session, search.strip(), exact))
    customers = session.scalars(query.options(*_loaded()).limit(limit).offset(offset)).all()
    return [_summary(customer) for customer in customers]


def customer_by_code(session: Session, code: str) -> CustomerSummary:
    customer = session.scalars(
        select(Customer).where(Customer.code == code).options(*_loaded())
    ).first()
    if customer is None:
        raise UnknownCustomerError(code=code)
    return _summary(customer)


def set_status(
    session: Session, code: str, status: CustomerStatus, actor: Actor, *, reason: str = ""
) -> None:
    """Blacklist or reactivate a customer (a blacklisted customer may not buy); audited."""
    customer = session.scalars(select(Customer).where(Customer.code == code)).first()
    if customer is None:
        raise UnknownCustomerError(code=code)
    before = customer.status
    customer.status = status
    append(
        session,
        AuditKind.MASTER_DATA_CHANGE,
        subject=f"customer:{code}",
        details={"status": [str(before), str(status)], **({"reason": reason} if reason else {})},
        actor=actor,
    )
