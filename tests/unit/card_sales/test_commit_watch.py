"""The commit watch tells a credit write that cannot have reached the card from one that
may have: on the bytes, with the virtual chip torn at each UPDATE of the write."""

from __future__ import annotations

from decimal import Decimal

import pytest

from starpos.card_sales.commit_watch import watch
from starpos.devices.card import layout as L
from starpos.devices.card.errors import CardRemovedError
from starpos.devices.card.sun_card import SunCard
from starpos.devices.card.virtual_card import CardState, VirtualCard
from tests.unit.card.card_loopback import MASTER_KEY, NOW, LoopbackChannel

METER = "47100000067"


def _issued_card(tear_at: int | None, keep: int) -> tuple[SunCard, VirtualCard]:
    """A card bound to METER whose ``tear_at``-th credit UPDATE is cut after ``keep`` bytes."""
    credit_updates = 0

    def before_update(fid: int, offset: int, payload: bytes) -> bytes | None:
        nonlocal credit_updates
        if fid != L.CREDIT_FILE.fid:
            return None
        credit_updates += 1
        return payload[:keep] if credit_updates == tear_at else None

    chip = VirtualCard(
        CardState.new(bytes.fromhex("5354415200000009")), before_update=before_update
    )
    card = SunCard(LoopbackChannel(chip), MASTER_KEY)
    card.bind(METER, sgc=654321, utility_id=1, issued_at=NOW)
    return card, chip


def _write(card: SunCard) -> None:
    card.write_credit(Decimal("12.5"), vend_id="V1", created_at=NOW, meter_number=METER)


def test_a_complete_write_sent_its_commit() -> None:
    card, _ = _issued_card(None, 0)
    watcher = watch(card)
    _write(card)
    assert watcher.commit_sent and card.read().credit is not None


@pytest.mark.parametrize(("tear_at", "keep"), [(1, 0), (1, 1), (2, 0), (2, 30), (2, 61)])
def test_a_write_torn_before_its_commit_left_the_card_unchanged(tear_at: int, keep: int) -> None:
    card, chip = _issued_card(tear_at, keep)
    watcher = watch(card)
    with pytest.raises(CardRemovedError):
        _write(card)
    assert not watcher.commit_sent
    chip.power_on()
    card.forget()
    assert card.read().credit is None


@pytest.mark.parametrize(("keep", "committed"), [(0, False), (1, False), (2, True)])
def test_a_write_torn_in_its_commit_is_in_doubt(keep: int, committed: bool) -> None:
    card, chip = _issued_card(3, keep)
    watcher = watch(card)
    with pytest.raises(CardRemovedError):
        _write(card)
    assert watcher.commit_sent  # only the card can tell now
    chip.power_on()
    card.forget()
    assert (card.read().credit is not None) is committed


def test_watching_twice_does_not_stack_wrappers() -> None:
    card, _ = _issued_card(None, 0)
    first = watch(card)
    second = watch(card)
    assert second._channel is first._channel
