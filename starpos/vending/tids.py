"""Token identifiers for a meter: unique, never in the past of its last token.

A meter refuses a token whose TID it has seen or that is older than what it remembers
(IEC 62055-41, 6.3.3), so two vends to one meter in the same minute must not share a TID.
The next TID is the later of "now" (minutes since the key's base date, on the utility's
wall clock) and the meter's last TID + 1; the meter row keeps the last one handed out,
reserved in the same transaction as the PENDING vend, so a vend that then fails spends
its TID (a gap is harmless to a meter, a repeat is not).
"""

from __future__ import annotations

from datetime import datetime

from starpos.sts.errors import KeyExpiredError
from starpos.sts.request import KEN_MINUTES
from starpos.sts.tid import tid_for


def next_tid(local_now: datetime, base_year: int, last_tid: int | None, ken: int) -> int:
    """The TID for a token made at ``local_now`` (naive, the utility's wall clock).

    Raises the token engine's :class:`~starpos.sts.errors.KeyExpiredError` past the key's
    expiry (TID > KEN x 65535), or its TID error outside the 24 bits the base date allows
    (:class:`~starpos.sts.errors.TidOverflowError`): either way the meter needs a key change.
    """
    now = tid_for(local_now, base_year)
    tid = now if last_tid is None else max(now, last_tid + 1)
    if tid > ken * KEN_MINUTES:
        raise KeyExpiredError(ken=ken, tid=tid)
    return tid
