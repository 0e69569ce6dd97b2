"""Reader and card presence, watched from one background thread.

The thread blocks in ``SCardGetStatusChange`` (with a short timeout so it can stop) and
calls ``on_event`` with a :class:`PresenceEvent` for every change: a reader appearing or
going, a card inserted or removed, the PC/SC service lost or back. The callback runs on the
monitor thread; the UI layer re-emits it as a Qt signal (``card_inserted`` ...) so widgets
only ever see it on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from smartcard import scard

from starpos.devices.card import errors as E

log = logging.getLogger(__name__)

_PNP = "\\\\?PnP?\\Notification"


class PresenceKind(Enum):
    READER_ADDED = "reader-added"
    READER_REMOVED = "reader-removed"
    CARD_INSERTED = "card-inserted"
    CARD_REMOVED = "card-removed"
    SERVICE_LOST = "service-lost"
    SERVICE_BACK = "service-back"


@dataclass(frozen=True)
class PresenceEvent:
    kind: PresenceKind
    reader: str = ""
    atr: bytes = b""


class CardPresenceMonitor:
    """Watches every PC/SC reader; ``start()`` begins, ``stop()`` ends and joins.

    The first scan reports the readers and cards already there as added/inserted, so a
    listener needs no separate initial query. ``poll_ms`` bounds how long ``stop()`` waits.
    """

    def __init__(self, on_event: Callable[[PresenceEvent], None], poll_ms: int = 200) -> None:
        self._on_event = on_event
        self._poll_ms = poll_ms
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._cards: dict[str, bytes | None] = {}  # reader -> ATR of the card in it, or None
        self._service_up = True

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="card-monitor", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _emit(self, kind: PresenceKind, reader: str = "", atr: bytes = b"") -> None:
        try:
            self._on_event(PresenceEvent(kind, reader, atr))
        except Exception:  # a listener's bug must not kill presence for everyone
            log.exception("card presence listener failed")

    def _run(self) -> None:
        context: int | None = None
        while not self._stop.is_set():
            try:
                if context is None:
                    context = self._establish()
                self._scan(context)
            except E.CardServiceError:
                if context is not None:
                    scard.SCardReleaseContext(context)
                    context = None
                self._service_lost()
                self._stop.wait(0.5)
        if context is not None:
            scard.SCardReleaseContext(context)

    def _establish(self) -> int:
        hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            raise E.CardServiceError(pcsc=E.pcsc_code(hresult))
        if not self._service_up:
            self._service_up = True
            self._emit(PresenceKind.SERVICE_BACK)
        return int(context)

    def _service_lost(self) -> None:
        for reader in list(self._cards):
            self._forget(reader)
        if self._service_up:
            self._service_up = False
            self._emit(PresenceKind.SERVICE_LOST)

    def _forget(self, reader: str) -> None:
        if self._cards.pop(reader, None) is not None:
            self._emit(PresenceKind.CARD_REMOVED, reader)
        self._emit(PresenceKind.READER_REMOVED, reader)

    def _scan(self, context: int) -> None:
        hresult, readers = scard.SCardListReaders(context, [])
        code = hresult & 0xFFFFFFFF
        if code in (E.SCARD_E_NO_SERVICE, E.SCARD_E_SERVICE_STOPPED):
            raise E.CardServiceError(pcsc=E.pcsc_code(code))
        readers = list(readers) if hresult == scard.SCARD_S_SUCCESS else []
        for reader in [r for r in self._cards if r not in readers]:
            self._forget(reader)
        for reader in readers:
            if reader not in self._cards:
                self._cards[reader] = None
                self._emit(PresenceKind.READER_ADDED, reader)
        states = [(r, scard.SCARD_STATE_UNAWARE) for r in readers]
        states.append((_PNP, scard.SCARD_STATE_UNAWARE))
        hresult, states = scard.SCardGetStatusChange(context, 0, states)
        if hresult != scard.SCARD_S_SUCCESS:
            if (hresult & 0xFFFFFFFF) in (E.SCARD_E_NO_SERVICE, E.SCARD_E_SERVICE_STOPPED):
                raise E.CardServiceError(pcsc=E.pcsc_code(hresult))
            self._stop.wait(self._poll_ms / 1000)
            return
        self._update(states)
        # Block until something changes (or the poll period ends, to honour stop()).
        watched = [(name, event & ~scard.SCARD_STATE_CHANGED, atr) for name, event, atr in states]
        hresult, changed = scard.SCardGetStatusChange(
            context, self._poll_ms, [(name, event) for name, event, _ in watched]
        )
        if hresult == scard.SCARD_S_SUCCESS:
            self._update(changed)

    def _update(self, states: list[tuple[str, int, list[int]]]) -> None:
        for reader, event, atr in states:
            if reader == _PNP or reader not in self._cards:
                continue
            present = bool(event & scard.SCARD_STATE_PRESENT) and not (
                event & scard.SCARD_STATE_MUTE
            )
            previous = self._cards[reader]
            if present and previous is None:
                self._cards[reader] = bytes(atr)
                self._emit(PresenceKind.CARD_INSERTED, reader, bytes(atr))
            elif not present and previous is not None:
                self._cards[reader] = None
                self._emit(PresenceKind.CARD_REMOVED, reader)
