"""The remainder of a SUN card meter being replaced, read from its card (manual 4.6;
docs/sun-card.md).

The card carries what the meter wrote back at its last insertion (the return record: the
credit still in the meter) and, possibly, a credit bought at the counter that the meter has
not loaded yet (``CardContents.credit_pending``). Both belong to the customer and move to
the new meter: the remainder is their sum. The card is read through the real PC/SC path
(``devices.card``), every record verified with the utility's master key; a card that is not
the old meter's is refused by the card layer (``WrongMeterCardError``), a blank one too.
Reading writes nothing, on the card or in the store.

The other way round, a card meter as the *new* meter has no keypad for a remainder token
(decision TOK-26): its remainder goes onto a card bound to it (:mod:`.meter_replace_to_card`,
TOK-29); a replacement with a remainder to a card meter and no card is refused before
anything is kept.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from starpos.db import Database
from starpos.db.enums import MeterMedium
from starpos.db.models import Meter
from starpos.devices.card.keys import default_key_file, load_master_key
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.sun_card import CardContents, SunCard
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops import errors


class NotACardMeterError(errors.TokenOperationError):
    code = "tokenops.not_a_card_meter"
    template = (
        "Meter {meter} is not a smart card meter: it has no card to read. Read its remainder "
        "on the meter and enter it."
    )


class CardMeterRemainderError(errors.TokenOperationError):
    code = "tokenops.card_meter_remainder"
    template = (
        "The new meter {meter} is a smart card meter: its remainder of {remainder} kWh goes "
        "onto the customer's card, and no card was presented. Put a blank card in the card "
        "reader and replace again, or replace with a remainder of 0."
    )


class NewMeterNotCardError(errors.TokenOperationError):
    code = "tokenops.new_meter_not_card"
    template = (
        "The new meter {meter} is not a smart card meter: its remainder is a keypad token, not "
        "a credit on a card. Replace without a card."
    )


def refuse_remainder_to_card(meter: Meter, remainder: Decimal) -> None:
    """A remainder for a card meter is never made as a keypad token (TOK-26): it goes onto
    a card (:mod:`.meter_replace_to_card`, TOK-29), and without one it is refused."""
    if remainder > 0 and meter.medium == MeterMedium.CARD:
        raise CardMeterRemainderError(meter=meter.number, remainder=remainder)


def require_card_meter(meter: Meter) -> None:
    """Only a card meter's remainder goes onto a card."""
    if meter.medium != MeterMedium.CARD:
        raise NewMeterNotCardError(meter=meter.number)


def card_remainder(contents: CardContents) -> Decimal:
    """The energy the card says the meter still held, with a credit it never loaded."""
    remaining = contents.returned.remaining_kwh if contents.returned is not None else Decimal(0)
    pending = contents.credit.energy_kwh if contents.credit_pending and contents.credit else 0
    return (remaining + pending).quantize(Decimal("0.1"))


def card_meter_number(database: Database, old_meter: str) -> str:
    """The stored number of ``old_meter``, refused unless it is a card meter."""
    number = parse_meter_number(old_meter.strip()).iain
    with database.reading() as session:
        meter = session.scalars(select(Meter).where(Meter.number == number)).first()
        if meter is None:
            raise errors.UnknownMeterRefusal(number=number)
        if meter.medium != MeterMedium.CARD:
            raise NotACardMeterError(meter=number)
        return meter.number


def read_card_remainder(card: SunCard, meter_number: str) -> Decimal:
    """The remainder on ``card``, which must be bound to ``meter_number``."""
    card.require_meter(meter_number)
    return card_remainder(card.read())


def remainder_from_reader(
    database: Database, old_meter: str, reader: str | None, key_file: Path | None = None
) -> Decimal:
    """Read the old card meter's card in ``reader`` (the caller's configured one; None: the
    only one there is) and return its remainder. Blocking PC/SC I/O: a window runs it on a
    worker."""
    number = card_meter_number(database, old_meter)
    key = load_master_key(key_file or default_key_file())
    service = PcscReaders()
    try:
        connection = service.connect(reader)
        try:
            return read_card_remainder(SunCard(connection, key), number)
        finally:
            connection.close()
    finally:
        service.close()
