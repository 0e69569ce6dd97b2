"""Printer connection strings -> python-escpos printer objects.

One string says where the printer is (docs/printer.md lists them):

``network:HOST[:PORT]`` (port 9100 by default), ``usb:VID:PID`` (hexadecimal, e.g.
``usb:04b8:0202``), ``serial:DEVICE[:BAUD]`` (9600 baud by default), ``file:PATH`` (a device
node such as ``/dev/usb/lp0``, or a plain file), ``cups:QUEUE``, and ``virtual`` (or empty):
the embedded virtual printer, which :mod:`starpos.devices.printer.service` starts on demand.

Opening is lazy: parsing touches nothing, :func:`open_printer` builds the python-escpos object
(whose own connection opens on first write).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starpos.devices.printer.errors import (
    PrinterConnectionStringError,
    PrinterSupportMissingError,
)
from starpos.devices.printer.escpos_support import escpos_module

KINDS = ("network", "usb", "serial", "file", "cups", "virtual")
DEFAULT_NETWORK_PORT = 9100
DEFAULT_BAUD = 9600
#: Connections that can answer DLE EOT status queries.
READABLE_KINDS = ("network", "usb", "serial")


@dataclass(frozen=True)
class Connection:
    """A parsed connection string; ``text`` is the string as configured."""

    kind: str
    text: str
    host: str = ""
    port: int = 0
    vendor_id: int = 0
    product_id: int = 0
    device: str = ""
    baud: int = 0

    @property
    def can_read_status(self) -> bool:
        return self.kind in READABLE_KINDS


def parse_connection(text: str) -> Connection:
    """Parse a connection string, or raise :class:`PrinterConnectionStringError`."""
    value = text.strip()
    if value in ("", "virtual"):
        return Connection("virtual", value or "virtual")
    kind, _, rest = value.partition(":")

    def fail(reason: str) -> PrinterConnectionStringError:
        return PrinterConnectionStringError(value=text, reason=reason)

    if kind not in KINDS or kind == "virtual":
        raise fail(f"{kind!r} is not a known kind of connection")
    if not rest:
        raise fail(f"{kind}: needs an address after the colon")
    if kind == "network":
        host, _, port_text = rest.rpartition(":") if ":" in rest else (rest, "", "")
        port = _number(port_text or str(DEFAULT_NETWORK_PORT), 10, fail, "port")
        if not host or not 0 < port < 65536:
            raise fail("give a host and a port between 1 and 65535")
        return Connection(kind, value, host=host, port=port)
    if kind == "usb":
        parts = rest.split(":")
        if len(parts) != 2:
            raise fail("give the vendor and product id in hexadecimal, as usb:04b8:0202")
        vendor, product = (_number(part, 16, fail, "USB id") for part in parts)
        return Connection(kind, value, vendor_id=vendor, product_id=product)
    if kind == "serial":
        device, _, baud_text = rest.rpartition(":")
        if not device or not baud_text.isdigit():
            device, baud_text = rest, str(DEFAULT_BAUD)
        return Connection(kind, value, device=device, baud=_number(baud_text, 10, fail, "baud"))
    return Connection(kind, value, device=rest)


def _number(text: str, base: int, fail: Any, what: str) -> int:
    try:
        return int(text, base)
    except ValueError:
        raise fail(f"{text!r} is not a valid {what}") from None


def open_printer(connection: Connection, profile: str | None, timeout: float) -> Any:
    """The python-escpos printer object for ``connection`` (not yet connected).

    ``timeout`` is in seconds and bounds connecting, writing and waiting for a status answer.
    """
    printer = escpos_module("printer")
    kind = connection.kind
    if kind == "network":
        return printer.Network(connection.host, connection.port, timeout=timeout, profile=profile)
    if kind == "usb":
        _require("usb", "USB", "pyusb")
        return printer.Usb(
            connection.vendor_id,
            connection.product_id,
            timeout=int(timeout * 1000),
            profile=profile,
        )
    if kind == "serial":
        _require("serial", "a serial port", "pyserial")
        return printer.Serial(
            connection.device, baudrate=connection.baud, timeout=timeout, profile=profile
        )
    if kind == "file":
        return printer.File(connection.device, profile=profile)
    if kind == "cups":
        _require("cups", "CUPS", "pycups")
        return printer.CupsPrinter(connection.device, profile=profile)
    raise PrinterConnectionStringError(
        value=connection.text, reason="the virtual printer is resolved by the print service"
    )


def _require(module: str, kind: str, package: str) -> None:
    try:
        __import__(module)
    except ImportError as error:
        raise PrinterSupportMissingError(kind=kind, package=package) from error
