"""An in-process card channel: the real APDU bytes, with the virtual chip in place of PC/SC."""

from __future__ import annotations

from datetime import UTC, datetime

from starpos.devices.card.errors import CardRemovedError
from starpos.devices.card.virtual_card import VirtualCard

MASTER_KEY = bytes.fromhex("000102030405060708090a0b0c0d0e0f")
NOW = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)


class LoopbackChannel:
    """A CardChannel that hands APDUs straight to a VirtualCard (no transport)."""

    reader = "loopback"

    def __init__(self, card: VirtualCard) -> None:
        self.card = card

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        response = self.card.process(apdu)
        if not response:  # the chip lost power mid-write: what PC/SC reports then
            raise CardRemovedError(pcsc="0x80100016", reader=self.reader)
        return response[:-2], int.from_bytes(response[-2:], "big")
