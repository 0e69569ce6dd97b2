"""A replacement's remainder onto the customer's card, when the new meter is a SUN card meter
(issue 16, manual 4.6; decision TOK-29; docs/token-operations.md "Replace meter").

A card meter has no keypad: the energy the old meter still held goes onto a card bound to
the new meter, as a credit record the meter loads once (by its sequence), the way a card
sale's credit goes on. The customer presents a blank card (the old meter's card stays bound
to the old meter; the card desk blanks it to be used again).

Three durable steps, each one restartable:

1. the replacement in one commit as any other (charges, payment, stock, audit) with its
   remainder and no token: the remainder is owed to a card of the new meter;
2. the card bound to the new meter (its next issue number) and the credit record written,
   the replacement's bill number as its vend id (``card_sales.lifecycle.issue_with_credit``);
3. the card register's row committed with the credit it carries (``carried_bill``: the
   replacement's bill), audited as a card ``issued``, which the head office books the same
   way (SYN-34).

A kill after (1) or (2) leaves a replacement whose remainder no registered card carries:
the same replacement asked again with the card finishes (2) and (3), as a card replacement
asked again does (a card bound by the earlier attempt is adopted, a credit already on it is
not written again). The credit's sequence comes from the register, not from the card, so it
is the same at every attempt and the meter loads it once.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from starpos.card_sales.lifecycle import issue_with_credit
from starpos.db import Database
from starpos.db.enums import MeterMedium
from starpos.db.models import IssuedCard, Meter, MeterReplacement
from starpos.devices.card.errors import CardAlreadyIssuedError, NoCardError
from starpos.devices.card.keys import default_key_file, load_master_key
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.sun_card import SunCard
from starpos.operators import permissions
from starpos.operators.session import OperatorSession
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops.meter_replace import (
    Replacement,
    ReplacementResult,
    book,
    checked_remainder,
    result_of,
)
from starpos.tokenops.meter_replace_card import CardMeterRemainderError
from starpos.vending.crash_points import crash_point

# Crash points for the kill tests (starpos.vending.crash_points).
AFTER_BOOK = "replace-card-after-book"  # the replacement committed, the card untouched
AFTER_BIND = "replace-card-after-bind"  # the card bound to the new meter, no credit yet
AFTER_WRITE = "replace-card-after-write"  # the credit on the card, the register not moved
STEPS = (AFTER_BOOK, AFTER_BIND, AFTER_WRITE)


def replace_onto_card(
    database: Database,
    operator: OperatorSession,
    asked: Replacement,
    card: SunCard,
    *,
    now: datetime | None = None,
) -> ReplacementResult:
    """Replace the meter and put the remainder onto ``card`` for the new card meter; asked
    again after a kill, finish what the first attempt booked. Refusals before (1) write
    nothing."""
    operator.require(permissions.REPLACE_METER)
    replacement_id = owed_replacement(database, asked)
    if replacement_id is None:
        remainder = checked_remainder(asked)
        contents = card.read()  # a card bound to any meter is refused before anything is kept
        if contents.identity is not None:
            raise CardAlreadyIssuedError(meter=contents.identity.meter_number)
        replacement_id, _ = book(database, operator, asked, remainder, to_card=True)
        crash_point(AFTER_BOOK)
    finish_onto_card(database, operator, replacement_id, card, now=now)
    return result_of(database, replacement_id)


def finish_onto_card(
    database: Database,
    operator: OperatorSession,
    replacement_id: int,
    card: SunCard,
    *,
    now: datetime | None = None,
) -> None:
    """Steps (2) and (3) for a booked replacement whose remainder no card carries yet."""
    with database.reading() as session:
        row = session.get(MeterReplacement, replacement_id)
        assert row is not None
        meter = session.get(Meter, row.new_meter_id)
        assert meter is not None
        bill, remainder, number = row.bill_number, row.remainder_kwh, meter.number
    issue_with_credit(
        database, card, number, (bill, remainder), operator.actor, now=now,
        after_bind=AFTER_BIND, after_write=AFTER_WRITE,
    )  # fmt: skip


def owed_replacement(database: Database, asked: Replacement) -> int | None:
    """The booked replacement of ``asked``'s two meters whose remainder is owed to a card
    that no registered card carries yet (an attempt that stopped after step 1 or 2)."""
    old_number = parse_meter_number(asked.old_meter.strip()).iain
    new_number = parse_meter_number(asked.new_meter.strip()).iain
    old, new = aliased(Meter), aliased(Meter)
    with database.reading() as session:
        carried = select(IssuedCard.id).where(
            IssuedCard.carried_bill == MeterReplacement.bill_number
        )
        found: int | None = session.scalar(
            select(MeterReplacement.id)
            .join(old, old.id == MeterReplacement.old_meter_id)
            .join(new, new.id == MeterReplacement.new_meter_id)
            .where(
                old.number == old_number,
                new.number == new_number,
                new.medium == MeterMedium.CARD,
                MeterReplacement.remainder_kwh > 0,
                MeterReplacement.operation_id.is_(None),
                ~carried.exists(),
            )
            .order_by(MeterReplacement.id.desc())
            .limit(1)
        )
        return found


def goes_onto_card(database: Database, asked: Replacement) -> bool:
    """Whether ``asked``'s remainder goes onto a card: a remainder above 0 for a card meter."""
    if asked.remainder_kwh <= 0:
        return owed_replacement(database, asked) is not None
    number = parse_meter_number(asked.new_meter.strip()).iain
    with database.reading() as session:
        medium = session.scalar(select(Meter.medium).where(Meter.number == number))
        return medium == MeterMedium.CARD


def replace_onto_card_in_reader(
    database: Database,
    operator: OperatorSession,
    asked: Replacement,
    reader: str | None,
    key_file: Path | None = None,
) -> ReplacementResult:
    """:func:`replace_onto_card` with the card in ``reader`` (None: the only one there is)
    through PC/SC; no card there is refused before anything is kept. Blocking I/O: a
    window runs it on the card reader's worker."""
    operator.require(permissions.REPLACE_METER)
    key = load_master_key(key_file or default_key_file())
    service = PcscReaders()
    try:
        try:
            connection = service.connect(reader)
        except NoCardError as error:
            raise CardMeterRemainderError(
                meter=asked.new_meter.strip(), remainder=asked.remainder_kwh
            ) from error
        try:
            return replace_onto_card(database, operator, asked, SunCard(connection, key))
        finally:
            connection.close()
    finally:
        service.close()
