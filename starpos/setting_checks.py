"""What makes a setting's value acceptable: one check per kind of setting.

A check takes the value (already of the setting's declared type) and raises
:class:`SettingReason` saying, in a clause a person can act on, why it is refused. Checks
look at the form of a value and at this computer (a file that must exist, a port that must
be there); they never connect to anything: ``starpos settings set --check`` does that.
:mod:`starpos.settings` attaches them to the declared settings and wraps the reason into
:class:`SettingRefusedError`. Heavy libraries (SQLAlchemy, python-escpos, the STA table
loader) are imported only when a value that needs them is checked, so reading the settings
stays cheap for a quick command.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starpos.errors import ConfigError
from starpos.i18n import LANGUAGES, tr_noop

#: A check raises :class:`SettingReason` for a value it refuses.
Check = Callable[[Any], None]


class SettingReason(ConfigError):
    """Why one value is refused: a clause that completes :class:`SettingRefusedError`."""

    code = "config.reason"
    template = "the value is not valid"


# Every reason a check gives (context "errors"; the translation test walks this tuple).
NOT_A_DATABASE_URL = tr_noop(
    "errors",
    "it is not a database URL; use sqlite:////FOLDER/starpos.db or "
    "postgresql+psycopg://USER@HOST/DATABASE, or leave it empty for SQLite in the data folder",
)
UNSUPPORTED_DATABASE = tr_noop(
    "errors",
    "StarPOS keeps its store in SQLite or PostgreSQL, not {backend}",
)
UNSUPPORTED_POSTGRES_DRIVER = tr_noop(
    "errors",
    "the PostgreSQL driver {driver} is not installed; write postgresql+psycopg://...",
)
SQLITE_NEEDS_A_FILE = tr_noop(
    "errors",
    "an SQLite store is a file: give its absolute path, as sqlite:////var/lib/starpos/starpos.db",
)
SQLITE_FOLDER_MISSING = tr_noop(
    "errors",
    "the folder {folder} does not exist; create it first",
)
POSTGRES_NEEDS_A_DATABASE = tr_noop(
    "errors",
    "name the database after the host, as postgresql+psycopg://USER@HOST:5432/DATABASE",
)
UNKNOWN_LANGUAGE = tr_noop(
    "errors",
    "StarPOS speaks {languages}; leave it empty to follow the system",
)
FILE_MISSING = tr_noop("errors", "there is no file {path}")
STA_TABLES_UNREADABLE = tr_noop(
    "errors",
    "{path} does not hold STA tables ({detail}); use the file supplied with the secure module",
)
PORT_FORM = tr_noop(
    "errors",
    "a module port is a device such as /dev/ttyUSB0 (COM3 on Windows) or socket://HOST:PORT",
)
PORT_MISSING = tr_noop(
    "errors",
    "there is no port {port} on this computer; plug the module in, or list the ports with "
    "ls /dev/ttyUSB* /dev/ttyACM*",
)
PORT_NOT_A_DEVICE = tr_noop("errors", "{port} is not a serial port")
PORT_ADDRESS = tr_noop(
    "errors",
    "give a host and a port between 1 and 65535, as socket://10.0.0.5:7000",
)
NOT_A_BAUD_RATE = tr_noop("errors", "a baud rate is one of {rates}")
OUT_OF_RANGE = tr_noop("errors", "it must be between {low} and {high}")
PRINTER_CONNECTION = tr_noop(
    "errors",
    "it is not a printer connection ({detail}); use for example network:192.168.1.50:9100, "
    "usb:04b8:0202, serial:/dev/ttyUSB0:19200, file:/dev/usb/lp0, cups:QUEUE, or leave it "
    "empty for the virtual printer",
)
UNKNOWN_PRINTER_PROFILE = tr_noop(
    "errors",
    "python-escpos knows no printer profile of that name; it knows for example TM-T88V, "
    "TM-T20II, POS-5890 and default",
)
PAPER_WIDTH = tr_noop("errors", "the paper is {widths} mm wide")
CONTROL_CHARACTERS = tr_noop(
    "errors",
    "it holds control characters, which the printer would take for commands",
)
TOO_MANY_LINES = tr_noop("errors", "it has {count} lines; at most {most} fit on a voucher")
LINE_TOO_LONG = tr_noop(
    "errors",
    "line {line} has {length} characters; at most {most} fit on the paper",
)
READER_NAME = tr_noop(
    "errors",
    "a reader name is one line of at most {most} characters, as starpos card readers lists it",
)
FOLDER_NOT_ABSOLUTE = tr_noop(
    "errors",
    "give the folder's absolute path (it starts with /), or leave it empty for the data folder",
)
NOT_A_FOLDER = tr_noop("errors", "{path} exists and is not a folder")
FOLDER_NOT_WRITABLE = tr_noop("errors", "StarPOS may not write in {path}")
DAILY_TIME = tr_noop(
    "errors",
    "give the time of day as HH:MM (24 hours, for example 12:30), or off",
)
TERMINAL_CODE = tr_noop(
    "errors",
    "a terminal code is 1 to 20 letters, digits, '-' or '_', as Terminals in the "
    "administration lists it",
)

REASONS = (
    NOT_A_DATABASE_URL,
    UNSUPPORTED_DATABASE,
    UNSUPPORTED_POSTGRES_DRIVER,
    SQLITE_NEEDS_A_FILE,
    SQLITE_FOLDER_MISSING,
    POSTGRES_NEEDS_A_DATABASE,
    UNKNOWN_LANGUAGE,
    FILE_MISSING,
    STA_TABLES_UNREADABLE,
    PORT_FORM,
    PORT_MISSING,
    PORT_NOT_A_DEVICE,
    PORT_ADDRESS,
    NOT_A_BAUD_RATE,
    OUT_OF_RANGE,
    PRINTER_CONNECTION,
    UNKNOWN_PRINTER_PROFILE,
    PAPER_WIDTH,
    CONTROL_CHARACTERS,
    TOO_MANY_LINES,
    LINE_TOO_LONG,
    READER_NAME,
    FOLDER_NOT_ABSOLUTE,
    NOT_A_FOLDER,
    FOLDER_NOT_WRITABLE,
    DAILY_TIME,
    TERMINAL_CODE,
)

#: The rates a secure module's USB-serial bridge runs at (the CP210x and pyserial's list
#: from 1200 up; the STAR module runs at 115200).
BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600)
PAPER_WIDTHS = (58, 80)
#: Lines of voucher text: the widest paper prints 48 characters of font A on a line; more
#: than this many header or footer lines push the token off a short roll's tear-off.
VOUCHER_LINES = 8
VOUCHER_COLUMNS = 48
READER_NAME_LENGTH = 128
DAILY_OFF = "off"
_DAILY_AT = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_PORT_ADDRESS = re.compile(r"^(?P<host>[^:/\s]+|\[[0-9A-Fa-f:]+\]):(?P<port>\d{1,5})$")


def nothing_to_check(value: Any) -> None:
    """A value of the declared type is enough (a yes/no setting)."""


def database_url(value: str) -> None:
    """Empty, an SQLite file by absolute path, or a PostgreSQL URL with the psycopg driver."""
    text = value.strip()
    if not text:
        return
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        raise SettingReason(NOT_A_DATABASE_URL) from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        path = url.database or ""
        if path in ("", ":memory:") or path.startswith("file:") or not os.path.isabs(path):
            raise SettingReason(SQLITE_NEEDS_A_FILE)
        folder = os.path.dirname(path)
        if not os.path.isdir(folder):
            raise SettingReason(SQLITE_FOLDER_MISSING, folder=folder)
        return
    if backend == "postgresql":
        if url.get_driver_name() != "psycopg":
            raise SettingReason(UNSUPPORTED_POSTGRES_DRIVER, driver=url.get_driver_name())
        if not url.database:
            raise SettingReason(POSTGRES_NEEDS_A_DATABASE)
        return
    raise SettingReason(UNSUPPORTED_DATABASE, backend=backend)


def language(value: str) -> None:
    if value and value not in LANGUAGES:
        raise SettingReason(UNKNOWN_LANGUAGE, languages=", ".join(LANGUAGES))


def sta_tables_file(value: str) -> None:
    """Empty (the sample tables) or a file that loads as STA tables."""
    if not value.strip():
        return
    path = Path(value.strip()).expanduser()
    if not path.is_file():
        raise SettingReason(FILE_MISSING, path=str(path))
    from starpos.sts.errors import StsError
    from starpos.sts.tables import load_sta_tables

    try:
        load_sta_tables(path)
    except (StsError, OSError, ValueError, KeyError, TypeError) as error:
        raise SettingReason(STA_TABLES_UNREADABLE, path=str(path), detail=error) from None


def module_port(value: str) -> None:
    """Empty (the embedded emulator), a serial device, or a pyserial ``socket://`` or
    ``rfc2217://`` address."""
    text = value.strip()
    if not text:
        return
    scheme, separator, address = text.partition("://")
    if separator:
        if scheme not in ("socket", "rfc2217"):
            raise SettingReason(PORT_FORM)
        match = _PORT_ADDRESS.match(address)
        if match is None or not 0 < int(match["port"]) < 65536:
            raise SettingReason(PORT_ADDRESS)
        return
    if os.name == "nt" and re.fullmatch(r"COM\d{1,3}", text, re.IGNORECASE):
        return
    if not text.startswith("/"):
        raise SettingReason(PORT_FORM)
    try:
        mode = os.stat(text).st_mode
    except OSError:
        raise SettingReason(PORT_MISSING, port=text) from None
    if not stat.S_ISCHR(mode):
        raise SettingReason(PORT_NOT_A_DEVICE, port=text)


def baud_rate(value: int) -> None:
    if value not in BAUD_RATES:
        raise SettingReason(NOT_A_BAUD_RATE, rates=", ".join(map(str, BAUD_RATES)))


def between(low: int, high: int) -> Check:
    """A whole number from ``low`` to ``high``, both included."""

    def check(value: int) -> None:
        if not low <= value <= high:
            raise SettingReason(OUT_OF_RANGE, low=low, high=high)

    return check


def printer_connection(value: str) -> None:
    from starpos.devices.printer.connection import parse_connection
    from starpos.devices.printer.errors import PrinterConnectionStringError

    try:
        parse_connection(value)
    except PrinterConnectionStringError as error:
        raise SettingReason(PRINTER_CONNECTION, detail=error.params.get("reason", "")) from None


def printer_profile(value: str) -> None:
    """A python-escpos profile name (empty: its default profile)."""
    if not value:
        return
    from starpos.devices.printer.escpos_support import known_profiles

    if value not in known_profiles():
        raise SettingReason(UNKNOWN_PRINTER_PROFILE)


def paper_width(value: int) -> None:
    if value not in PAPER_WIDTHS:
        raise SettingReason(PAPER_WIDTH, widths=" / ".join(map(str, PAPER_WIDTHS)))


def voucher_text(value: str) -> None:
    """Lines printed on every voucher: printable, few, and each fits the widest paper."""
    if _has_control_characters(value, allowed="\n"):
        raise SettingReason(CONTROL_CHARACTERS)
    lines = value.splitlines()
    if len(lines) > VOUCHER_LINES:
        raise SettingReason(TOO_MANY_LINES, count=len(lines), most=VOUCHER_LINES)
    for number, line in enumerate(lines, start=1):
        if len(line) > VOUCHER_COLUMNS:
            raise SettingReason(LINE_TOO_LONG, line=number, length=len(line), most=VOUCHER_COLUMNS)


def reader_name(value: str) -> None:
    if _has_control_characters(value) or len(value) > READER_NAME_LENGTH:
        raise SettingReason(READER_NAME, most=READER_NAME_LENGTH)


def backup_folder(value: str) -> None:
    """Empty (``backups`` in the data folder) or an absolute folder StarPOS may write in
    (it need not exist yet: the first backup makes it)."""
    if not value.strip():
        return
    path = Path(value.strip()).expanduser()
    if not path.is_absolute():
        raise SettingReason(FOLDER_NOT_ABSOLUTE)
    existing = next((p for p in (path, *path.parents) if p.exists()), None)
    if existing is None:
        return
    if existing == path and not path.is_dir():
        raise SettingReason(NOT_A_FOLDER, path=str(path))
    if existing != path and not existing.is_dir():
        raise SettingReason(NOT_A_FOLDER, path=str(existing))
    if not os.access(existing, os.W_OK | os.X_OK):
        raise SettingReason(FOLDER_NOT_WRITABLE, path=str(existing))


def terminal_code(value: str) -> None:
    """Empty (no terminal named) or a code as the store keeps them."""
    if value and not (
        len(value) <= 20 and all(c.isascii() and (c.isalnum() or c in "-_") for c in value)
    ):
        raise SettingReason(TERMINAL_CODE)


def daily_time(value: str) -> None:
    if value != DAILY_OFF and _DAILY_AT.match(value) is None:
        raise SettingReason(DAILY_TIME)


def _has_control_characters(text: str, allowed: str = "") -> bool:
    return any(
        (ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0) and char not in allowed for char in text
    )
