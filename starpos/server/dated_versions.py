"""The dated versions a terminal's sale names, as the head office's rows (decision BO-23).

A sale's facts name the customer type's VAT version as ``vat_version: [type code, effective from]``
and each charge line's item version as the line's sixth value (its start; the item is the
line's code): a version's start is its name in every store, as a tariff version's is. Both
ways of booking a push (:mod:`starpos.server.sale_projection` one entry at a time,
:mod:`starpos.server.sale_openings` a batch) read them here, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.db.models import (
    ChargeItem,
    ChargeItemVersion,
    CustomerType,
    CustomerTypeVatVersion,
)

Key = tuple[str, datetime]


def vat_key(facts: Mapping[str, Any]) -> Key | None:
    named = facts.get("vat_version")
    if not named:
        return None
    code, effective_from = named
    return str(code), datetime.fromisoformat(str(effective_from))


def charge_key(line: list[Any]) -> Key | None:
    if len(line) < 6 or not line[5]:
        return None  # written before charges were dated
    return str(line[0]), datetime.fromisoformat(str(line[5]))


@dataclass
class DatedVersions:
    """The head office's version ids by the keys the facts name."""

    vat: dict[Key, int] = field(default_factory=dict)
    charges: dict[Key, int] = field(default_factory=dict)

    def missing(self, facts: Mapping[str, Any]) -> list[str]:
        """What the facts name that this store does not know (``vat``, ``charge``)."""
        found = []
        key = vat_key(facts)
        if key is not None and key not in self.vat:
            found.append("vat")
        if any(
            (k := charge_key(line)) is not None and k not in self.charges
            for line in facts.get("charges", [])
        ):
            found.append("charge")
        return found

    def charge_version(self, line: list[Any]) -> int | None:
        key = charge_key(line)
        return self.charges.get(key) if key is not None else None

    def vat_version(self, facts: Mapping[str, Any]) -> int | None:
        key = vat_key(facts)
        return self.vat.get(key) if key is not None else None


def dated_versions(session: Session, facts: Iterable[Mapping[str, Any]]) -> DatedVersions:
    """The versions every one of ``facts`` names, in one query per kind."""
    vat_keys: set[Key] = set()
    charge_keys: set[Key] = set()
    for one in facts:
        if (key := vat_key(one)) is not None:
            vat_keys.add(key)
        charge_keys |= {k for line in one.get("charges", []) if (k := charge_key(line))}
    found = DatedVersions()
    if vat_keys:
        rows = session.execute(
            select(
                CustomerType.code,
                CustomerTypeVatVersion.effective_from,
                CustomerTypeVatVersion.id,
            )
            .join(CustomerType, CustomerType.id == CustomerTypeVatVersion.customer_type_id)
            .where(CustomerType.code.in_({code for code, _ in vat_keys}))
        )
        found.vat = {(c, f): i for c, f, i in rows if (c, f) in vat_keys}
    if charge_keys:
        rows = session.execute(
            select(ChargeItem.code, ChargeItemVersion.effective_from, ChargeItemVersion.id)
            .join(ChargeItem, ChargeItem.id == ChargeItemVersion.charge_item_id)
            .where(ChargeItem.code.in_({code for code, _ in charge_keys}))
        )
        found.charges = {(c, f): i for c, f, i in rows if (c, f) in charge_keys}
    return found
