"""The voucher printer the settings name (``printer.*``), with the voucher's own lines
(``voucher.header``, ``voucher.footer``).

:class:`ConfiguredPrinter` is what the counter prints through
(:class:`starpos.counter.vouchers.VoucherPrinter`). An empty ``printer.connection`` means the
virtual printer, which the printer package starts on the first print or status query.
"""

from __future__ import annotations

from PIL import Image

from starpos.devices.printer import (
    PrinterStatus,
    PrintResult,
    Voucher,
    print_voucher,
    printer_status,
    voucher_preview,
)
from starpos.devices.printer.service import print_slip, slip_preview
from starpos.devices.printer.slip import Slip
from starpos.devices.printer.template import Template
from starpos.settings import Settings


class ConfiguredPrinter:
    """The printer of ``settings``. Each call reads the settings file again when it changed
    (one ``stat``), so what the settings window or ``starpos settings set`` saved applies at
    the next print; calls do blocking printer I/O (a window calls them on its printer
    worker)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def _current(self) -> Settings:
        self._settings.refresh()
        return self._settings

    @property
    def header_lines(self) -> tuple[str, ...]:
        return tuple(str(self._current().get("voucher.header")).splitlines())

    @property
    def footer_lines(self) -> tuple[str, ...]:
        return tuple(str(self._current().get("voucher.footer")).splitlines())

    def print(self, voucher: Voucher, template: Template | None = None) -> PrintResult:
        """Print ``voucher`` laid out by ``template`` (None: the sale voucher's)."""
        return print_voucher(voucher, self._current(), template)

    def preview(self, voucher: Voucher, template: Template | None = None) -> Image.Image:
        return voucher_preview(voucher, self._current(), template)

    def print_slip(self, slip: Slip) -> PrintResult:
        """Print a report or slip (X, Z, cash movement) on the voucher paper."""
        return print_slip(slip, self._current())

    def preview_slip(self, slip: Slip) -> Image.Image:
        return slip_preview(slip, self._current())

    def status(self) -> PrinterStatus:
        return printer_status(self._current())
