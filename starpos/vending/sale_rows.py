"""How a priced sale is written into the vend ledger (columns only; the vend logic that moves
a vend through its states lives in the vending package).

``priced_columns`` gives the ``vends`` columns of a :class:`starpos.pricing.Breakdown` and
``charge_lines`` its ``vend_charges`` rows (``charge_rows`` as plain values), so every writer
books the same figures the voucher prints: ``net_amount = amount + taxed + untaxed + vat +
debt_repayment + preinstalled + prearrange``. ``sale_facts`` is the same sale for its audit
entry, which is what travels to the head office (docs/sync.md).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import BindParameter, Table, bindparam, select
from sqlalchemy.orm import Session

from starpos import pricing
from starpos.db.base import stored_value
from starpos.db.models import (
    ChargeItem,
    ChargeItemVersion,
    CustomerType,
    CustomerTypeVatVersion,
    PaymentTerm,
    TariffScheme,
    TariffVersion,
    VendCharge,
)

if TYPE_CHECKING:
    from starpos.vending.sale import PricedSale


def priced_columns(
    sale: pricing.SaleContext, breakdown: pricing.Breakdown
) -> dict[str, Decimal | bool]:
    """The ``Vend`` column values of a sale priced in ``sale`` (not the payment or state)."""
    return {
        "net_amount": breakdown.net,
        "amount": breakdown.amount,
        "amount_rounding": breakdown.amount_rounding,
        "taxed_charges": breakdown.taxed_total,
        "untaxed_charges": breakdown.untaxed_total,
        "vat_rate": breakdown.vat_rate,
        "vat": breakdown.vat,
        "debt_repayment": breakdown.debt_repayment,
        "debt_after": breakdown.debt_after,
        "preinstalled": breakdown.preinstalled,
        "prearrange": breakdown.prearrange,
        "energy_kwh": breakdown.energy_kwh,
        "fbe_kwh": breakdown.fbe_kwh,
        "token_kwh": breakdown.token_kwh,
        "first_purchase": sale.history.first_purchase,
    }


# Once per sale with charges: a plain statement built once (its compiled form is cached).
_ITEMS = cast(Table, ChargeItem.__table__)
_ITEM_IDS = select(_ITEMS.c.code, _ITEMS.c.id).where(
    _ITEMS.c.code.in_(bindparam("codes", expanding=True))
)


def charge_rows(
    session: Session, sale: pricing.SaleContext, breakdown: pricing.Breakdown
) -> list[dict[str, Any]]:
    """The ``vend_charges`` column values of each priced charge line (without ``vend_id``),
    linked to its charge item by code and to the item's version that priced it (decision
    BO-23): for writers that insert with plain Core statements."""
    if not breakdown.charges:
        return []
    codes = [line.code for line in breakdown.charges]
    found = session.connection().execute(_ITEM_IDS, {"codes": codes})
    items: dict[str, int] = {code: item_id for code, item_id in found}
    versions = {item.code: item.version for item in sale.customer_type.charges}
    return [
        {
            "position": position,
            "charge_item_id": items.get(line.code),
            "charge_version_id": versions.get(line.code),
            "method": line.method,
            "code": line.code,
            "name": line.name,
            "amount": line.amount,
            "taxed": line.taxed,
        }
        for position, line in enumerate(breakdown.charges, start=1)
    ]


def charge_lines(
    session: Session, sale: pricing.SaleContext, breakdown: pricing.Breakdown
) -> list[VendCharge]:
    """One ``VendCharge`` per priced charge line, linked to its charge item by code."""
    return [VendCharge(**row) for row in charge_rows(session, sale, breakdown)]


def describe(sale: pricing.SaleContext, breakdown: pricing.Breakdown) -> dict[str, Any]:
    """The figures of a sale for an audit entry (Decimals kept as Decimals)."""
    return {
        **priced_columns(sale, breakdown),
        "charges": [[line.code, line.amount] for line in breakdown.charges],
    }


_PAYMENTS = cast(Table, PaymentTerm.__table__)
_SCHEMES = cast(Table, TariffScheme.__table__)
_VERSIONS = cast(Table, TariffVersion.__table__)
_VERSION_ID: BindParameter[int] = bindparam("tariff_version_id")
_TYPES = cast(Table, CustomerType.__table__)
_VAT_VERSIONS = cast(Table, CustomerTypeVatVersion.__table__)
_VAT_ID: BindParameter[int] = bindparam("vat_version_id")
# Once per sale: the codes the head office knows the payment term, tariff and VAT versions by
# (row ids differ between stores), in one statement built once.
_REFERENCES = select(
    select(_PAYMENTS.c.code)
    .where(_PAYMENTS.c.id == bindparam("payment_term_id"))
    .scalar_subquery(),
    select(_SCHEMES.c.code)
    .join(_VERSIONS, _VERSIONS.c.scheme_id == _SCHEMES.c.id)
    .where(_VERSIONS.c.id == _VERSION_ID)
    .scalar_subquery(),
    select(_VERSIONS.c.effective_from).where(_VERSIONS.c.id == _VERSION_ID).scalar_subquery(),
    select(_TYPES.c.code)
    .join(_VAT_VERSIONS, _VAT_VERSIONS.c.customer_type_id == _TYPES.c.id)
    .where(_VAT_VERSIONS.c.id == _VAT_ID)
    .scalar_subquery(),
    select(_VAT_VERSIONS.c.effective_from).where(_VAT_VERSIONS.c.id == _VAT_ID).scalar_subquery(),
)
_CHARGE_VERSIONS = cast(Table, ChargeItemVersion.__table__)
_CHARGE_STARTS = select(_CHARGE_VERSIONS.c.id, _CHARGE_VERSIONS.c.effective_from).where(
    _CHARGE_VERSIONS.c.id.in_(bindparam("ids", expanding=True))
)


def sale_facts(
    session: Session, priced: PricedSale, *, request_id: str, medium: str
) -> dict[str, Any]:
    """Everything the head office needs to book this sale as the counter did, by codes.

    Goes into the PENDING audit entry, whose chain is the counter's outbox: a sale that is
    audited with these facts travels (docs/sync.md, "What an audit entry must carry").
    A dated version travels as its record's code and its start (decision BO-23): the VAT's
    as ``vat_version``, each charge line's as the line's sixth value.
    """
    breakdown = priced.breakdown
    connection = session.connection()
    payment, scheme, effective_from, vat_type, vat_from = connection.execute(
        _REFERENCES,
        {
            "payment_term_id": priced.payment_term_id,
            "tariff_version_id": priced.tariff_version_id,
            "vat_version_id": priced.sale.customer_type.vat_version,
        },
    ).one()
    versions = {item.code: item.version for item in priced.sale.customer_type.charges}
    ids = [v for v in versions.values() if v is not None]
    starts = dict(connection.execute(_CHARGE_STARTS, {"ids": ids}).all()) if ids else {}
    return {
        "request_id": request_id,
        "medium": medium,
        "payment": payment,
        "tariff": [scheme, effective_from] if scheme is not None else None,
        "vat_version": [vat_type, vat_from] if vat_type is not None else None,
        "tendered": priced.tendered,
        "change": priced.change,
        **priced_columns(priced.sale, breakdown),
        "charges": [
            [
                line.code,
                line.name,
                stored_value(line.method),
                line.amount,
                line.taxed,
                starts.get(versions.get(line.code)),
            ]
            for line in breakdown.charges
        ],
    }
