"""What the embedded virtual printer put on paper, waited for with Qt's event loop running.

A window submits a print from a callback that runs on the GUI thread once its database job
is done; a test that slept instead of processing events would starve that callback and wait
for paper that is never asked for (it happened under CI load: the record was in the store,
the print request still queued on the GUI thread)."""

from __future__ import annotations

from pytestqt.exceptions import TimeoutError as QtTimeout
from pytestqt.qtbot import QtBot

from starpos.devices.printer.virtual.launcher import output_folder


def papers(containing: str = "") -> list[str]:
    """The texts of the vouchers printed so far (oldest first) that contain ``containing``."""
    found = []
    for path in sorted(output_folder().glob("voucher-*.txt")):
        text = path.read_text(encoding="utf-8")
        if containing in text:
            found.append(text)
    return found


def printed(qtbot: QtBot, containing: str = "", count: int = 1, timeout_s: float = 60) -> list[str]:
    """The texts of the vouchers containing ``containing``, once at least ``count`` are out."""
    try:
        qtbot.waitUntil(lambda: len(papers(containing)) >= count, timeout=int(timeout_s * 1000))
    except QtTimeout:
        found = len(papers(containing))
        raise AssertionError(
            f"{count} prints with {containing!r} expected, found {found}"
        ) from None
    return papers(containing)
