"""The card desk core (:class:`starpos.counter.card_desk.CounterCardDesk`) through pcscd +
vpcd + ``starpos card virtual``, as the operators logged in at a counter, on a copy of the
seeded demo store: issue, replace with carried credit, blank refused then discarded, the
permission refusals, and the meter data searched per meter and flagged."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from sqlalchemy import select

from starpos.bootstrap.counter import counter_cards
from starpos.card_sales import vend_to_card
from starpos.card_sales.errors import BlankWithCreditError, CardNotActiveError
from starpos.counter.card_desk import CounterCardDesk, NotTheCardShownError
from starpos.counter.operators import CounterAuth
from starpos.db import Database
from starpos.db.models import Operator, OperatorRole, Role
from starpos.devices.card.records import TamperKind
from starpos.operators.errors import PermissionDeniedError
from starpos.settings import Settings
from tests.integration.card_sales.card_world import (
    CardWorld,
    customer_meter,
    insert_into_meter,
    register_rows,
    sale,
)
from tests.support.virtual_cards import READER_0, READER_1, VirtualCardProcess

pytestmark = pytest.mark.pcsc


def grant_role(database: Database, operator_code: str, role_code: str) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        operator = session.scalars(select(Operator).where(Operator.code == operator_code)).one()
        role = session.scalars(select(Role).where(Role.code == role_code)).one()
        session.add(OperatorRole(operator_id=operator.id, role_id=role.id))
        uow.commit()


@pytest.fixture
def desk(world: CardWorld, monkeypatch: pytest.MonkeyPatch) -> Iterator[CounterCardDesk]:
    monkeypatch.setenv("STARPOS_CARD_KEY_FILE", str(world.key_file))
    cards = counter_cards(world.database, CounterAuth(world.database), Settings())
    yield CounterCardDesk(cards)
    cards.close()


def test_issue_replace_blank_and_meter_data_as_the_counters_operators(
    world: CardWorld,
    desk: CounterCardDesk,
    fresh_card: Callable[..., VirtualCardProcess],
) -> None:
    grant_role(world.database, "ADMIN1", "SUPER")  # an office head: cards, refunds, reports
    auth = desk.cards.auth
    admin = auth.login("ADMIN1", "admin-demo")
    cashier = auth.login("CASH1", "cash-demo")
    number = world.meters[0]

    # Issue: the blank card in the reader becomes the meter's first card.
    first = fresh_card(reader=READER_0)
    seen = desk.inspect(READER_0)
    assert seen.blank and seen.serial == first.serial and seen.meter_number == ""
    with pytest.raises(PermissionDeniedError):
        desk.issue(number, READER_0, cashier)
    issued = desk.issue(number, READER_0, admin)
    assert (issued.serial, issued.meter_number, issued.issue_number) == (first.serial, number, 1)
    seen = desk.inspect(READER_0)
    assert (seen.blank, seen.meter_number, seen.issue_number) == (False, number, 1)
    assert seen.register_state == "active" and not seen.credit_pending

    # A sale onto it that the meter never loads, then the card is lost.
    with world.card(READER_0) as card:
        sold = vend_to_card(world.database, card, sale(number, "30.00"))
    seen = desk.inspect(READER_0)
    assert seen.credit_pending and seen.pending_kwh == sold.energy_kwh
    assert seen.pending_bill == sold.bill_number
    second = fresh_card(reader=READER_1)
    replaced = desk.replace(number, "lost", READER_1, admin)
    assert replaced.replaced_serial == first.serial and replaced.issue_number == 2
    assert (replaced.carried_kwh, replaced.carried_bill) == (sold.energy_kwh, sold.bill_number)
    assert register_rows(world.database, number) == [
        (first.serial, 1, "lost"),
        (second.serial, 2, "active"),
    ]
    assert desk.inspect(READER_0).register_state == "lost"
    with world.card(READER_0) as card, pytest.raises(CardNotActiveError):
        vend_to_card(world.database, card, sale(number))  # the old card is refused

    # Blank the lost card: its unloaded credit is refused, then discarded on purpose.
    with pytest.raises(BlankWithCreditError):
        desk.blank(READER_0, admin, discard_credit=False)
    with pytest.raises(NotTheCardShownError):  # confirmed for another card: untouched
        desk.blank(READER_0, admin, discard_credit=True, expected_serial=second.serial)
    assert desk.inspect(READER_0).credit_pending
    blanked = desk.blank(READER_0, admin, discard_credit=True, expected_serial=first.serial)
    assert blanked.was_issued and blanked.meter_number == number
    assert (blanked.discarded_kwh, blanked.discarded_bill) == (sold.energy_kwh, sold.bill_number)
    assert desk.inspect(READER_0).blank

    # The new card's carried credit goes into the meter, which then sees a tamper.
    meter = customer_meter(world, number)
    assert insert_into_meter(world, meter, READER_1) == "loaded"
    meter.advance(days=2, load_kw=Decimal("0.4"))
    meter.tamper(TamperKind.MAGNETIC_FIELD)
    insert_into_meter(world, meter, READER_1)
    with world.card(READER_1) as card:
        vend_to_card(world.database, card, sale(number, "10.00"))  # stores the reading

    with pytest.raises(PermissionDeniedError):
        desk.meter_readings(number, cashier)
    (reading,) = desk.meter_readings(number, admin)
    assert reading.card_serial == second.serial and reading.meter_number == number
    assert reading.flagged and reading.new_tampers == 1
    assert reading.tamper_kinds == ("magnetic-field",)
    assert reading.remaining_kwh == Decimal(meter.state.credit_tenths) / 10
    flagged = desk.flagged_readings(admin)
    assert [r.reading_id for r in flagged] == [reading.reading_id]
    assert desk.meter_readings(world.meters[1], admin) == []
