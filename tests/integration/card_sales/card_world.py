"""The card sale tests' world: the seeded demo store, the card master key, the demo's card
meters and the cards in the vpcd readers (pcscd + vpcd + ``starpos card virtual``), with
small readers of the ledger and the card register."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from starpos.audit.log import Actor
from starpos.db import Database
from starpos.db.enums import MeterMedium, VendState
from starpos.db.models import CardVend, IssuedCard, Meter, Vend
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.sun_card import SunCard
from starpos.devices.card.virtual_meter import MeterState, VirtualMeter
from starpos.vending.sale import VendRequest
from tests.support.virtual_cards import READER_0

CASHIER = Actor("CASH1")  # may vend and check
ADMIN = Actor("ADMIN1")  # may issue, replace and blank cards, may not vend


def sale(meter: str, net: str = "50.00", operator: str = "CASH1", **values: object) -> VendRequest:
    return VendRequest(meter=meter, net=Decimal(net), operator_code=operator, **values)  # type: ignore[arg-type]


@dataclass
class CardWorld:
    database: Database
    key: bytes
    key_file: Path
    meters: list[str]  # the demo's card meters with an active customer

    @contextmanager
    def card(self, reader: str = READER_0) -> Iterator[SunCard]:
        """The card in ``reader``, through pcscd (a new connection, as a new insertion)."""
        service = PcscReaders()
        try:
            with service.connect(reader) as connection:
                yield SunCard(connection, self.key)
        finally:
            service.close()


NOW = datetime(2026, 11, 20, 8, tzinfo=UTC)


def customer_meter(world: CardWorld, number: str) -> VirtualMeter:
    """The customer's SUN meter (the model in this process), holding the utility key."""
    with world.database.reading() as session:
        sgc = session.scalars(select(Meter.sgc).where(Meter.number == number)).one()
    return VirtualMeter(MeterState(number, int(sgc), 1, world.key.hex(), int(NOW.timestamp())))


def insert_into_meter(world: CardWorld, meter: VirtualMeter, reader: str = READER_0) -> str:
    """A card contact with the meter, through PC/SC; returns the meter's load status."""
    with world.card(reader) as card:
        return meter.load_card(card, commit=lambda: None).status


def ledger(database: Database) -> list[dict[str, object]]:
    """Every vend row with its card side, oldest first."""
    with database.reading() as session:
        rows = session.execute(
            select(Vend, CardVend)
            .outerjoin(CardVend, CardVend.vend_id == Vend.id)
            .order_by(Vend.id)
        ).all()
        return [
            {
                "bill": vend.bill_number,
                "state": VendState(vend.state),
                "medium": MeterMedium(vend.medium),
                "token_kwh": vend.token_kwh,
                "net": vend.net_amount,
                "sequence": card_vend.sequence if card_vend else None,
            }
            for vend, card_vend in rows
        ]


def register_rows(database: Database, number: str) -> list[tuple[str, int, str]]:
    """(serial, issue number, state) of the meter's cards, oldest first."""
    with database.reading() as session:
        rows = session.execute(
            select(IssuedCard.serial, IssuedCard.issue_number, IssuedCard.state)
            .join(Meter, Meter.id == IssuedCard.meter_id)
            .where(Meter.number == number)
            .order_by(IssuedCard.id)
        ).all()
        return [(serial, issue, str(state)) for serial, issue, state in rows]
