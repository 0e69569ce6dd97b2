"""The printing service the vend and the windows call: print a voucher, ask for status.

Both calls block on the device, so they belong on the printer's worker thread, never on the
GUI thread. A print asks for the printer's status before sending (a fault raises the typed
error and nothing is sent) and after (a fault that appeared while printing raises too: the
voucher may be incomplete). A failed print raises and is never retried here: whether and
when to reprint is the cashier's decision.
"""

from __future__ import annotations

import logging
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PIL import Image

from starpos.devices.printer import status as st
from starpos.devices.printer.connection import Connection, open_printer, parse_connection
from starpos.devices.printer.errors import (
    PrinterCoverOpenError,
    PrinterError,
    PrinterFaultError,
    PrinterNotFoundError,
    PrinterOfflineError,
    PrinterPaperOutError,
    PrinterTimeoutError,
    PrinterWriteError,
)
from starpos.devices.printer.escpos_render import voucher_bytes
from starpos.devices.printer.escpos_support import escpos_module, profile_dots
from starpos.devices.printer.layout import LayoutOptions, VoucherLayout, layout_voucher
from starpos.devices.printer.paper import paper_for
from starpos.devices.printer.preview import render_preview
from starpos.devices.printer.slip import Slip, layout_slip
from starpos.devices.printer.template import Template, load_template
from starpos.devices.printer.voucher import Voucher

log = logging.getLogger(__name__)

#: Seconds to wait for connecting, for each write and for each status answer.
TIMEOUT_SECONDS = 5.0
_forbidden_threads: set[int] = set()


def forbid_blocking_calls_from(thread: threading.Thread) -> None:
    """Make printing or asking for status from ``thread`` (the GUI thread) fail loudly.

    The window calls this once at start-up, so a call that would freeze it is caught in the
    tests instead of in front of a cashier (DESIGN.md: the main thread never waits on a device).
    """
    if thread.ident is not None:
        _forbidden_threads.add(thread.ident)


def _check_thread() -> None:
    if threading.get_ident() in _forbidden_threads:
        raise RuntimeError(
            "printer I/O was called on the GUI thread; run it on the printer worker thread"
        )


class SettingsReader(Protocol):
    """What the service needs from :class:`starpos.settings.Settings`."""

    def get(self, key: str) -> Any: ...


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said: ``state`` is one of ``status.FAULT_STATES`` or ``unknown``.

    ``unknown`` means the connection cannot answer status queries (file, CUPS) or the answer
    made no sense. ``error`` is the typed error a print would raise now, if any.
    """

    connection: str
    state: str
    error: PrinterError | None = None
    answers: st.StatusBytes | None = None

    @property
    def ready(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class PrintResult:
    """A voucher went out: how many bytes, and what the printer said before and after."""

    connection: str
    bytes_sent: int
    status_before: PrinterStatus
    status_after: PrinterStatus


def voucher_layout(
    voucher: Voucher, settings: SettingsReader, template: Template | None = None
) -> VoucherLayout:
    """The voucher laid out for the configured paper and profile (also for the preview)."""
    profile = settings.get("printer.profile") or None
    options = LayoutOptions(
        paper=paper_for(int(settings.get("printer.paper_mm")), profile_dots(profile)),
        qr_code=bool(settings.get("printer.qr_code")),
        cash_drawer=bool(settings.get("printer.cash_drawer")),
    )
    return layout_voucher(voucher, template or load_template(), options)


def slip_layout(slip: Slip, settings: SettingsReader) -> VoucherLayout:
    """A report or slip (X, Z, cash movement) laid out for the configured paper."""
    profile = settings.get("printer.profile") or None
    options = LayoutOptions(
        paper=paper_for(int(settings.get("printer.paper_mm")), profile_dots(profile)),
        qr_code=False,
        cash_drawer=bool(settings.get("printer.cash_drawer")),
    )
    return layout_slip(slip, options)


def print_slip(slip: Slip, settings: SettingsReader) -> PrintResult:
    """Print a report or slip; raise a :class:`PrinterError` subclass when it cannot be."""
    return print_bytes(voucher_bytes(slip_layout(slip, settings), _profile(settings)), settings)


def slip_preview(slip: Slip, settings: SettingsReader) -> Image.Image:
    return render_preview(slip_layout(slip, settings))


def voucher_preview(
    voucher: Voucher, settings: SettingsReader, template: Template | None = None
) -> Image.Image:
    """The voucher as it will come out of the printer (1-bit image, one dot a pixel)."""
    return render_preview(voucher_layout(voucher, settings, template))


def resolve_connection(settings: SettingsReader, data_dir: Path | None = None) -> Connection:
    """The configured connection; ``virtual`` (or empty) starts or reuses the virtual printer."""
    connection = parse_connection(str(settings.get("printer.connection") or ""))
    if connection.kind != "virtual":
        return connection
    from starpos.devices.printer.virtual.launcher import ensure_virtual_printer

    address = ensure_virtual_printer(
        paper_mm=int(settings.get("printer.paper_mm")),
        profile=settings.get("printer.profile") or None,
        data_dir=data_dir,
    )
    return parse_connection(address)


def print_voucher(
    voucher: Voucher, settings: SettingsReader, template: Template | None = None
) -> PrintResult:
    """Print ``voucher``; raise a :class:`PrinterError` subclass when it cannot be printed."""
    data = voucher_bytes(voucher_layout(voucher, settings, template), _profile(settings))
    return print_bytes(data, settings)


def print_bytes(data: bytes, settings: SettingsReader) -> PrintResult:
    """Send ready ESC/POS bytes with the status checks around them."""
    _check_thread()
    connection = resolve_connection(settings)
    printer = open_printer(connection, _profile(settings), TIMEOUT_SECONDS)
    try:
        _guarded(connection, printer.open)
        before = _checked_status(printer, connection)
        if before.error is not None:
            raise before.error
        _guarded(connection, lambda: printer._raw(data))
        after = _checked_status(printer, connection)
        if after.error is not None:
            raise after.error
        log.info("printed %d bytes on %s (%s)", len(data), connection.text, after.state)
        return PrintResult(connection.text, len(data), before, after)
    finally:
        _close(printer)


def printer_status(settings: SettingsReader) -> PrinterStatus:
    """Ask the configured printer how it is.

    Printer faults (offline, paper out, not found ...) come back in ``error``, never raised,
    so a status bar can show them; only a malformed connection string raises (a ConfigError).
    """
    _check_thread()
    connection_text = str(settings.get("printer.connection") or "virtual")
    try:
        connection = resolve_connection(settings)
        connection_text = connection.text
        printer = open_printer(connection, _profile(settings), TIMEOUT_SECONDS)
    except PrinterError as error:
        return PrinterStatus(connection_text, st.UNKNOWN, error)
    try:
        _guarded(connection, printer.open)
        return _checked_status(printer, connection)
    except PrinterError as error:
        state = st.OFFLINE_STATE if isinstance(error, PrinterOfflineError) else st.UNKNOWN
        return PrinterStatus(connection.text, state, error)
    finally:
        _close(printer)


def _profile(settings: SettingsReader) -> str | None:
    return settings.get("printer.profile") or None


def _checked_status(printer: Any, connection: Connection) -> PrinterStatus:
    """Where the (open) connection can answer, ask DLE EOT 1, 2 and 4."""
    if not connection.can_read_status:
        return PrinterStatus(connection.text, st.UNKNOWN)
    answers = st.StatusBytes(
        printer=_query(printer, connection, st.QUERY_PRINTER),
        offline_cause=_query(printer, connection, st.QUERY_OFFLINE_CAUSE),
        paper=_query(printer, connection, st.QUERY_PAPER),
    )
    state = st.decode_status(answers)
    error = _error_for(state, connection, answers)
    return PrinterStatus(connection.text, state, error, answers)


def _query(printer: Any, connection: Connection, number: int) -> int:
    def ask() -> bytes:
        printer._raw(bytes([0x10, 0x04, number]))
        if connection.kind == "serial":
            return bytes(printer.device.read(1))
        return bytes(printer._read())

    answer: bytes = _guarded(connection, ask)
    if not answer:
        raise PrinterTimeoutError(connection=connection.text, seconds=TIMEOUT_SECONDS)
    return answer[-1]


def _error_for(state: str, connection: Connection, answers: st.StatusBytes) -> PrinterError | None:
    native = (
        f"DLE EOT 1/2/4 = {answers.printer:#04x}/{answers.offline_cause:#04x}/{answers.paper:#04x}"
    )
    kind = _STATE_ERRORS.get(state)
    return kind(connection=connection.text, native=native) if kind else None


_STATE_ERRORS: dict[str, type[PrinterError]] = {
    st.COVER_OPEN_STATE: PrinterCoverOpenError,
    st.PAPER_OUT_STATE: PrinterPaperOutError,
    st.ERROR_STATE: PrinterFaultError,
    st.OFFLINE_STATE: PrinterOfflineError,
}


def _guarded(connection: Connection, action: Any) -> Any:
    """Run a python-escpos call, turning library and OS failures into typed errors."""
    exceptions = escpos_module("exceptions")
    text = connection.text
    try:
        return action()
    except PrinterError:
        raise
    except exceptions.DeviceNotFoundError as error:
        cause = error.__context__ or error
        native = str(cause).strip()
        if isinstance(cause, TimeoutError):
            raise PrinterTimeoutError(connection=text, seconds=TIMEOUT_SECONDS) from error
        if isinstance(cause, ConnectionRefusedError) or (
            isinstance(cause, OSError)
            and not isinstance(cause, socket.gaierror)
            and connection.kind == "network"
        ):
            raise PrinterOfflineError(
                connection=text, native=native, errno=getattr(cause, "errno", None)
            ) from error
        raise PrinterNotFoundError(
            connection=text, native=native, errno=getattr(cause, "errno", None)
        ) from error
    except TimeoutError as error:
        raise PrinterTimeoutError(connection=text, seconds=TIMEOUT_SECONDS) from error
    except OSError as error:
        raise PrinterWriteError(connection=text, native=str(error), errno=error.errno) from error
    except exceptions.Error as error:
        raise PrinterError(connection=text, native=str(error)) from error
    except Exception as error:
        # pyserial and pyusb raise their own exception types (SerialException, USBError).
        if type(error).__module__.split(".")[0] in ("serial", "usb"):
            raise PrinterWriteError(
                connection=text, native=str(error), errno=getattr(error, "errno", None)
            ) from error
        raise


def _close(printer: Any) -> None:
    try:
        printer.close()
    except Exception:  # closing a broken connection must not hide the real error
        log.debug("closing the printer failed", exc_info=True)
