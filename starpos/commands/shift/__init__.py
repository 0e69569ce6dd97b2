"""``starpos shift``: shifts, cash and the close of the day (issue 13; docs/shifts.md).

The cashier's drawer (:mod:`.drawer`): ``open``, ``drop``, ``pickup``, ``paid-in``,
``paid-out``, ``drawer``, ``end`` (the blind count; ``count`` again is a recount). The
supervisor's close and its records (:mod:`.closing`): ``x``, ``close``, ``z``, ``reprint``,
``correct``, ``day-close``, ``day-reprint``, ``float-limit``, ``list``, ``verify``,
``bench``. What both need is in :mod:`.common`.
"""

from __future__ import annotations

from typing import Any

from starpos.commands.shift import closing, drawer


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("shift", help="shifts, cash movements, X and Z, day close")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    drawer.register(actions)
    closing.register(actions)
