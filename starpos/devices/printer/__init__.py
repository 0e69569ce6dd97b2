"""The voucher printer: layout, ESC/POS through python-escpos, status, virtual printer.

What the vend and the windows use::

    from starpos.devices.printer import Voucher, print_voucher, printer_status, voucher_preview

    result = print_voucher(voucher, settings)   # on the printer worker thread; raises PrinterError
    status = printer_status(settings)           # PrinterStatus(state, error), never raises a fault
    image = voucher_preview(voucher, settings)  # PIL image, dot for dot what the paper shows

Importing this package has no side effects: python-escpos is loaded on first use
(:mod:`starpos.devices.printer.escpos_support`). docs/printer.md describes the template
format, the connection strings and the status handling.
"""

from starpos.devices.printer.errors import (
    PrinterConnectionStringError,
    PrinterCoverOpenError,
    PrinterError,
    PrinterFaultError,
    PrinterNotFoundError,
    PrinterOfflineError,
    PrinterPaperOutError,
    PrinterSupportMissingError,
    PrinterTimeoutError,
    PrinterWriteError,
    VoucherDataError,
    VoucherTemplateError,
)
from starpos.devices.printer.service import (
    PrinterStatus,
    PrintResult,
    forbid_blocking_calls_from,
    print_voucher,
    printer_status,
    voucher_layout,
    voucher_preview,
)
from starpos.devices.printer.voucher import (
    CREDIT_TOKEN,
    ENGINEERING_TOKEN,
    KEY_CHANGE_TOKEN_1,
    KEY_CHANGE_TOKEN_2,
    AmountLine,
    TokenSection,
    Voucher,
    sample_voucher,
)

__all__ = [
    "CREDIT_TOKEN",
    "ENGINEERING_TOKEN",
    "KEY_CHANGE_TOKEN_1",
    "KEY_CHANGE_TOKEN_2",
    "AmountLine",
    "PrintResult",
    "PrinterConnectionStringError",
    "PrinterCoverOpenError",
    "PrinterError",
    "PrinterFaultError",
    "PrinterNotFoundError",
    "PrinterOfflineError",
    "PrinterPaperOutError",
    "PrinterStatus",
    "PrinterSupportMissingError",
    "PrinterTimeoutError",
    "PrinterWriteError",
    "TokenSection",
    "Voucher",
    "VoucherDataError",
    "VoucherTemplateError",
    "forbid_blocking_calls_from",
    "print_voucher",
    "printer_status",
    "sample_voucher",
    "voucher_layout",
    "voucher_preview",
]
