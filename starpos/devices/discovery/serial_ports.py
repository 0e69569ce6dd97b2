"""Serial ports and the secure module on each of them.

:func:`list_ports` is pyserial's own listing (``serial.tools.list_ports.comports``, the
"Ports (COM & LPT)" of the STAR manual §1.1) plus the paths the installer typed or the
settings name: a pty, a socat link or a udev alias that the listing does not show.
:func:`probe_port` opens one port with the real driver and asks ``SM?ID``; every way that
can fail becomes a :mod:`.problems` error.
"""

from __future__ import annotations

import errno
import getpass
import grp
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from serial.tools import list_ports as pyserial_listing

from starpos.devices.discovery.problems import (
    NoModuleOnPortError,
    PortBusyError,
    PortMissingError,
    PortPermissionError,
)
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import (
    SmError,
    SmNotConnectedError,
    SmProtocolError,
    SmTimeoutError,
)
from starpos.devices.sm.messages import ModuleIdentity
from starpos.errors import DeviceError

#: USB-UART bridges that secure modules are sold with, by (vendor id, product id). The STAR
#: manual's TSM2xx module shows up as "Silicon Labs CP210x USB to UART Bridge (COM X)".
KNOWN_BRIDGES: dict[tuple[int, int], str] = {
    (0x10C4, 0xEA60): "Silicon Labs CP210x USB to UART Bridge",
}
#: The group Debian's udev rules give serial ports to.
SERIAL_GROUP = "dialout"
#: A probe must not keep the wizard waiting on a port where nothing answers.
PROBE_TIMEOUT_S = 0.6


@dataclass(frozen=True)
class SerialPort:
    """One port: ``device`` is what to put in the ``sm.url`` setting.

    ``listed`` is False for a path the installer typed (the OS listing did not show it);
    ``vid``/``pid`` are the USB ids when the port is a USB bridge.
    """

    device: str
    description: str = ""
    hwid: str = ""
    vid: int | None = None
    pid: int | None = None
    serial_number: str | None = None
    listed: bool = True

    @property
    def usb_ids(self) -> str:
        """``10c4:ea60`` for a USB port, ``""`` otherwise."""
        if self.vid is None or self.pid is None:
            return ""
        return f"{self.vid:04x}:{self.pid:04x}"

    @property
    def bridge(self) -> str | None:
        """The name of a known secure-module bridge on this port (None otherwise)."""
        if self.vid is None or self.pid is None:
            return None
        return KNOWN_BRIDGES.get((self.vid, self.pid))

    @property
    def label(self) -> str:
        """What a person recognises: ``/dev/ttyUSB0 - Silicon Labs CP210x ... (10c4:ea60)``."""
        name = self.bridge or (self.description if self.description not in ("", "n/a") else "")
        parts = [self.device]
        if name:
            parts.append(f"- {name}")
        if self.usb_ids:
            parts.append(f"({self.usb_ids})")
        return " ".join(parts)


@dataclass(frozen=True)
class PortProbe:
    """What one port answered: a module's identity, or the problem in installer words."""

    port: SerialPort
    identity: ModuleIdentity | None = None
    problem: DeviceError | None = None

    @property
    def found_module(self) -> bool:
        return self.identity is not None


def list_ports(extra: Iterable[str] = ()) -> list[SerialPort]:
    """The ports the OS lists (bridges of :data:`KNOWN_BRIDGES` first), then ``extra``.

    ``extra`` paths or URLs (the configured ``sm.url``, a typed path) are added unless
    already listed; symbolic links are listed too (a udev alias such as
    ``/dev/serial/by-id/...`` or ``/dev/ttySM``).
    """
    ports = [
        SerialPort(
            device=info.device,
            description=info.description or "",
            hwid=info.hwid or "",
            vid=info.vid,
            pid=info.pid,
            serial_number=info.serial_number,
        )
        for info in pyserial_listing.comports(include_links=True)
    ]
    ports.sort(key=lambda port: (port.bridge is None, port.device))
    seen = {port.device for port in ports}
    for path in extra:
        if path and path not in seen:
            seen.add(path)
            ports.append(SerialPort(device=path, listed=False))
    return ports


def probe_port(port: SerialPort, baud: int = 115200) -> PortProbe:
    """Open ``port`` with the secure module driver and ask who it is (``SM?ID``).

    No credential: identifying needs no session, so a module paired with another
    terminal is still found (and the wizard says so when it signs in later).
    """
    module = SecureModule(port.device, baud=baud, timeout_s=PROBE_TIMEOUT_S, max_tries=1)
    try:
        return PortProbe(port, identity=module.identify())
    except SmNotConnectedError as error:
        return PortProbe(port, problem=_open_problem(port.device, error))
    except SmTimeoutError:
        native = f"no answer within {PROBE_TIMEOUT_S} s"
        return PortProbe(
            port, problem=NoModuleOnPortError(port=port.device, baud=baud, native=native)
        )
    except SmProtocolError as error:
        native = str(error.params.get("reason", error.code))
        return PortProbe(
            port, problem=NoModuleOnPortError(port=port.device, baud=baud, native=native)
        )
    except SmError as error:
        return PortProbe(port, problem=error)
    finally:
        module.close()


def find_modules(extra: Iterable[str] = (), baud: int = 115200) -> list[PortProbe]:
    """Every port probed, in :func:`list_ports` order; a link to a port already probed
    (``/dev/serial/by-id/...``) gets that port's answer instead of a second probe."""
    probes: list[PortProbe] = []
    by_target: dict[str, PortProbe] = {}
    for port in list_ports(extra):
        target = os.path.realpath(port.device) if "://" not in port.device else port.device
        known = by_target.get(target)
        probe = probe_port(port, baud) if known is None else replace(known, port=port)
        by_target.setdefault(target, probe)
        probes.append(probe)
    return probes


def _open_problem(device: str, error: SmNotConnectedError) -> DeviceError:
    """The installer's reading of a port that would not open (the driver keeps the cause)."""
    cause = error.__cause__
    number = getattr(cause, "errno", None)
    text = str(cause)
    native = str(error.params.get("native", text))
    if number in (errno.EACCES, errno.EPERM):
        return _permission(device, native)
    if number == errno.ENOENT or "No such file" in text:
        return PortMissingError(port=device, native=native)
    # pyserial's exclusive lock (flock) failing says so in words, without an errno.
    if number in (errno.EBUSY, errno.EAGAIN) or "exclusively lock" in text:
        return PortBusyError(port=device, holder=port_holder(device), native=native)
    return error


def _permission(device: str, native: str) -> PortPermissionError:
    # The group that may open the port (udev gives serial ports to dialout); a port owned by
    # the root group is opened by no group a user can join, so the standard one is named.
    try:
        group = grp.getgrgid(os.stat(device).st_gid).gr_name
    except (OSError, KeyError):
        group = SERIAL_GROUP
    if group == "root":
        group = SERIAL_GROUP
    return PortPermissionError(port=device, user=getpass.getuser(), group=group, native=native)


def port_holder(device: str) -> str:
    """``name (pid N)`` of the process holding the lock on ``device``, or ``unknown program``.

    The driver locks a port with ``flock``; ``/proc/locks`` names the pid holding a lock on
    the device's inode (Linux). A program that opened the port without locking it leaves
    no trace there, and then the answer is the honest ``unknown program``.
    """
    try:
        info = os.stat(device)
    except OSError:
        return "unknown program"
    wanted = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    try:
        lines = Path("/proc/locks").read_text(encoding="ascii").splitlines()
    except OSError:
        return "unknown program"
    for line in lines:
        fields = line.split()
        # "1: FLOCK  ADVISORY  WRITE 1234 00:19:5 0 EOF" (blocked waiters start with "->")
        if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == wanted:
            pid = fields[4]
            try:
                name = Path(f"/proc/{pid}/comm").read_text(encoding="utf-8").strip()
            except OSError:
                name = "?"
            return f"{name} (pid {pid})"
    return "unknown program"
