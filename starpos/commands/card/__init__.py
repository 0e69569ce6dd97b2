"""``starpos card``: SUN smart cards from the command line.

Device level (:mod:`.device`): ``readers``, ``read``, ``bind``, ``credit``, ``lock``,
``keygen``, ``bench``. Emulators (:mod:`.emulators`): ``virtual`` (a card in a vpcd reader)
and ``meter`` (a SUN meter). Business flows recorded in the store (:mod:`.sales`):
``issue``, ``vend``, ``check``, ``replace``, ``blank``, ``history``, ``flags``. What more
than one of them needs (opening the card, records as plain values) is in :mod:`.common`.
"""

from __future__ import annotations

from typing import Any

from starpos.commands.card import device, emulators, sales


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("card", help="SUN smart cards: readers, cards, emulators")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    device.register(actions)
    emulators.register(actions)
    sales.register(actions)
