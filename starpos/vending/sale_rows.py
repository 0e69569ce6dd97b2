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
from starpos.db.models import ChargeItem, PaymentTerm, TariffScheme, TariffVersion, VendCharge

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


def charge_rows(session: Session, breakdown: pricing.Breakdown) -> list[dict[str, Any]]:
    """The ``vend_charges`` column values of each priced charge line (without ``vend_id``),
    linked to its charge item by code: for writers that insert with plain Core statements."""
    if not breakdown.charges:
        return []
    codes = [line.code for line in breakdown.charges]
    found = session.connection().execute(_ITEM_IDS, {"codes": codes})
    items: dict[str, int] = {code: item_id for code, item_id in found}
    return [
        {
            "position": position,
            "charge_item_id": items.get(line.code),
            "method": line.method,
            "code": line.code,
            "name": line.name,
            "amount": line.amount,
            "taxed": line.taxed,
        }
        for position, line in enumerate(breakdown.charges, start=1)
    ]


def charge_lines(session: Session, breakdown: pricing.Breakdown) -> list[VendCharge]:
    """One ``VendCharge`` per priced charge line, linked to its charge item by code."""
    return [VendCharge(**row) for row in charge_rows(session, breakdown)]


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
# Once per sale: the codes the head office knows the payment term and tariff version by
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
)


def sale_facts(
    session: Session, priced: PricedSale, *, request_id: str, medium: str
) -> dict[str, Any]:
    """Everything the head office needs to book this sale as the counter did, by codes.

    Goes into the PENDING audit entry, whose chain is the counter's outbox: a sale that is
    audited with these facts travels (docs/sync.md, "What an audit entry must carry").
    """
    breakdown = priced.breakdown
    payment, scheme, effective_from = (
        session.connection()
        .execute(
            _REFERENCES,
            {
                "payment_term_id": priced.payment_term_id,
                "tariff_version_id": priced.tariff_version_id,
            },
        )
        .one()
    )
    return {
        "request_id": request_id,
        "medium": medium,
        "payment": payment,
        "tariff": [scheme, effective_from] if scheme is not None else None,
        "tendered": priced.tendered,
        "change": priced.change,
        **priced_columns(priced.sale, breakdown),
        "charges": [
            [line.code, line.name, stored_value(line.method), line.amount, line.taxed]
            for line in breakdown.charges
        ],
    }
