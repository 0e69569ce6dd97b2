"""One look at every device of the installation: what ``starpos devices list`` prints and
the wizard's secure module, printer and card reader pages start from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from starpos.devices.discovery.card_readers import ReaderListing, list_readers
from starpos.devices.discovery.printers import PrinterListing, list_usb_printers
from starpos.devices.discovery.serial_ports import PortProbe, find_modules
from starpos.errors import StarposError


@dataclass(frozen=True)
class Survey:
    ports: tuple[PortProbe, ...]
    printers: PrinterListing
    readers: ReaderListing

    @property
    def modules(self) -> list[PortProbe]:
        return [probe for probe in self.ports if probe.found_module]

    def to_json(self, render: Any) -> dict[str, Any]:
        """A JSON-ready dict; ``render`` turns an error into the reader's language."""

        def problem(error: StarposError | None) -> dict[str, str] | None:
            return None if error is None else {"code": error.code, "message": render(error)}

        return {
            "ports": [
                {
                    "device": probe.port.device,
                    "label": probe.port.label,
                    "usb_ids": probe.port.usb_ids or None,
                    "bridge": probe.port.bridge,
                    "listed": probe.port.listed,
                    "module": None
                    if probe.identity is None
                    else {
                        "module_id": probe.identity.module_id,
                        "firmware": probe.identity.firmware,
                        "key_check": probe.identity.key_check,
                        "keys": probe.identity.key_count,
                        "training": probe.identity.training,
                    },
                    "problem": problem(probe.problem),
                }
                for probe in self.ports
            ],
            "printers": {
                "usb": [
                    {"connection": p.connection, "label": p.label} for p in self.printers.printers
                ],
                "problem": problem(self.printers.problem),
            },
            "card_readers": {
                "readers": list(self.readers.readers),
                "problem": problem(self.readers.problem),
            },
        }


def survey(extra_ports: Iterable[str] = (), baud: int = 115200) -> Survey:
    """Probe every serial port (and ``extra_ports``), list USB printers and PC/SC readers."""
    return Survey(tuple(find_modules(extra_ports, baud)), list_usb_printers(), list_readers())
