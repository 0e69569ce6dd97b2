"""``starpos sm``: the secure module on the configured port, its emulator and the dev KMC.

The module's own commands (``info``, ``balance``, ``load-kmf``, ``last``, ``issue``,
``verify``, ``bench``) are in :mod:`.device`; ``credit`` and ``rebind``, which the store's
books record, in :mod:`.books`; ``emulator`` runs the emulator as
its own process (:mod:`.emulator`); ``kmc`` is the development key management centre
(:mod:`.kmc`, test and demo tooling only). They share nothing but
:mod:`starpos.commands._output` (numbers, output) and the configured STA tables
(:mod:`starpos.bootstrap.tables`).
"""

from __future__ import annotations

from typing import Any

from starpos.commands.sm import books, device, emulator, keys, kmc


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("sm", help="secure module: status, keys, credit, tokens")
    actions = parser.add_subparsers(dest="sm_action", required=True, metavar="ACTION")
    device.register(actions)
    keys.register(actions)
    books.register(actions)
    emulator.register(actions)
    kmc.register(actions)
