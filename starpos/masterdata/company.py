"""System parameters (manual 1.1): the company, its currency and amounts, its clock.

The one ``system_parameters`` row is made by the first save and changed by later ones;
each save is audited with the values it changed.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from starpos.db import Database
from starpos.db.models import SystemParameters
from starpos.masterdata import terms
from starpos.masterdata.changes import BadValueError, changing
from starpos.masterdata.regions import refuse_fewer_levels
from starpos.operators import permissions
from starpos.operators.session import OperatorSession

#: The fields an administrator may set, and what is stored when the first save omits one.
FIELDS: dict[str, Any] = {
    "company_name": None,
    "company_address": "",
    "telephone": "",
    "fax": "",
    "tax_reference": "",
    "currency": None,
    "amount_decimals": 2,
    "warn_amount": None,
    "time_zone": "UTC",
    "region_levels": 3,
    "purchase_region_level": None,
    "system_start_date": None,
}


def _checked(values: dict[str, Any]) -> dict[str, Any]:
    checked = dict(values)
    if "currency" in checked:
        currency = str(checked["currency"]).strip().upper()
        if len(currency) != 3 or not currency.isascii() or not currency.isalpha():
            raise BadValueError(
                field=terms.CURRENCY, value=checked["currency"], reason=terms.NOT_ISO_CURRENCY
            )
        checked["currency"] = currency
    if "time_zone" in checked:
        try:
            ZoneInfo(str(checked["time_zone"]))
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise BadValueError(
                field=terms.TIME_ZONE, value=checked["time_zone"], reason=terms.NOT_A_ZONE
            ) from error
    if "company_name" in checked and not str(checked["company_name"]).strip():
        raise BadValueError(field=terms.NAME, value="''", reason=terms.EMPTY)
    warn = checked.get("warn_amount")
    if warn is not None and Decimal(warn) <= 0:
        raise BadValueError(field=terms.AMOUNT, value=warn, reason=terms.NOT_POSITIVE)
    return checked


def set_system_parameters(database: Database, by: OperatorSession, **values: Any) -> None:
    """Save the given fields of :data:`FIELDS` (the first save needs the company's name and
    currency); refused with the field and the reason when a value is not usable."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"not a system parameter: {sorted(unknown)}")
    checked = _checked(values)
    with changing(
        database, by, permissions.ADMIN_MASTER_DATA, "system_parameters", "saved"
    ) as change:
        if "region_levels" in checked:  # never fewer levels than the regions are at
            refuse_fewer_levels(change.session, int(checked["region_levels"]))
        row = change.session.get(SystemParameters, 1)
        if row is None:
            first = {key: default for key, default in FIELDS.items() if default is not None}
            first.update(checked)
            for required in ("company_name", "currency"):
                if not first.get(required):
                    field = terms.NAME if required == "company_name" else terms.CURRENCY
                    raise BadValueError(field=field, value="''", reason=terms.EMPTY)
            # The utility's date where it is (its own time zone), not this computer's.
            first.setdefault(
                "system_start_date", datetime.now(ZoneInfo(str(first["time_zone"]))).date()
            )
            change.session.add(SystemParameters(id=1, **first))
            change.details["values"] = first
            return
        before = {key: getattr(row, key) for key in checked}
        for key, value in checked.items():
            setattr(row, key, value)
        change.details["values"] = {k: [before[k], v] for k, v in checked.items() if before[k] != v}


def system_parameters_view(database: Database) -> dict[str, Any] | None:
    """The saved system parameters as plain values (None before the first save)."""
    with database.reading() as session:
        row = session.get(SystemParameters, 1)
        if row is None:
            return None
        return {key: getattr(row, key) for key in FIELDS}
