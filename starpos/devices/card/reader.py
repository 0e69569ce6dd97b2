"""PC/SC reader driver over pyscard's ``smartcard.scard`` (any PC/SC reader, any OS).

The driver only moves APDUs; what they mean is in :mod:`sun_card`. Every PC/SC failure
becomes a typed :class:`CardError` that keeps the native return code (``pcsc``), so
"service down", "no reader", "no card" and "card pulled out" read differently to a user.
A :class:`PcscReaders` object holds one PC/SC context; use it from one thread at a time
(the UI runs card work on its card worker thread).
"""

from __future__ import annotations

import threading
from types import TracebackType

from smartcard import scard

from starpos.devices.card import errors as E

_CONNECT_PROTOCOLS = scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1


def _code(hresult: int) -> int:
    return hresult & 0xFFFFFFFF


def error_for(hresult: int, reader: str = "") -> E.CardError:
    """The typed error for a failed PC/SC call (``hresult`` as returned by pyscard)."""
    code = _code(hresult)
    params = {"pcsc": E.pcsc_code(code), "reader": reader}
    if code in (E.SCARD_E_NO_SERVICE, E.SCARD_E_SERVICE_STOPPED):
        return E.CardServiceError(**params)
    if code == E.SCARD_E_NO_READERS_AVAILABLE:
        return E.NoReadersError(**params)
    if code in (E.SCARD_E_UNKNOWN_READER, E.SCARD_E_READER_UNAVAILABLE):
        return E.NoReaderError(**params)
    if code == E.SCARD_E_NO_SMARTCARD:
        return E.NoCardError(**params)
    if code in (
        E.SCARD_W_REMOVED_CARD,
        E.SCARD_E_NOT_TRANSACTED,
        E.SCARD_W_UNPOWERED_CARD,
        E.SCARD_W_RESET_CARD,
        E.SCARD_W_UNRESPONSIVE_CARD,
    ):
        return E.CardRemovedError(**params)
    return E.CardError(**params)


class CardConnection:
    """An open connection to the card in one reader. Use as a context manager."""

    def __init__(self, owner: PcscReaders, reader: str, handle: int, protocol: int) -> None:
        self._owner = owner
        self.reader = reader
        self._handle: int | None = handle
        self._protocol = protocol

    @property
    def atr(self) -> bytes:
        """The card's answer-to-reset bytes."""
        with self._owner.lock:
            hresult, _reader, _state, _protocol, atr = scard.SCardStatus(self._require())
        if hresult != scard.SCARD_S_SUCCESS:
            raise error_for(hresult, self.reader)
        return bytes(atr)

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        """Send one C-APDU; returns (response data, status word SW1SW2 as an int)."""
        self._owner.check_thread()
        with self._owner.lock:
            hresult, response = scard.SCardTransmit(self._require(), self._protocol, list(apdu))
        if hresult != scard.SCARD_S_SUCCESS:
            raise error_for(hresult, self.reader)
        if len(response) < 2:
            # No status word: the card went mute mid-command. vpcd reports a card that drops
            # out during an APDU this way; a hardware reader says 0x80100016 for it.
            raise E.CardRemovedError(pcsc=E.pcsc_code(E.SCARD_E_NOT_TRANSACTED), reader=self.reader)
        return bytes(response[:-2]), response[-2] << 8 | response[-1]

    def close(self) -> None:
        """Disconnect (leaving the card as it is); safe to call twice or after removal."""
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        with self._owner.lock:
            scard.SCardDisconnect(handle, scard.SCARD_LEAVE_CARD)

    def _require(self) -> int:
        if self._handle is None:
            raise E.CardRemovedError(pcsc="-", reader=self.reader)
        return self._handle

    def __enter__(self) -> CardConnection:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class PcscReaders:
    """The PC/SC service: list readers and connect to the card in one of them.

    The context is established lazily and re-established after pcscd restarts.
    """

    def __init__(self, owner: threading.Thread | None = None) -> None:
        self._context: int | None = None
        self.lock = threading.RLock()
        #: When set, every PC/SC call must come from this thread (``CardReaderWorker``
        #: sets it to its worker, so a call from the GUI thread fails loudly).
        self.owner = owner

    def check_thread(self) -> None:
        if self.owner is not None and threading.current_thread() is not self.owner:
            raise RuntimeError(
                f"card reader I/O must run on {self.owner.name}, "
                f"not on {threading.current_thread().name}"
            )

    def _ctx(self) -> int:
        self.check_thread()
        if self._context is None:
            hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            if hresult != scard.SCARD_S_SUCCESS:
                raise error_for(hresult)
            self._context = context
        return self._context

    def list_readers(self) -> list[str]:
        """Names of the readers pcscd knows, in its order; [] when there are none."""
        with self.lock:
            hresult, readers = scard.SCardListReaders(self._ctx(), [])
            if _code(hresult) in (E.SCARD_E_NO_SERVICE, E.SCARD_E_SERVICE_STOPPED):
                self._drop_context()  # pcscd went away: a fresh context next time
            if _code(hresult) == E.SCARD_E_NO_READERS_AVAILABLE:
                return []
            if hresult != scard.SCARD_S_SUCCESS:
                raise error_for(hresult)
            return list(readers)

    def card_present(self, reader: str) -> bool:
        with self.lock:
            hresult, states = scard.SCardGetStatusChange(
                self._ctx(), 0, [(reader, scard.SCARD_STATE_UNAWARE)]
            )
        if hresult != scard.SCARD_S_SUCCESS:
            raise error_for(hresult, reader)
        return bool(states[0][1] & scard.SCARD_STATE_PRESENT)

    def choose_reader(self, wanted: str | None = None) -> str:
        """``wanted`` if pcscd has it; with no name, the first reader holding a card (or
        the first reader)."""
        readers = self.list_readers()
        if wanted:
            if wanted not in readers:
                raise E.NoReaderError(pcsc=E.pcsc_code(E.SCARD_E_UNKNOWN_READER), reader=wanted)
            return wanted
        if not readers:
            raise E.NoReadersError(pcsc=E.pcsc_code(E.SCARD_E_NO_READERS_AVAILABLE))
        return next((r for r in readers if self.card_present(r)), readers[0])

    def connect(self, reader: str | None = None) -> CardConnection:
        """Connect (shared) to the card in ``reader``; raises NoCardError if it is empty."""
        name = self.choose_reader(reader)
        with self.lock:
            hresult, handle, protocol = scard.SCardConnect(
                self._ctx(), name, scard.SCARD_SHARE_SHARED, _CONNECT_PROTOCOLS
            )
        if hresult != scard.SCARD_S_SUCCESS:
            raise error_for(hresult, name)
        return CardConnection(self, name, handle, protocol)

    def _drop_context(self) -> None:
        if self._context is not None:
            scard.SCardReleaseContext(self._context)
            self._context = None

    def close(self) -> None:
        with self.lock:
            self._drop_context()
