"""Knowing whether a credit write could have reached the card.

A record on the card counts only once the write's last step, the UPDATE BINARY of the
2-byte commit marker ``"SP"`` at the start of the slot, has been sent (docs/sun-card.md,
"Slots"). So when a write fails before that APDU was even sent, the credit is certainly
not on the card and the sale can be cancelled at once; after it, only the card can tell
(:mod:`starpos.card_sales.settle`). This wrapper sits between a :class:`SunCard` and its
channel and notes whether that APDU went out.
"""

from __future__ import annotations

from starpos.devices.card import layout
from starpos.devices.card.sealing import SLOT_MAGIC
from starpos.devices.card.sun_card import CardChannel, SunCard

_UPDATE_HEADER = bytes([0x00, layout.INS_UPDATE_BINARY])


class CommitWatch:
    """A :class:`CardChannel` that passes APDUs through and notes any commit attempt."""

    def __init__(self, channel: CardChannel) -> None:
        self._channel = channel
        self.reader = channel.reader
        self.commit_sent = False

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        # UPDATE BINARY: CLA INS P1 P2 Lc data; the commit writes exactly the marker.
        if apdu[:2] == _UPDATE_HEADER and apdu[5:] == SLOT_MAGIC:
            self.commit_sent = True
        return self._channel.transmit(apdu)


def watch(card: SunCard) -> CommitWatch:
    """Put a fresh :class:`CommitWatch` on ``card``'s channel (replacing an older one)."""
    channel = card.channel
    if isinstance(channel, CommitWatch):
        channel = channel._channel
    watcher = CommitWatch(channel)
    card.channel = watcher
    return watcher
