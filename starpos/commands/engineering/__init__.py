"""``starpos engineering``: engineering, test and free tokens as recorded actions (manual
3.5, 3.6; docs/token-operations.md).

Making tokens (:mod:`.issue`): ``issue KIND``, ``resume BATCH``. Reading and settling
(:mod:`.records`): ``recover``, ``list``, ``show``, ``print``, ``bench``. What both need (the
operator's login, the kinds' names, the messages) is in :mod:`.common`. The engineering
token report is ``starpos report engineering-tokens``.
"""

from __future__ import annotations

from typing import Any

from starpos.commands.engineering import issue, records


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "engineering", help="engineering, test and free tokens (recorded, audited)"
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    issue.register(actions)
    records.register(actions)
