"""The counter's services on the application core, without Qt.

Look-up, quote, sell, this shift's sales, vouchers from the ledger (print, reprint with its
audit, preview), recovery of vends that did not hear back, and the module and printer
states. The cashier's window (``starpos/ui``) calls these on its worker threads; headless
callers (``starpos demo run``, scripts) call them directly. They are made from the settings
by the composition root (:mod:`starpos.bootstrap.counter`).
"""

from starpos.counter.counter import Counter
from starpos.counter.module_link import ModuleLink
from starpos.counter.operators import CounterAuth
from starpos.counter.reads import CounterReads, quote_from
from starpos.counter.vouchers import CounterPrinting, UnknownBillError, VoucherPrinter, voucher_for

__all__ = [
    "Counter",
    "CounterAuth",
    "CounterPrinting",
    "CounterReads",
    "ModuleLink",
    "UnknownBillError",
    "VoucherPrinter",
    "quote_from",
    "voucher_for",
]
