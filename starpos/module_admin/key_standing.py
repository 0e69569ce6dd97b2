"""Each loaded key with its expiry and a warning ahead of it (STS202-6).

A key stops serving on the earlier of two days: the last day its KMF lets tokens be
issued (``issued_until``), and the day the TID passes ``KEN x 65535`` minutes after its
base date (IEC 62055-41 key expiry; KEN 255 reaches the end of the base date's 24-bit
TID range). ``warn_days`` before that, the key is ``due``; after it, ``expired``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from starpos.devices.sm.key_registry import KeyRegistry
from starpos.devices.sm.kmf import KeyInfo
from starpos.sts.request import KEN_MINUTES
from starpos.sts.tid import TID_MAX, issued_at_for

#: STS encryption algorithm codes (EA) as the manager names them.
ALGORITHMS = {7: "STA (EA07)", 11: "MISTY1 (EA11)"}
#: STS key types (KT): 0 initialisation, 1 unique DCTK, 2 unique, 3 common.
KEY_TYPES = {0: "KT0 initialisation", 1: "KT1 unique DCTK", 2: "KT2 unique", 3: "KT3 common"}


class Standing(enum.Enum):
    GOOD = "good"
    DUE = "due"  # expires within the warning days: ask the KMC for the next key
    EXPIRED = "expired"
    NOT_YET = "not_yet"  # before its activation day


@dataclass(frozen=True)
class KeyStanding:
    info: KeyInfo
    tid_expiry: datetime
    expires_on: date
    days_left: int
    standing: Standing
    #: The KRN of the supply group's current key when this one is an old key (a lower KRN
    #: of the same SGC, kept for key changes); None for a current key.
    superseded_by: int | None = None

    @property
    def algorithm(self) -> str:
        return ALGORITHMS.get(self.info.ea, f"EA{self.info.ea:02d}")

    def to_json(self) -> dict[str, Any]:
        return {
            **self.info.to_json(),
            "algorithm": self.algorithm,
            "tid_expiry": self.tid_expiry.isoformat(timespec="minutes"),
            "expires_on": self.expires_on.isoformat(),
            "days_left": self.days_left,
            "standing": self.standing.value,
            "superseded_by": self.superseded_by,
        }


def tid_expiry(info: KeyInfo) -> datetime:
    """The moment the key's KEN lets no more credit tokens through."""
    return issued_at_for(min(info.ken * KEN_MINUTES, TID_MAX), info.base_date)


def standing_of(info: KeyInfo, today: date, warn_days: int) -> KeyStanding:
    by_tid = tid_expiry(info)
    expires_on = min(info.issued_until, by_tid.date())
    days_left = (expires_on - today).days
    if today < info.activation:
        standing = Standing.NOT_YET
    elif days_left < 0:
        standing = Standing.EXPIRED
    elif days_left <= warn_days:
        standing = Standing.DUE
    else:
        standing = Standing.GOOD
    return KeyStanding(info, by_tid, expires_on, days_left, standing)


def key_standings(registry: KeyRegistry, today: date, warn_days: int) -> list[KeyStanding]:
    """Every key of ``registry`` by register, with its standing on ``today`` and, for an
    old key, the supply group's current KRN.

    The module keeps no history of what a KMF overwrote in a register (``SM?KI`` names what
    is loaded now), so the old keys shown are those still loaded: a supply group's keys
    below its highest KRN, which a key change from them needs (the manual's "current and
    old key" of a supply group)."""
    current: dict[str, int] = {}
    for info in registry.keys:
        current[info.sgc] = max(current.get(info.sgc, info.krn), info.krn)
    return [
        replace(
            standing_of(info, today, warn_days),
            superseded_by=current[info.sgc] if info.krn < current[info.sgc] else None,
        )
        for info in sorted(registry.keys, key=lambda k: k.register)
    ]


def warnings(standings: list[KeyStanding]) -> list[KeyStanding]:
    """The keys a supervisor must hear about: due or expired, soonest first."""
    return sorted(
        (s for s in standings if s.standing in (Standing.DUE, Standing.EXPIRED)),
        key=lambda s: s.days_left,
    )
