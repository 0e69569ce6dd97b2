"""Token identifiers (TID): minutes since the base date (IEC 62055-41, 6.3.3).

The TID counts whole minutes from 00:00 on 1 January of the base date (1993, 2014 or 2035)
to the issue time, seconds dropped. It uses the vending system's wall clock as it reads: a
time-zone-aware time is taken at its own wall-clock reading (no conversion, no DST shift),
so the same local time always gives the same TID. It must fit 24 bits (about 31.9 years).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from starpos.sts.errors import (
    BaseDateError,
    IssueTimeError,
    TidBeforeBaseDateError,
    TidOverflowError,
)

BASE_DATES = (1993, 2014, 2035)
TID_BITS = 24
TID_MAX = (1 << TID_BITS) - 1


def check_base_date(base_date: int) -> int:
    """``base_date`` if it is 1993, 2014 or 2035, else :class:`BaseDateError`."""
    if isinstance(base_date, bool) or base_date not in BASE_DATES:
        raise BaseDateError(value=base_date)
    return base_date


def _wall_clock(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None, second=0, microsecond=0)


def tid_for(issued_at: datetime, base_date: int) -> int:
    """The TID (0 to 2**24 - 1 minutes) of a token issued at ``issued_at``.

    Raises :class:`TidBeforeBaseDateError` before the base date and :class:`TidOverflowError`
    when the minutes no longer fit 24 bits.
    """
    check_base_date(base_date)
    elapsed = _wall_clock(issued_at) - datetime(base_date, 1, 1)
    if elapsed < timedelta(0):
        raise TidBeforeBaseDateError(issued_at=issued_at.isoformat(), base_date=base_date)
    minutes = elapsed.days * 1440 + elapsed.seconds // 60
    if minutes > TID_MAX:
        raise TidOverflowError(issued_at=issued_at.isoformat(), base_date=base_date)
    return minutes


def issued_at_for(tid: int, base_date: int) -> datetime:
    """The wall-clock time (naive, to the minute) a TID stands for."""
    check_base_date(base_date)
    if tid < 0 or tid > TID_MAX:
        raise TidOverflowError(issued_at=f"TID {tid}", base_date=base_date)
    return datetime(base_date, 1, 1) + timedelta(minutes=tid)


def parse_issued_at(text: str) -> datetime:
    """An ISO 8601 date and time (``Z`` and offsets accepted; the wall clock is kept)."""
    try:
        return datetime.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise IssueTimeError(value=text) from None
