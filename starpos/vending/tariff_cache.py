"""The pricing's view of a tariff scheme, built once per process and version set.

Reading a scheme with all its versions (steps, TOU tables) is the costliest read of a
vend. Versions are never edited, only added (``starpos.masterdata.tariffs``), so a scheme whose
newest version id and version count are unchanged is the same tariff: one cheap query per
sale checks that before the cached tariff is used.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.orm import Session

from starpos import pricing
from starpos.db.models import TariffVersion
from starpos.masterdata.pricing_inputs import tariff

_cache: dict[tuple[str, int, int | None, int], pricing.Tariff] = {}
_lock = threading.Lock()

_VERSIONS = cast(Table, TariffVersion.__table__)
# One plain statement per sale: the scheme's version stamp (newest id, count) and the version
# in force at the sale's local time (the one the vend row records).
_IN_FORCE = (
    select(_VERSIONS.c.id)
    .where(
        _VERSIONS.c.scheme_id == bindparam("scheme_id"),
        _VERSIONS.c.effective_from <= bindparam("local"),
    )
    .order_by(_VERSIONS.c.effective_from.desc())
    .limit(1)
    .scalar_subquery()
)
_STAMP = select(func.max(_VERSIONS.c.id), func.count(_VERSIONS.c.id), _IN_FORCE).where(
    _VERSIONS.c.scheme_id == bindparam("scheme_id")
)


def tariff_for_sale(
    session: Session, scheme_id: int, local: datetime
) -> tuple[pricing.Tariff, int | None]:
    """The scheme's tariff (:func:`starpos.masterdata.pricing_inputs.tariff`, cached per process)
    and
    the id of its version in force at ``local`` (the utility's naive wall-clock time; None
    before the first one).

    The tariff is rebuilt only when the scheme's newest version id or version count changed."""
    newest, count, in_force = (
        session.connection().execute(_STAMP, {"scheme_id": scheme_id, "local": local}).one()
    )
    bind = session.get_bind()
    key = (str(bind.engine.url), scheme_id, newest, int(count))
    with _lock:
        found = _cache.get(key)
    if found is None:
        found = tariff(session, scheme_id)
        with _lock:
            _cache[key] = found
    return found, in_force
