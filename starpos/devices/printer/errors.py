"""Typed printer errors: what went wrong, in words a cashier can act on.

Every error wrapping a library or OS failure is raised ``from`` it and keeps its native
text (``native``) and, where there is one, its code (``errno``) in ``params``. The
``connection`` parameter is the connection string as configured, so the message names the
printer the person chose.
"""

from __future__ import annotations

from starpos.errors import ConfigError, DeviceError


class PrinterError(DeviceError):
    """The voucher could not be printed (base of every printer failure)."""

    code = "printer"
    template = "The printer {connection} did not print the voucher."


class PrinterNotFoundError(PrinterError):
    code = "printer.not_found"
    template = (
        "The printer {connection} was not found ({native}). Check that it is plugged in and "
        "switched on, and that the printer connection setting is right."
    )


class PrinterOfflineError(PrinterError):
    code = "printer.offline"
    template = (
        "The printer {connection} is offline ({native}). Switch it on or reconnect it, "
        "then print again."
    )


class PrinterCoverOpenError(PrinterError):
    code = "printer.cover_open"
    template = "The cover of the printer {connection} is open. Close it, then print again."


class PrinterPaperOutError(PrinterError):
    code = "printer.paper_out"
    template = "The printer {connection} is out of paper. Load a new roll, then print again."


class PrinterFaultError(PrinterError):
    code = "printer.fault"
    template = (
        "The printer {connection} reports an error ({native}). Clear it (paper jam, cutter), "
        "switch the printer off and on, then print again."
    )


class PrinterTimeoutError(PrinterError):
    code = "printer.timeout"
    template = (
        "The printer {connection} did not answer within {seconds} seconds. Check the cable "
        "or network, then print again."
    )


class PrinterWriteError(PrinterError):
    code = "printer.write_failed"
    template = (
        "The connection to the printer {connection} failed while printing ({native}); the "
        "voucher may be incomplete. Reprint it when the printer is ready."
    )


class PrinterSupportMissingError(PrinterError):
    code = "printer.support_missing"
    template = (
        "Printing over {kind} needs the Python package {package}, which is not installed. "
        "Install it or choose another printer connection."
    )


class VoucherDataError(PrinterError):
    code = "printer.voucher_data"
    template = "The voucher cannot be printed: {reason}."


class PrinterConnectionStringError(ConfigError):
    code = "printer.connection_string"
    template = (
        "The printer connection {value!r} is not valid: {reason}. Use for example "
        "network:192.168.1.50:9100, usb:04b8:0202, serial:/dev/ttyUSB0:19200, "
        "file:/dev/usb/lp0, cups:QUEUE or virtual."
    )


class VoucherTemplateError(ConfigError):
    code = "printer.template"
    template = "The voucher template {path} is not valid: {reason}."


#: Every error class this package defines (the translation test walks it).
ALL_ERRORS: tuple[type[Exception], ...] = (
    PrinterError,
    PrinterNotFoundError,
    PrinterOfflineError,
    PrinterCoverOpenError,
    PrinterPaperOutError,
    PrinterFaultError,
    PrinterTimeoutError,
    PrinterWriteError,
    PrinterSupportMissingError,
    VoucherDataError,
    PrinterConnectionStringError,
    VoucherTemplateError,
)
