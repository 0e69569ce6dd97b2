"""``starpos admin``: the back office from the command line (manual 1-4; issue 12).

Every capability of the administration window is here, with ``--json``: the system
parameters and the set-up checklist (:mod:`.system`), the plain records of base and common
data (:mod:`.records`), operators and roles (:mod:`.operators`), numbering rules
(:mod:`.numbering`), tariffs and a customer
type's charges (:mod:`.tariffs`), meter stock (:mod:`.stock`) and customers
(:mod:`.customers`). What they share (the operator's login, reading values, the line a
change prints) is in :mod:`.common`. ``docs/setup-a-utility.sh`` sets a utility up with
them from an empty data folder.
"""

from __future__ import annotations

from typing import Any

from starpos.commands.admin import (
    bench,
    bills,
    customers,
    numbering,
    operators,
    records,
    regions,
    stock,
    system,
    tariffs,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("admin", help="set up and keep the utility's data")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    for module in (
        system,
        records,
        regions,
        operators,
        numbering,
        tariffs,
        stock,
        customers,
        bills,
        bench,
    ):
        module.register(actions)
