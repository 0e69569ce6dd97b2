"""Moving frames to and from the module over pyserial; nothing here knows the protocol.

The port is a device path (``/dev/ttyUSB0``, a pty such as ``/dev/pts/3``) or any pyserial
URL (``socket://127.0.0.1:PORT``), opened with :func:`serial.serial_for_url`. Local ports are
locked exclusively so two programs never interleave frames on one module.
"""

from __future__ import annotations

import contextlib

import serial

from starpos.devices.sm.errors import SmConnectionLostError, SmNotConnectedError
from starpos.devices.sm.frames import MAX_FRAME_LENGTH, TERMINATOR

try:
    from termios import error as _TermiosError
except ImportError:  # not POSIX: pyserial raises SerialException/OSError only
    _TermiosError = OSError  # type: ignore[misc,assignment]

#: What pyserial lets escape when a port vanishes (a vanished pty raises termios.error).
PORT_ERRORS: tuple[type[Exception], ...] = (serial.SerialException, OSError, _TermiosError)
_OPEN_ERRORS: tuple[type[Exception], ...] = (*PORT_ERRORS, ValueError)


def _native(error: BaseException) -> str:
    errno = getattr(error, "errno", None)
    return f"errno {errno}: {error}" if errno is not None else str(error)


class SerialTransport:
    """One open port. ``baud`` bits/s; ``timeout_s`` bounds each frame read, in seconds."""

    def __init__(self, url: str, baud: int = 115200, timeout_s: float = 2.0) -> None:
        self.url = url
        self.baud = baud
        self.timeout_s = timeout_s
        self._port: serial.SerialBase | None = None

    @property
    def is_open(self) -> bool:
        return self._port is not None and self._port.is_open

    def open(self) -> None:
        """Open the port (idempotent); raises :class:`SmNotConnectedError`."""
        if self.is_open:
            return
        try:
            port = serial.serial_for_url(
                self.url,
                do_not_open=True,
                baudrate=self.baud,
                bytesize=serial.EIGHTBITS,
                parity=serial.PARITY_NONE,
                stopbits=serial.STOPBITS_ONE,
                timeout=self.timeout_s,
                write_timeout=self.timeout_s,
            )
            if "://" not in self.url:
                port.exclusive = True  # flock: a second program gets "could not lock"
            port.open()
        except _OPEN_ERRORS as error:
            raise SmNotConnectedError(url=self.url, native=_native(error)) from error
        self._port = port

    def close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            # The port may be gone already; closing is all we wanted.
            with contextlib.suppress(*PORT_ERRORS):
                port.close()

    def write(self, frame: bytes) -> None:
        port = self._require()
        try:
            port.write(frame)
            port.flush()
        except PORT_ERRORS as error:
            self.close()
            raise SmConnectionLostError(url=self.url, native=_native(error)) from error

    def read_frame(self, timeout_s: float | None = None) -> bytes | None:
        """The next CR-ended frame, or ``None`` if none completed within the timeout.

        A partial frame left by a timeout stays buffered; call :meth:`flush_input`.
        """
        port = self._require()
        try:
            if timeout_s is not None:
                port.timeout = timeout_s
            data = port.read_until(TERMINATOR, MAX_FRAME_LENGTH + 1)
        except PORT_ERRORS as error:
            self.close()
            raise SmConnectionLostError(url=self.url, native=_native(error)) from error
        finally:
            if timeout_s is not None and self._port is not None:
                self._port.timeout = self.timeout_s
        if not data.endswith(TERMINATOR):
            return None if len(data) <= MAX_FRAME_LENGTH else data
        return bytes(data)

    def flush_input(self) -> None:
        """Drop whatever the module sent that was not read (late or partial answers)."""
        port = self._require()
        try:
            port.reset_input_buffer()
        except PORT_ERRORS as error:
            self.close()
            raise SmConnectionLostError(url=self.url, native=_native(error)) from error

    def _require(self) -> serial.SerialBase:
        if self._port is None:
            raise SmConnectionLostError(url=self.url, native="port is closed")
        return self._port
