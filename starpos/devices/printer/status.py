"""Real-time printer status: ESC/POS ``DLE EOT n`` answers, decoded.

Each query ``DLE EOT n`` is answered with one byte whose bits 1 and 4 are always set
(``0x12``) and bits 0 and 7 are always clear (Epson ESC/POS reference, "DLE EOT"):

- ``n = 1`` printer status: bit 3 (``0x08``) offline.
- ``n = 2`` offline cause: bit 2 (``0x04``) cover open, bit 5 (``0x20``) printing stopped
  by paper end, bit 6 (``0x40``) an error occurred.
- ``n = 4`` roll paper sensor: bits 2-3 (``0x0C``) paper near its end, bits 5-6 (``0x60``)
  no paper.

The virtual printer answers with :func:`answers_for`; the driver decodes with
:func:`decode_status`. Both sides share these numbers, and the tests check them against
python-escpos' own masks (``RT_MASK_*``).
"""

from __future__ import annotations

from dataclasses import dataclass

FIXED_BITS = 0x12
FIXED_MASK = 0x93
OFFLINE = 0x08
COVER_OPEN = 0x04
PAPER_END_STOP = 0x20
ERROR = 0x40
PAPER_NEAR_END = 0x0C
PAPER_OUT = 0x60

QUERY_PRINTER = 1
QUERY_OFFLINE_CAUSE = 2
QUERY_ERROR_CAUSE = 3
QUERY_PAPER = 4

#: States a printer can be in, from the cashier's point of view.
READY = "ready"
PAPER_LOW = "paper-near-end"
OFFLINE_STATE = "offline"
COVER_OPEN_STATE = "cover-open"
PAPER_OUT_STATE = "paper-out"
ERROR_STATE = "error"
UNKNOWN = "unknown"
FAULT_STATES = (READY, PAPER_LOW, OFFLINE_STATE, COVER_OPEN_STATE, PAPER_OUT_STATE, ERROR_STATE)


def answers_for(state: str) -> dict[int, int]:
    """The byte a printer in ``state`` answers to ``DLE EOT 1..4``."""
    printer = offline = error = paper = FIXED_BITS
    if state == PAPER_LOW:
        paper |= PAPER_NEAR_END
    elif state == PAPER_OUT_STATE:
        printer |= OFFLINE
        offline |= PAPER_END_STOP
        paper |= PAPER_OUT | PAPER_NEAR_END
    elif state == COVER_OPEN_STATE:
        printer |= OFFLINE
        offline |= COVER_OPEN
    elif state == ERROR_STATE:
        printer |= OFFLINE
        offline |= ERROR
        error |= 0x20  # unrecoverable error
    elif state == OFFLINE_STATE:
        printer |= OFFLINE
    return {
        QUERY_PRINTER: printer,
        QUERY_OFFLINE_CAUSE: offline,
        QUERY_ERROR_CAUSE: error,
        QUERY_PAPER: paper,
    }


@dataclass(frozen=True)
class StatusBytes:
    """The raw answers to ``DLE EOT 1``, ``2`` and ``4`` (kept for logs and the JSON output)."""

    printer: int
    offline_cause: int
    paper: int


def decode_status(answers: StatusBytes) -> str:
    """The state (one of :data:`FAULT_STATES`, or :data:`UNKNOWN` for a malformed answer)."""
    for byte in (answers.printer, answers.offline_cause, answers.paper):
        if byte & FIXED_MASK != FIXED_BITS:
            return UNKNOWN
    if answers.offline_cause & COVER_OPEN:
        return COVER_OPEN_STATE
    if answers.paper & PAPER_OUT == PAPER_OUT or answers.offline_cause & PAPER_END_STOP:
        return PAPER_OUT_STATE
    if answers.offline_cause & ERROR:
        return ERROR_STATE
    if answers.printer & OFFLINE:
        return OFFLINE_STATE
    if answers.paper & PAPER_NEAR_END == PAPER_NEAR_END:
        return PAPER_LOW
    return READY
