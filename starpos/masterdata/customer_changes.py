"""Change a customer's information (manual 4.1): what the customer card of the registration
holds (manual 3.3 A), after registration.

The customer's code stays (sales, bills and the head office know the customer by it), and so
does their status: blacklisting and reinstating take a reason (manual 4.3,
:func:`starpos.masterdata.registration.set_customer_status`). Everything else can change, in
one audited transaction that names each field's value before and after (decision BO-12). A
change that changes nothing writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db import Database
from starpos.db.models import Bank, Customer, CustomerType, Region
from starpos.db.models.master_data import CODE, NAME, TEXT
from starpos.db.parameters import utility_now
from starpos.errors import StorageError
from starpos.i18n import Term, tr_noop
from starpos.masterdata import terms
from starpos.masterdata.changes import BadValueError, by_code, changing
from starpos.masterdata.customers import UnknownCustomerError
from starpos.masterdata.regions import region_paths
from starpos.operators import permissions
from starpos.operators.session import OperatorSession

BANK = Term(tr_noop("terms", "bank"))

#: The fields a change may name, with the label a refusal names them by.
LABELS: dict[str, Term] = {
    "name": terms.NAME,
    "address": Term(tr_noop("terms", "Address")),
    "telephone": Term(tr_noop("terms", "Telephone")),
    "id_number": Term(tr_noop("terms", "ID number")),
    "customer_type": Term(tr_noop("terms", "Customer type")),
    "region": Term(tr_noop("terms", "Region")),
    "corporation": Term(tr_noop("terms", "Corporation")),
    "tax_reference": Term(tr_noop("terms", "Tax registration number")),
    "bank": Term(tr_noop("terms", "Bank")),
    "bank_account": Term(tr_noop("terms", "Bank account")),
    "registered_on": Term(tr_noop("terms", "Register date")),
    "remark": Term(tr_noop("terms", "Remark")),
}
FIELDS = tuple(LABELS)
#: The longest text each text field holds (the columns' sizes).
_LONGEST = {
    "name": NAME,
    "address": TEXT,
    "telephone": CODE * 2,
    "id_number": CODE * 2,
    "corporation": NAME,
    "tax_reference": CODE * 2,
    "bank_account": CODE * 2,
    "remark": TEXT,
}


class TooLongError(StorageError):
    code = "storage.too_long"
    template = "{field} holds at most {limit} characters; the text given has {length}."


class RegisteredLaterError(StorageError):
    code = "storage.registered_later"
    template = (
        "The register date {when} is after today ({today}): give the day the customer registered."
    )


@dataclass(frozen=True)
class CustomerCard:
    """What the change screen shows and edits: the customer's current values (codes for
    the customer type, region and bank), and the codes each of those may take."""

    code: str
    status: str
    values: dict[str, Any]
    choices: dict[str, list[str]]
    #: each region's path ("North / Kano / Ward 3"), by code: how a region is shown
    region_paths: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def customer_card(database: Database, code: str) -> CustomerCard:
    with database.reading() as session:
        customer = find_customer(session, code)
        paths = region_paths(session)
        return CustomerCard(
            code=customer.code,
            status=str(customer.status),
            values=_values(customer),
            choices={
                "customer_type": _codes(session, CustomerType),
                "region": list(paths),  # in tree order, as the regions screen shows them
                "bank": _codes(session, Bank),
            },
            region_paths=paths,
        )


def change_customer(
    database: Database, by: OperatorSession, code: str, changes: Mapping[str, Any]
) -> dict[str, list[Any]]:
    """Give customer ``code`` the values ``changes`` names (fields of :data:`FIELDS`; text,
    codes, a date for ``registered_on``; None or "" clears an optional one); what changed,
    as ``{field: [before, after]}`` (empty, and nothing written, when nothing did)."""
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise ValueError(f"not a customer field: {', '.join(unknown)}")
    try:
        with changing(
            database, by, permissions.REGISTER_CUSTOMER, f"customer:{code.strip()}", "changed"
        ) as change:
            session = change.session
            customer = find_customer(session, code)
            change.subject = f"customer:{customer.code}"
            before = _values(customer)
            for name, value in changes.items():
                _apply(session, customer, name, value)
            session.flush()
            after = _values(customer)
            differences = {n: [before[n], after[n]] for n in FIELDS if before[n] != after[n]}
            if not differences:
                raise _Unchanged
            change.details.update({n: [_shown(v) for v in pair] for n, pair in differences.items()})
            return differences
    except _Unchanged:
        return {}


class _Unchanged(Exception):
    """Nothing differs: leave the transaction without writing (no audit entry either)."""


def find_customer(session: Session, code: str) -> Customer:
    """The customer with ``code`` as typed, else in upper case (codes the numbering rule
    makes are upper case; a code given at registration is kept as it was typed)."""
    typed = code.strip()
    for candidate in dict.fromkeys((typed, typed.upper())):
        customer = session.scalars(select(Customer).where(Customer.code == candidate)).first()
        if customer is not None:
            return customer
    raise UnknownCustomerError(code=typed or "-")


def _codes(session: Session, model: Any) -> list[str]:
    return list(session.scalars(select(model.code).order_by(model.code)))


def _values(customer: Customer) -> dict[str, Any]:
    return {
        "name": customer.name,
        "address": customer.address,
        "telephone": customer.telephone,
        "id_number": customer.id_number,
        "customer_type": customer.customer_type.code,
        "region": customer.region.code if customer.region else None,
        "corporation": customer.corporation,
        "tax_reference": customer.tax_reference,
        "bank": customer.bank.code if customer.bank else None,
        "bank_account": customer.bank_account,
        "registered_on": customer.registered_on,
        "remark": customer.remark,
    }


def _shown(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _apply(session: Session, customer: Customer, name: str, value: Any) -> None:
    if name == "customer_type":
        chosen = by_code(session, CustomerType, _code(value), terms.CUSTOMER_TYPE)
        customer.customer_type = chosen
    elif name == "region":
        customer.region = (
            by_code(session, Region, _code(value), terms.REGION) if _code(value) else None
        )
    elif name == "bank":
        customer.bank = by_code(session, Bank, _code(value), BANK) if _code(value) else None
    elif name == "registered_on":
        _check_registered_on(session, value)
        customer.registered_on = value
    else:
        text = "" if value is None else str(value).strip()
        if name == "name" and not text:
            raise BadValueError(field=LABELS[name], value='""', reason=terms.EMPTY)
        if len(text) > _LONGEST[name]:
            raise TooLongError(field=LABELS[name], limit=_LONGEST[name], length=len(text))
        # No ID number is NULL (the exact search looks ID numbers up), never "".
        setattr(customer, name, None if name == "id_number" and not text else text)


def _code(value: Any) -> str:
    return "" if value is None else str(value).strip().upper()


def _check_registered_on(session: Session, value: Any) -> None:
    if not isinstance(value, date):
        raise ValueError("registered_on is a date")
    today = utility_now(session).date()
    if value > today:
        raise RegisteredLaterError(when=value.isoformat(), today=today.isoformat())
