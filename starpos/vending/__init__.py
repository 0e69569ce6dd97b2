"""The vend: money in, a token out, and a durable record that both happened.

``sell(database, access, request)`` runs one vend through the module ``access`` (the
configured one: ``starpos.bootstrap.module.open_configured_module()``); ``prepare()`` is its
quick checks on their own; ``recover()`` settles the PENDING vends a crash left (the app and
``starpos vend recover`` call it at start-up); ``mark_printed`` / ``mark_print_failed`` /
``record_reprint`` are for the voucher. The state machine, the recovery rules and what is
audited: docs/vending.md.
"""

from starpos.vending.ledger import mark_print_failed, mark_printed, record_reprint
from starpos.vending.module_access import ModuleAccess
from starpos.vending.prepare import prepare
from starpos.vending.recovery import RecoveryReport, recover
from starpos.vending.sale import PreparedVend, VendRequest
from starpos.vending.sell import VendResult, sell

__all__ = [
    "ModuleAccess",
    "PreparedVend",
    "RecoveryReport",
    "VendRequest",
    "VendResult",
    "mark_print_failed",
    "mark_printed",
    "prepare",
    "record_reprint",
    "recover",
    "sell",
]
