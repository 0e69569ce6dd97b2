"""Which dated terms price a sale, and how an administrator dates a change of them (issue 12;
decisions BO-23, BO-24).

A charge item's priced terms (method, amount, percentage, "Calculate VAT") and a customer
type's VAT rate live in dated versions (``starpos.db.models.dated_terms``). The version that
prices a sale, a registration, a replacement or a token cancel is the record's latest one
whose ``effective_from`` is at or before the business's local time, the rule tariff
versions follow (``starpos.vending.tariff_cache``), in the same zone.

A change is a new version from ``effective_from`` (default: the moment of the change). One
from a moment already past is refused when a sale was priced with the record after it: that
sale's figures would no longer be what the record says was in force (BO-24). The record's
own columns mirror its newest version (the demo loader and set-up commands read them);
nothing that prices reads them, and the lists show :func:`terms_in_force` (BO-29).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from starpos.db.enums import ChargeOccasion
from starpos.db.models import (
    ChargeItem,
    ChargeItemVersion,
    Customer,
    CustomerType,
    CustomerTypeCharge,
    CustomerTypeVatVersion,
    MeterReplacement,
    MeterReplacementCharge,
    RegistrationBill,
    RegistrationBillCharge,
    TokenCancel,
    Vend,
    VendCharge,
)
from starpos.db.models.dated_terms import BEGINNING
from starpos.db.parameters import SystemParametersMissingError, to_utc, utility_now
from starpos.errors import StorageError
from starpos.pricing import ChargeMethod

__all__ = ["BEGINNING", "CHARGE_TERMS", "VAT_TERMS", "ChangedAfterSalesError", "ChargeTerms"]

#: The fields of a record that are dated, by record kind (``starpos.masterdata.record_kinds``).
CHARGE_TERMS = ("method", "amount", "percentage", "vat_applies")
VAT_TERMS = ("vat_rate",)


class ChangedAfterSalesError(StorageError):
    code = "storage.changed_after_sales"
    template = (
        "{what} {code} cannot change from {when}: {count} sales were already priced with it "
        "after that. Give a later date, or none to change it from now."
    )


@dataclass(frozen=True)
class ChargeTerms:
    """A charge item as one of its versions prices it (``id`` is the item's)."""

    id: int
    code: str
    name: str
    method: ChargeMethod
    amount: Decimal | None
    percentage: Decimal | None
    vat_applies: bool
    version_id: int


def _in_force(version: Any, owner_column: Any, owner: Any, local: datetime) -> Any:
    """The id of the owner's version in force at ``local``, as a correlated subquery."""
    return (
        select(version.id)
        .where(owner_column == owner, version.effective_from <= local)
        .order_by(version.effective_from.desc())
        .limit(1)
        .correlate_except(version)
        .scalar_subquery()
    )


def charge_terms(session: Session, item_ids: Sequence[int], local: datetime) -> list[ChargeTerms]:
    """The items ``item_ids`` (in that order) as their versions in force at ``local`` price
    them; an item with no version in force yet is left out."""
    if not item_ids:
        return []
    version = ChargeItemVersion
    rows = session.execute(
        select(ChargeItem.id, ChargeItem.code, ChargeItem.name, version)
        .join(
            version,
            version.id == _in_force(version, version.charge_item_id, ChargeItem.id, local),
        )
        .where(ChargeItem.id.in_(item_ids))
    ).all()
    found = {
        item_id: ChargeTerms(
            item_id, code, name, v.method, v.amount, v.percentage, v.vat_applies, v.id
        )
        for item_id, code, name, v in rows
    }
    return [found[item_id] for item_id in item_ids if item_id in found]


def vat_in_force(
    session: Session, customer_type_id: int | None, local: datetime
) -> tuple[Decimal, int | None]:
    """The customer type's VAT rate at ``local`` and its version's id (0 and None without a
    type or before its first version)."""
    if customer_type_id is None:
        return Decimal(0), None
    version = session.scalars(
        select(CustomerTypeVatVersion)
        .where(
            CustomerTypeVatVersion.customer_type_id == customer_type_id,
            CustomerTypeVatVersion.effective_from <= local,
        )
        .order_by(CustomerTypeVatVersion.effective_from.desc())
        .limit(1)
    ).first()
    return (version.vat_rate, version.id) if version is not None else (Decimal(0), None)


def first_versions(session: Session) -> None:
    """Give every charge item and customer type that has no version yet its terms as its
    first version, in force from the beginning (a record that did not exist priced nothing
    before, so no earlier sale can disagree)."""
    session.flush()
    versioned_items = select(ChargeItemVersion.charge_item_id)
    for item in session.scalars(select(ChargeItem).where(ChargeItem.id.not_in(versioned_items))):
        session.add(
            ChargeItemVersion(
                charge_item_id=item.id, effective_from=BEGINNING,
                **{name: getattr(item, name) for name in CHARGE_TERMS},
            )
        )  # fmt: skip
    versioned_types = select(CustomerTypeVatVersion.customer_type_id)
    for kind in session.scalars(
        select(CustomerType).where(CustomerType.id.not_in(versioned_types))
    ):
        session.add(
            CustomerTypeVatVersion(
                customer_type_id=kind.id, effective_from=BEGINNING, vat_rate=kind.vat_rate
            )
        )
    session.flush()


def local_now(session: Session) -> datetime:
    """The utility's wall clock now; in a store still without its system parameters (no
    zone, and nothing sold yet) the computer's own."""
    try:
        return utility_now(session)
    except SystemParametersMissingError:
        return datetime.now().replace(microsecond=0)


def _taxed_bills_after(session: Session, kind: CustomerType, since: datetime) -> int:
    """How many registration and replacement bills of customers of ``kind`` made at or after
    ``since`` the type's VAT priced: those with a VAT line or a taxed charge line (a bill
    without them owes the VAT nothing, whatever the rate)."""
    total = 0
    for line, parent, link, moment in (
        (
            RegistrationBillCharge,
            RegistrationBill,
            RegistrationBillCharge.bill_id,
            RegistrationBill.registered_at,
        ),
        (
            MeterReplacementCharge,
            MeterReplacement,
            MeterReplacementCharge.replacement_id,
            MeterReplacement.replaced_at,
        ),
    ):
        taxed = (
            select(line.vat_version_id)
            .outerjoin(ChargeItemVersion, ChargeItemVersion.id == line.charge_version_id)
            .where(
                link == parent.id,
                or_(line.vat_version_id.is_not(None), ChargeItemVersion.vat_applies.is_(True)),
            )
            .exists()
        )
        counted = session.scalar(
            select(func.count())
            .select_from(parent)
            .join(Customer, Customer.id == parent.customer_id)
            .where(Customer.customer_type_id == kind.id, moment >= since, taxed)
        )
        total += int(counted or 0)
    return total


def _token_cancels_after(session: Session, item: ChargeItem, since: datetime) -> int:
    """How many token cancels made at or after ``since`` took a charge from a customer whose
    type collects ``item`` at a token cancel (the cancel's bill keeps one total, naming no
    version: BO-23)."""
    counted = session.scalar(
        select(func.count())
        .select_from(TokenCancel)
        .join(Vend, Vend.id == TokenCancel.vend_id)
        .join(Customer, Customer.id == Vend.customer_id)
        .join(CustomerTypeCharge, CustomerTypeCharge.customer_type_id == Customer.customer_type_id)
        .where(
            CustomerTypeCharge.charge_item_id == item.id,
            CustomerTypeCharge.occasion == ChargeOccasion.TOKEN_CANCEL,
            TokenCancel.created_at >= since,
            TokenCancel.charge > 0,
        )
    )
    return int(counted or 0)


def _sales_after(session: Session, record: ChargeItem | CustomerType, since: datetime) -> int:
    """How many sales and bills priced with ``record`` were made at or after ``since``."""
    if isinstance(record, CustomerType):
        counted = session.scalar(
            select(func.count())
            .select_from(Vend)
            .join(Customer, Customer.id == Vend.customer_id)
            .where(Customer.customer_type_id == record.id, Vend.created_at >= since)
        )
        return int(counted or 0) + _taxed_bills_after(session, record, since)
    total = _token_cancels_after(session, record, since)
    for line, parent, link, moment in (
        (VendCharge, Vend, VendCharge.vend_id, Vend.created_at),
        (
            RegistrationBillCharge,
            RegistrationBill,
            RegistrationBillCharge.bill_id,
            RegistrationBill.registered_at,
        ),
        (
            MeterReplacementCharge,
            MeterReplacement,
            MeterReplacementCharge.replacement_id,
            MeterReplacement.replaced_at,
        ),
    ):
        counted = session.scalar(
            select(func.count())
            .select_from(line)
            .join(parent, parent.id == link)
            .where(line.charge_item_id == record.id, moment >= since)
        )
        total += int(counted or 0)
    return total


def date_change(
    session: Session,
    record: ChargeItem | CustomerType,
    what: str,
    values: dict[str, Any],
    effective_from: datetime | None,
    now_local: datetime,
) -> datetime | None:
    """Make ``values`` (dated fields of ``record`` among others) a version from
    ``effective_from`` (None: ``now_local``); the moment it takes effect, or None when no
    dated field changes. The record's columns then mirror its newest version."""
    dated = CHARGE_TERMS if isinstance(record, ChargeItem) else VAT_TERMS
    changed = {name: values[name] for name in dated if name in values}
    when = (effective_from or now_local).replace(microsecond=0)
    if isinstance(record, ChargeItem):
        model: Any = ChargeItemVersion
        owner = ChargeItemVersion.charge_item_id
    else:
        model, owner = CustomerTypeVatVersion, CustomerTypeVatVersion.customer_type_id
    versions = list(
        session.scalars(select(model).where(owner == record.id).order_by(model.effective_from))
    )
    before = [v for v in versions if v.effective_from <= when]
    base = before[-1] if before else None
    if not changed or (base is not None and all(getattr(base, n) == v for n, v in changed.items())):
        return None
    if when < now_local:
        try:
            count = _sales_after(session, record, to_utc(session, when))
        except SystemParametersMissingError:
            count = 0  # a store without its zone has sold nothing yet
        if count:
            raise ChangedAfterSalesError(
                what=what, code=record.code, when=when.isoformat(" "), count=count
            )
    terms = {name: getattr(base if base is not None else record, name) for name in dated}
    terms.update(changed)
    if base is not None and base.effective_from == when:
        for name, value in terms.items():
            setattr(base, name, value)
    else:
        key = "charge_item_id" if isinstance(record, ChargeItem) else "customer_type_id"
        session.add(model(**{key: record.id, "effective_from": when, **terms}))
    session.flush()
    newest = session.scalars(
        select(model).where(owner == record.id).order_by(model.effective_from.desc()).limit(1)
    ).one()
    for name in dated:
        setattr(record, name, getattr(newest, name))
    return when


def history(
    session: Session, record: ChargeItem | CustomerType, now_local: datetime
) -> list[dict[str, Any]]:
    """Every version of ``record``, oldest first, with the one in force at ``now_local``."""
    dated: tuple[str, ...]
    if isinstance(record, ChargeItem):
        model: Any = ChargeItemVersion
        owner, dated = ChargeItemVersion.charge_item_id, CHARGE_TERMS
    else:
        model, owner, dated = (
            CustomerTypeVatVersion,
            CustomerTypeVatVersion.customer_type_id,
            VAT_TERMS,
        )
    versions = list(
        session.scalars(select(model).where(owner == record.id).order_by(model.effective_from))
    )
    started = [v for v in versions if v.effective_from <= now_local]
    current = started[-1] if started else None
    return [
        {
            "effective_from": v.effective_from,
            **{name: getattr(v, name) for name in dated},
            "in_force": v is current,
        }
        for v in versions
    ]


def terms_in_force(
    session: Session, kind: type[ChargeItem] | type[CustomerType], now_local: datetime
) -> dict[int, tuple[dict[str, Any], list[dict[str, Any]]]]:
    """For every record of ``kind`` with versions, by its id: the dated terms in force at
    ``now_local`` (what prices a sale now, not the terms as last set), and each later version
    as its start and the terms it changes; in one query (the lists read every record)."""
    dated: tuple[str, ...]
    if kind is ChargeItem:
        model: Any = ChargeItemVersion
        owner, dated = ChargeItemVersion.charge_item_id, CHARGE_TERMS
    else:
        model, owner, dated = (
            CustomerTypeVatVersion,
            CustomerTypeVatVersion.customer_type_id,
            VAT_TERMS,
        )
    found: dict[int, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    previous: dict[int, dict[str, Any]] = {}
    for record_id, version in session.execute(
        select(owner, model).order_by(owner, model.effective_from)
    ).all():
        values = {name: getattr(version, name) for name in dated}
        current, later = found.setdefault(record_id, ({}, []))
        if version.effective_from <= now_local:
            current.clear()
            current.update(values)
        else:
            before = previous.get(record_id, {})
            changed = {n: v for n, v in values.items() if n not in before or v != before[n]}
            later.append({"effective_from": version.effective_from, **changed})
        previous[record_id] = values
    return found
