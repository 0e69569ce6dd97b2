"""A counter's key change sale moves the head office's flag as it moved the counter's
(docs/sync.md, decision SYN-55).

The head office flags meters; the flag comes down with the meter (a part of ``meters``),
and the counter's next sale to the meter makes the key change tokens. The sale's entries
say what happened to the flag, and the head office books the same steps on its own row,
named by the flag's request id (the same in every store):

- PENDING carrying a key change: the sale holds the flag (``claimed``);
- ``key_change_issued`` (or ``_recovered``): the tokens exist, the flag is ISSUED with them
  (``tokens_made``);
- ISSUED: the tokens are with the customer, the flag DELIVERED (``delivered``);
- FAILED before the tokens existed: the flag is free again (``released``).

So the pull after the push brings the flag as issued or delivered, never open again (no
second key change), and a counter that has not sold it gets the tokens made elsewhere to
print again. A flag withdrawn at the head office while a counter sold it offline: the sale
is a fact and the meter is on the new key, so the flag is booked ISSUED too, unless the
head office has flagged the meter again since (its new flag stays open). A flag two
counters both sold while apart is booked with the first sale to arrive; the second is
raised (``key_change_sold_twice``): its key change tokens, made from the old key, the meter
refuses once it is on the new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, exists, or_, select, update
from sqlalchemy.orm import Session, aliased

from starpos.db.enums import KeyChangeState
from starpos.db.models import KeyChangeFlag, Vend
from starpos.server.findings import FindingKind, Flag

_FLAGS = cast(Table, KeyChangeFlag.__table__)
_OPEN = (KeyChangeState.FLAGGED, KeyChangeState.ISSUED)


def _named(change: dict[str, Any], meter_id: int) -> Any:
    """The flag a sale's entry names; entries written before they named it: the meter's
    open flag (at most one per meter)."""
    request_id = change.get("flag")
    if request_id:
        return _FLAGS.c.request_id == str(request_id)
    return and_(_FLAGS.c.meter_id == meter_id, _FLAGS.c.state.in_(_OPEN))


def claimed(session: Session, vend_id: int, meter_id: int, change: Any) -> None:
    """A PENDING sale that carries a key change (its entry's ``key_change``) holds the flag.
    One that is to make the tokens holds it only while none exist: a flag another sale
    already made them for stays with that sale (this one sold it twice, ``tokens_made``)."""
    if not isinstance(change, dict):
        return
    states = (KeyChangeState.FLAGGED,) if change.get("to_make") else _OPEN
    session.connection().execute(
        update(_FLAGS)
        .where(_named(change, meter_id), _FLAGS.c.state.in_(states))
        .values(vend_id=vend_id)
    )


def tokens_made(
    session: Session, vend_id: int, meter_id: int, details: dict[str, Any], at: datetime
) -> list[Flag]:
    """The sale's key change tokens exist (its ``key_change_issued`` entry): the flag is
    ISSUED with them, held by the sale. A flag another sale already holds with its tokens
    was sold twice: raised, the first sale's tokens kept on the flag."""
    tokens = details.get("tokens")
    if not isinstance(tokens, list) or not tokens:
        return []
    other = aliased(_FLAGS)
    flagged_again = exists().where(
        other.c.meter_id == _FLAGS.c.meter_id,
        other.c.id != _FLAGS.c.id,
        other.c.state.in_(_OPEN),
    )
    named = _FLAGS.c.request_id == str(details["flag"]) if details.get("flag") else None
    moved = session.connection().execute(
        update(_FLAGS)
        .where(
            named if named is not None else _FLAGS.c.vend_id == vend_id,
            _FLAGS.c.meter_id == meter_id,
            or_(
                _FLAGS.c.state == KeyChangeState.FLAGGED,
                and_(_FLAGS.c.state == KeyChangeState.UNFLAGGED, ~flagged_again),
            ),
        )
        .values(
            state=KeyChangeState.ISSUED,
            tokens=" ".join(str(token) for token in tokens),
            issued_at=at,
            vend_id=vend_id,
            unflagged_by=None,
            unflagged_at=None,
        )
    )
    if moved.rowcount or named is None:
        return []
    return _sold_twice(session, vend_id, named)


def _sold_twice(session: Session, vend_id: int, named: Any) -> list[Flag]:
    held = aliased(Vend)
    ours = aliased(Vend)
    row = session.execute(
        select(_FLAGS.c.request_id, held.bill_number, ours.bill_number)
        .join(held, held.id == _FLAGS.c.vend_id)
        .join(ours, ours.id == vend_id)
        .where(
            named,
            _FLAGS.c.vend_id != vend_id,
            _FLAGS.c.state.in_((KeyChangeState.ISSUED, KeyChangeState.DELIVERED)),
        )
    ).first()
    if row is None:
        return []
    flag, kept, bill = row
    return [Flag(FindingKind.KEY_CHANGE_SOLD_TWICE, {"flag": flag, "kept": kept, "bill": bill})]


def delivered(session: Session, vend_ids: Sequence[int], at: datetime) -> None:
    """The sales are ISSUED: the key change tokens they carried are with the customer."""
    if vend_ids:
        session.connection().execute(
            update(_FLAGS)
            .where(_FLAGS.c.vend_id.in_(list(vend_ids)), _FLAGS.c.state == KeyChangeState.ISSUED)
            .values(state=KeyChangeState.DELIVERED, delivered_at=at)
        )


def released(session: Session, vend_ids: Sequence[int]) -> None:
    """The sales FAILED: a flag one held before its tokens existed is free again (one whose
    tokens exist stays ISSUED, for the next sale to print again)."""
    if vend_ids:
        session.connection().execute(
            update(_FLAGS)
            .where(_FLAGS.c.vend_id.in_(list(vend_ids)), _FLAGS.c.state == KeyChangeState.FLAGGED)
            .values(vend_id=None)
        )


def holds_flag(vend_id_column: Any) -> Any:
    """Whether a vend holds a key change flag still to move (read with the push's vends, in
    a statement run as SQL text: no ``IN``, whose values are put in when it runs)."""
    state = _FLAGS.c.state
    return (
        select(_FLAGS.c.id)
        .where(
            _FLAGS.c.vend_id == vend_id_column,
            or_(state == KeyChangeState.FLAGGED, state == KeyChangeState.ISSUED),
        )
        .exists()
    )
