"""The pricing's view of a tariff scheme, built once per process and version set.

Reading a scheme with all its versions (steps, TOU tables) is the costliest read of a
vend. Versions are never edited, only added (``starpos.tariff_admin``), so a scheme whose
newest version id and version count are unchanged is the same tariff: one cheap query per
sale checks that before the cached tariff is used.
"""

from __future__ import annotations

import threading

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from starpos import pricing
from starpos.db.models import TariffVersion
from starpos.pricing_inputs import tariff

_cache: dict[tuple[str, int, int | None, int], pricing.Tariff] = {}
_lock = threading.Lock()


def cached_tariff(session: Session, scheme_id: int) -> pricing.Tariff:
    """:func:`starpos.pricing_inputs.tariff`, reused while the scheme has no new version."""
    newest, count = session.execute(
        select(func.max(TariffVersion.id), func.count(TariffVersion.id)).where(
            TariffVersion.scheme_id == scheme_id
        )
    ).one()
    bind = session.get_bind()
    key = (str(bind.engine.url), scheme_id, newest, int(count))
    with _lock:
        found = _cache.get(key)
    if found is None:
        found = tariff(session, scheme_id)
        with _lock:
            _cache[key] = found
    return found
