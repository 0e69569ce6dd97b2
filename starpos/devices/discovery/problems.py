"""Why a device could not be found or used, in words an installer can act on.

Each is a :class:`~starpos.errors.DeviceError` with an English template (translated at
display time, context ``errors``) and the native error kept in ``native`` so a support
person can still look it up.
"""

from __future__ import annotations

from starpos.errors import DeviceError


class DiscoveryProblem(DeviceError):
    code = "device.discovery"
    template = "The device could not be checked ({native})."


class PortBusyError(DiscoveryProblem):
    code = "device.discovery.port_busy"
    template = (
        "The port {port} is used by another program ({holder}). Close that program, then try again."
    )


class PortPermissionError(DiscoveryProblem):
    code = "device.discovery.port_permission"
    template = (
        "Permission denied on {port}: add the user {user} to the {group} group "
        "(sudo usermod -aG {group} {user}), then log out and in again."
    )


class PortMissingError(DiscoveryProblem):
    code = "device.discovery.port_missing"
    template = (
        "There is no port {port}: the module is unplugged or the name is wrong. Plug it in "
        "and look for it in the list again."
    )


class NoModuleOnPortError(DiscoveryProblem):
    code = "device.discovery.no_module"
    template = (
        "No secure module answered on {port} at {baud} baud ({native}). Another device is "
        "connected there, or the module is switched off."
    )


class PcscServiceMissingError(DiscoveryProblem):
    code = "device.discovery.no_pcsc_service"
    template = (
        "No PC/SC service running ({native}): install and start pcscd "
        "(sudo apt install pcscd, then sudo systemctl start pcscd)."
    )


class PcscLibraryMissingError(DiscoveryProblem):
    code = "device.discovery.no_pyscard"
    template = (
        "The smart card library is not installed ({native}): install pyscard "
        "(pip install pyscard, it needs libpcsclite-dev) and start StarPOS again."
    )


class NoCardReaderError(DiscoveryProblem):
    code = "device.discovery.no_reader"
    template = (
        "No card reader is connected ({native}). Plug in the reader; if it is plugged in, "
        "check that pcscd has a driver for it (libccid)."
    )


class UsbUnavailableError(DiscoveryProblem):
    code = "device.discovery.no_usb"
    template = (
        "USB printers cannot be listed ({native}): install pyusb and libusb-1.0, or type "
        "the printer's network address or serial port instead."
    )


class UsbPermissionError(DiscoveryProblem):
    code = "device.discovery.usb_permission"
    template = (
        "Permission denied on the USB printer {device}: add a udev rule giving the user {user} "
        "access to it (or add the user to the lp group), then plug it in again."
    )


#: Every problem class, for the translation checks.
PROBLEMS = (
    DiscoveryProblem,
    PortBusyError,
    PortPermissionError,
    PortMissingError,
    NoModuleOnPortError,
    PcscServiceMissingError,
    PcscLibraryMissingError,
    NoCardReaderError,
    UsbUnavailableError,
    UsbPermissionError,
)
