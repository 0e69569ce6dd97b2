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
from starpos.settings import Settings


class ConfiguredPrinter:
    """The printer of ``settings``. Each call reads the settings object as it is then, and
    does blocking printer I/O (a window calls it on its printer worker)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    @property
    def header_lines(self) -> tuple[str, ...]:
        return tuple(str(self._settings.get("voucher.header")).splitlines())

    @property
    def footer_lines(self) -> tuple[str, ...]:
        return tuple(str(self._settings.get("voucher.footer")).splitlines())

    def print(self, voucher: Voucher) -> PrintResult:
        return print_voucher(voucher, self._settings)

    def preview(self, voucher: Voucher) -> Image.Image:
        return voucher_preview(voucher, self._settings)

    def status(self) -> PrinterStatus:
        return printer_status(self._settings)
