"""What the stored status codes read as (context ``status``, translated when shown).

The database keeps stable codes (``in_stock``, ``blacklisted`` ...); people read these labels.
Codes of different lists may share a value (a meter ``issued`` for installation, a vend
``issued`` a token), so labels are looked up by list and value.

Apart from :mod:`starpos.commands._output` because the labels are keyed by the store's
enums: importing them loads the database layer, which light commands never pay for.
"""

from __future__ import annotations

from enum import StrEnum

from starpos.db.enums import (
    ContractStatus,
    CustomerStatus,
    MeterMedium,
    PaymentMode,
    StockStatus,
    VendState,
)
from starpos.i18n import tr_noop, translate

LABELS: dict[tuple[type[StrEnum], str], str] = {
    (CustomerStatus, CustomerStatus.ACTIVE): tr_noop("status", "Active"),
    (CustomerStatus, CustomerStatus.BLACKLISTED): tr_noop("status", "Blacklisted"),
    (StockStatus, StockStatus.IN_STOCK): tr_noop("status", "In stock"),
    (StockStatus, StockStatus.ISSUED): tr_noop("status", "Out for installation"),
    (StockStatus, StockStatus.INSTALLED): tr_noop("status", "Installed"),
    (StockStatus, StockStatus.AT_OTHER_BRANCH): tr_noop("status", "At another branch"),
    (StockStatus, StockStatus.SCRAPPED): tr_noop("status", "Scrapped"),
    (ContractStatus, ContractStatus.NONE): tr_noop("status", "No contract"),
    (ContractStatus, ContractStatus.ACTIVE): tr_noop("status", "Contract active"),
    (ContractStatus, ContractStatus.CANCELLED): tr_noop("status", "Contract cancelled"),
    (PaymentMode, PaymentMode.PREPAID): tr_noop("status", "Prepaid"),
    (PaymentMode, PaymentMode.POSTPAID): tr_noop("status", "Post-paid"),
    (MeterMedium, MeterMedium.KEYPAD): tr_noop("status", "Keypad"),
    (MeterMedium, MeterMedium.CARD): tr_noop("status", "Smart card"),
    (VendState, VendState.PENDING): tr_noop("status", "Pending"),
    (VendState, VendState.ISSUED): tr_noop("status", "Token issued"),
    (VendState, VendState.PRINTED): tr_noop("status", "Printed"),
    (VendState, VendState.FAILED): tr_noop("status", "Failed"),
    (VendState, VendState.CANCELLED): tr_noop("status", "Cancelled"),
}


def status_text(kind: type[StrEnum], value: str | None, lang: str | None = None) -> str:
    """The label of ``value`` in list ``kind``, in the reader's language ("-" for none)."""
    if value is None:
        return "-"
    source = LABELS.get((kind, str(value)))
    return translate("status", source, lang) if source else str(value)
