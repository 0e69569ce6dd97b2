"""Printers a new installation can use: USB printers through pyusb (what python-escpos's
``Usb`` printer opens), and the network or serial printer the installer types in.

A USB device is a printer when its device class or one of its interfaces is the USB
printer class (7). Its connection string is ``usb:VID:PID`` (docs/printer.md).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Any

from starpos.devices.discovery.problems import UsbPermissionError, UsbUnavailableError
from starpos.errors import DeviceError

PRINTER_CLASS = 7


@dataclass(frozen=True)
class UsbPrinter:
    vendor_id: int
    product_id: int
    manufacturer: str = ""
    product: str = ""

    @property
    def connection(self) -> str:
        """The ``printer.connection`` setting for this printer."""
        return f"usb:{self.vendor_id:04x}:{self.product_id:04x}"

    @property
    def label(self) -> str:
        name = " ".join(part for part in (self.manufacturer, self.product) if part)
        return f"{self.connection} - {name}" if name else self.connection


@dataclass(frozen=True)
class PrinterListing:
    """The USB printers found, or why USB could not be searched (``problem``)."""

    printers: tuple[UsbPrinter, ...] = ()
    problem: DeviceError | None = None


def list_usb_printers() -> PrinterListing:
    """Every USB printer pyusb sees (an empty listing on a machine without USB)."""
    try:
        import usb.core
    except ImportError as error:
        return PrinterListing(problem=UsbUnavailableError(native=str(error)))
    try:
        devices = list(usb.core.find(find_all=True))
    except usb.core.NoBackendError as error:
        return PrinterListing(problem=UsbUnavailableError(native=str(error)))
    except usb.core.USBError as error:
        return PrinterListing(problem=UsbUnavailableError(native=str(error)))
    printers: list[UsbPrinter] = []
    problem: DeviceError | None = None
    for device in devices:
        if not _is_printer(device):
            continue
        try:
            names = (_string(device, "manufacturer"), _string(device, "product"))
        except PermissionError:
            names = ("", "")
            device_id = f"{device.idVendor:04x}:{device.idProduct:04x}"
            problem = UsbPermissionError(device=device_id, user=getpass.getuser(), native="EACCES")
        printers.append(UsbPrinter(device.idVendor, device.idProduct, *names))
    return PrinterListing(tuple(printers), problem)


def _is_printer(device: Any) -> bool:
    if device.bDeviceClass == PRINTER_CLASS:
        return True
    try:
        return any(
            interface.bInterfaceClass == PRINTER_CLASS
            for configuration in device
            for interface in configuration
        )
    except Exception:  # a descriptor we cannot read: not listed as a printer
        return False


def _string(device: Any, name: str) -> str:
    """A USB string descriptor; reading one needs access to the device node."""
    import usb.core

    try:
        return str(getattr(device, name) or "")
    except usb.core.USBError as error:
        if getattr(error, "errno", None) == 13:
            raise PermissionError(str(error)) from error
        return ""
    except ValueError:  # no language id: the device gives no strings
        return ""
