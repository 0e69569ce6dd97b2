"""Plug a :class:`VirtualCard` into vsmartcard's vpcd reader driver over TCP.

vpcd (loaded by pcscd) listens on one port per reader slot (35963 = ``Virtual PCD 00 00``,
35964 = ``00 01``); the card is the TCP client. Every message both ways is a 2-byte
big-endian length and a payload. A 1-byte payload from vpcd is a control code (0 power
off, 1 power on, 2 reset, 4 send the ATR); anything longer is a C-APDU answered with the
R-APDU. Connected = card inserted, disconnected = card removed.
"""

from __future__ import annotations

import logging
import select
import socket
import struct
import threading

from starpos.devices.card.layout import ATR
from starpos.devices.card.virtual_card import VirtualCard

log = logging.getLogger(__name__)

CONTROL_POWER_OFF = 0
CONTROL_POWER_ON = 1
CONTROL_RESET = 2
CONTROL_ATR = 4
DEFAULT_PORT = 35963


class _Disconnected(Exception):
    pass


def _quick_ack(sock: socket.socket) -> None:
    # vpcd writes the 2-byte length and the payload in two send() calls; with Nagle on its
    # side and delayed ACKs on ours, every APDU would wait ~40 ms for our ACK. Linux resets
    # TCP_QUICKACK after each receive, so it is set again before every read.
    quick_ack = getattr(socket, "TCP_QUICKACK", None)
    if quick_ack is not None:
        sock.setsockopt(socket.IPPROTO_TCP, quick_ack, 1)


def _recv_exact(sock: socket.socket, count: int) -> bytes:
    chunks = bytearray()
    while len(chunks) < count:
        _quick_ack(sock)
        part = sock.recv(count - len(chunks))
        if not part:
            raise _Disconnected
        chunks += part
    return bytes(chunks)


class VpcdCardLink:
    """Keeps ``card`` inserted in the vpcd reader at ``host:port`` until told otherwise.

    :meth:`remove` and :meth:`insert` may be called from any thread (or a signal handler);
    the card reconnects by itself when vpcd restarts. After a torn UPDATE BINARY the card
    stays out of the reader until :meth:`insert`.
    """

    def __init__(self, card: VirtualCard, host: str = "127.0.0.1", port: int = DEFAULT_PORT):
        self.card = card
        self.host = host
        self.port = port
        self._want_inserted = threading.Event()
        self._want_inserted.set()
        self._stop = threading.Event()
        self.connected = threading.Event()

    def insert(self) -> None:
        self._want_inserted.set()

    def remove(self) -> None:
        self._want_inserted.clear()

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        """Serve until :meth:`stop`; returns when stopped."""
        while not self._stop.is_set():
            if not self._want_inserted.is_set():
                self._stop.wait(0.05)
                continue
            try:
                sock = socket.create_connection((self.host, self.port), timeout=1.0)
            except OSError:
                self._stop.wait(0.2)  # vpcd not listening (yet): try again shortly
                continue
            try:
                self.connected.set()
                self._serve(sock)
            except (_Disconnected, OSError) as error:
                log.info("vpcd connection ended: %s", error)
            finally:
                self.connected.clear()
                sock.close()

    def _serve(self, sock: socket.socket) -> None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(5.0)
        self.card.power_on()
        while not self._stop.is_set() and self._want_inserted.is_set():
            readable, _, _ = select.select([sock], [], [], 0.05)
            if not readable:
                continue
            (length,) = struct.unpack("!H", _recv_exact(sock, 2))
            message = _recv_exact(sock, length)
            if length == 1:
                reply = self._control(message[0])
            else:
                reply = self.card.process(message)
                if self.card.torn:
                    # The chip lost power in the middle of a write: no answer, card out.
                    self._want_inserted.clear()
                    return
            if reply is not None:
                sock.sendall(struct.pack("!H", len(reply)) + reply)

    def _control(self, code: int) -> bytes | None:
        if code == CONTROL_ATR:
            return ATR
        if code in (CONTROL_POWER_ON, CONTROL_RESET):
            self.card.power_on()
        return None
