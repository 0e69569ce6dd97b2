"""Moving a meter's key data in the store: the one place it happens, once its key change
tokens exist (an engineering key change, ``starpos.tokenops``, or a key change at the next
purchase, ``starpos.vending.key_change_sale``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, update
from sqlalchemy.orm import Session

from starpos.db.models import Meter

_METERS = cast(Table, Meter.__table__)


@dataclass(frozen=True)
class NewKeyData:
    """What the store keeps of a meter's new key (no key material)."""

    register: int
    sgc: str
    ti: int
    krn: int
    ken: int
    key_type: int
    base_date: int


def move_meter_key(session: Session, meter_id: int, new: NewKeyData, rollover: bool) -> None:
    """In the caller's transaction: the meter is on ``new`` from now on.

    With ``rollover`` (a new base date) the meter forgot its TIDs: they count from the new
    base, so the stored last TID is forgotten too."""
    values: dict[str, Any] = {
        "key_register": str(new.register),
        "sgc": new.sgc,
        "ti": new.ti,
        "krn": new.krn,
        "ken": new.ken,
        "key_type": new.key_type,
        "tid_base_year": new.base_date,
    }
    if rollover:
        values["last_tid"] = None
    session.connection().execute(update(_METERS).where(_METERS.c.id == meter_id).values(values))
