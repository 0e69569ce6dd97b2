"""The remainder of a SUN card meter being replaced, read from its card through pcscd + vpcd
+ ``starpos card virtual`` (manual 4.6; docs/sun-card.md): what the meter wrote back at its
last insertion plus a credit sold that it never loaded; another meter's card and a keypad
meter are refused, and reading writes nothing on the card."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from sqlalchemy import select

from starpos.bootstrap.counter import counter_cards
from starpos.card_sales import vend_to_card
from starpos.counter.card_desk import CounterCardDesk
from starpos.counter.operators import CounterAuth
from starpos.db.enums import MeterMedium
from starpos.db.models import Meter
from starpos.devices.card.errors import WrongMeterCardError
from starpos.settings import Settings
from starpos.tokenops.meter_replace_card import NotACardMeterError, remainder_from_reader
from tests.integration.card_sales.card_world import (
    CardWorld,
    customer_meter,
    insert_into_meter,
    sale,
)
from tests.integration.card_sales.test_card_desk_core import grant_role
from tests.support.virtual_cards import READER_0, VirtualCardProcess

pytestmark = pytest.mark.pcsc


@pytest.fixture
def desk(world: CardWorld, monkeypatch: pytest.MonkeyPatch) -> Iterator[CounterCardDesk]:
    monkeypatch.setenv("STARPOS_CARD_KEY_FILE", str(world.key_file))
    cards = counter_cards(world.database, CounterAuth(world.database), Settings())
    yield CounterCardDesk(cards)
    cards.close()


def test_the_remainder_is_what_the_meter_held_and_the_credit_it_never_loaded(
    world: CardWorld, desk: CounterCardDesk, fresh_card: Callable[..., VirtualCardProcess]
) -> None:
    grant_role(world.database, "ADMIN1", "SUPER")
    admin = desk.cards.auth.login("ADMIN1", "admin-demo")
    number, other = world.meters[0], world.meters[1]
    fresh_card(reader=READER_0)
    desk.issue(number, READER_0, admin)

    def read() -> Decimal:
        return remainder_from_reader(world.database, number, READER_0, world.key_file)

    assert read() == Decimal("0.0")  # a new card: the meter has written nothing back yet
    with world.card(READER_0) as card:
        first = vend_to_card(world.database, card, sale(number, "30.00"))
    assert read() == first.energy_kwh  # sold, not loaded yet: still the customer's
    meter = customer_meter(world, number)
    assert insert_into_meter(world, meter, READER_0) == "loaded"
    meter.advance(days=2, load_kw=Decimal("0.4"))
    insert_into_meter(world, meter, READER_0)  # the meter writes what it holds back
    held = Decimal(meter.state.credit_tenths) / 10
    assert Decimal(0) < held < first.energy_kwh
    assert read() == held
    with world.card(READER_0) as card:
        second = vend_to_card(world.database, card, sale(number, "10.00"))
        before = card.read()
    assert read() == held + second.energy_kwh
    with world.card(READER_0) as card:
        assert card.read() == before  # reading wrote nothing

    with pytest.raises(WrongMeterCardError):
        remainder_from_reader(world.database, other, READER_0, world.key_file)
    with world.database.reading() as session:
        keypad = session.scalars(
            select(Meter.number).where(Meter.medium == MeterMedium.KEYPAD).limit(1)
        ).one()
    with pytest.raises(NotACardMeterError):
        remainder_from_reader(world.database, keypad, READER_0, world.key_file)
