"""Fixtures of the card unit tests: a factory-fresh virtual chip."""

from __future__ import annotations

import pytest

from starpos.devices.card.virtual_card import CardState, VirtualCard


@pytest.fixture
def card_state() -> CardState:
    return CardState.new(bytes.fromhex("5354415200000001"))


@pytest.fixture
def chip(card_state: CardState) -> VirtualCard:
    return VirtualCard(card_state)
