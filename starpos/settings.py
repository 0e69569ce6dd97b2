"""Installation settings, declared once with their type, default, label, check and when a
change applies.

Business settings (company, tariffs, charges ...) live in the database; these are the
machine's own: which devices to use and how to reach them, where backups go. They are
stored as JSON in the data folder and written atomically.

A value is checked when it is set (:mod:`starpos.setting_checks`) and refused with the
reason; nothing is written then. A value edited by hand into the file that fails its check
does not stop the program: the other settings work, and whatever reads that one setting
gets :class:`BadSettingInFileError`, which names the key and says how to fix it (a value in
the file is checked when it is first read, so a quick command pays only for what it uses).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from starpos import setting_checks as checks
from starpos.errors import ConfigError
from starpos.i18n import tr_noop
from starpos.paths import data_dir


class Applies(StrEnum):
    """When a changed value is used."""

    #: read at each use: the next vend or module check, the next print, the next backup
    AT_ONCE = "at_once"
    #: read when the app starts (commands read it at their next run)
    APP_RESTART = "app_restart"
    #: read when the embedded module emulator starts (it outlives the programs using it)
    EMULATOR_RESTART = "emulator_restart"


#: What a person is told after a change, per :class:`Applies` (context "settings").
APPLIES_TEXT = {
    Applies.AT_ONCE: tr_noop("settings", "It applies at once: no restart needed."),
    Applies.APP_RESTART: tr_noop(
        "settings", "It applies when the app is started again (commands use it at once)."
    ),
    Applies.EMULATOR_RESTART: tr_noop(
        "settings", "It applies when the built-in module emulator starts again."
    ),
}


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str  # translatable, context "settings"
    check: checks.Check = checks.nothing_to_check
    applies: Applies = Applies.AT_ONCE
    #: the only values allowed, when they are few (a window offers them as a list)
    choices: tuple[Any, ...] = ()


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "database.url",
        str,
        "",
        tr_noop("settings", "Database URL (empty: SQLite in the data folder)"),
        checks.database_url,
        Applies.APP_RESTART,
    ),
    Setting(
        "language",
        str,
        "",
        tr_noop("settings", "Language (empty: from the system)"),
        checks.language,
        Applies.APP_RESTART,
    ),
    Setting(
        "sts.tables",
        str,
        "",
        tr_noop("settings", "STA tables file (empty: the sample tables)"),
        checks.sta_tables_file,
        Applies.EMULATOR_RESTART,
    ),
    Setting(
        "sm.url",
        str,
        "",
        tr_noop("settings", "Secure module port or URL (empty: start the emulator)"),
        checks.module_port,
    ),
    Setting(
        "sm.baud",
        int,
        115200,
        tr_noop("settings", "Secure module baud rate"),
        checks.baud_rate,
        choices=checks.BAUD_RATES,
    ),
    Setting(
        "sm.timeout_ms",
        int,
        2000,
        tr_noop("settings", "Secure module answer timeout (ms)"),
        checks.between(100, 60_000),
    ),
    Setting(
        "sm.key_warning_days",
        int,
        30,
        tr_noop("settings", "Warn this many days before a module key expires"),
        checks.between(1, 365),
    ),
    Setting(
        "printer.connection",
        str,
        "",
        tr_noop("settings", "Printer connection (empty: the virtual printer)"),
        checks.printer_connection,
    ),
    Setting(
        "printer.profile",
        str,
        "TM-T88V",
        tr_noop("settings", "Printer profile (python-escpos)"),
        checks.printer_profile,
    ),
    Setting(
        "printer.paper_mm",
        int,
        80,
        tr_noop("settings", "Paper width (mm)"),
        checks.paper_width,
        choices=checks.PAPER_WIDTHS,
    ),
    Setting("printer.qr_code", bool, True, tr_noop("settings", "Print the token as a QR code")),
    Setting(
        "printer.cash_drawer",
        bool,
        False,
        tr_noop("settings", "Open the cash drawer on cash sales"),
    ),
    Setting(
        "voucher.header",
        str,
        "",
        tr_noop("settings", "Voucher header lines"),
        checks.voucher_text,
    ),
    Setting(
        "voucher.footer",
        str,
        "Thank you",
        tr_noop("settings", "Voucher footer lines"),
        checks.voucher_text,
    ),
    Setting(
        "card.reader",
        str,
        "",
        tr_noop("settings", "Card reader name (empty: the first reader)"),
        checks.reader_name,
        Applies.APP_RESTART,
    ),
    Setting(
        "terminal.code",
        str,
        "",
        tr_noop("settings", "This computer's terminal code (empty: none yet)"),
        checks.terminal_code,
        Applies.APP_RESTART,
    ),
    Setting(
        "backup.folder",
        str,
        "",
        tr_noop("settings", "Backup folder (empty: backups in the data folder)"),
        checks.backup_folder,
    ),
    Setting(
        "backup.keep_days",
        int,
        30,
        tr_noop("settings", "Keep backups for (days)"),
        checks.between(1, 3650),
    ),
    Setting(
        "token_cancel.max_days",
        int,
        7,
        tr_noop("settings", "A token may be cancelled for (days after its sale)"),
        checks.between(0, 3650),
    ),
    Setting(
        "backup.daily_at",
        str,
        "13:00",
        tr_noop("settings", "Daily backup at (HH:MM, or off)"),
        checks.daily_time,
    ),
)

_BY_KEY = {setting.key: setting for setting in SETTINGS}


class SettingRefusedError(ConfigError):
    code = "config.refused"
    template = "The setting {key} cannot be {value}: {reason}."


class BadSettingInFileError(ConfigError):
    code = "config.bad_in_file"
    template = (
        "The settings file {path} has a bad value for {key}. {problem} Set a good one with: "
        "starpos settings set {key} VALUE (or go back to the default with: starpos settings "
        "reset {key})."
    )


class SettingsFileUnreadableError(ConfigError):
    code = "config.file_unreadable"
    template = (
        "The settings file {path} cannot be read: {reason}. Correct it in a text editor, or "
        "move it away to start again from the default settings."
    )


def setting(key: str) -> Setting:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise ConfigError("There is no setting called {key}.", key=key) from None


def coerce(key: str, value: Any) -> Any:
    """``value`` as the declared type of ``key``, or a ``ConfigError`` saying what is wrong."""
    declared = setting(key)
    if isinstance(value, declared.type) and not (declared.type is int and isinstance(value, bool)):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if declared.type is bool:
                if text.lower() in ("1", "true", "yes", "on"):
                    return True
                if text.lower() in ("0", "false", "no", "off"):
                    return False
                raise ValueError(text)
            return declared.type(text)
        except ValueError:
            pass
    raise ConfigError(
        "The setting {key} needs a value of type {type}, not {value!r}.",
        key=key,
        type=declared.type.__name__,
        value=value,
    )


def checked(key: str, value: Any) -> Any:
    """``value`` as ``key`` stores it: of its declared type and passing its check.

    Raises ``ConfigError`` (a wrong type) or :class:`SettingRefusedError` (with the reason).
    """
    typed = coerce(key, value)
    if isinstance(typed, str) and "\n" not in typed:
        typed = typed.strip()  # a pasted path or URL keeps no stray blank
    try:
        setting(key).check(typed)
    except checks.SettingReason as reason:
        raise SettingRefusedError(key=key, value=_shown(typed), reason=reason) from None
    return typed


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


class Settings:
    """The settings file of one data folder.

    Loading reads the file and checks each value's type; each value's own check (which may
    load a library or a file) runs when the value is first read, so a quick command pays only
    for the settings it uses. :meth:`problems` runs every check.
    """

    FILE_NAME = "settings.json"

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or data_dir()) / self.FILE_NAME
        self._values: dict[str, Any] = {}
        #: values as the file holds them, for the keys it holds
        self._raw: dict[str, Any] = {}
        #: loaded values whose check has not run yet
        self._unchecked: set[str] = set()
        #: values in the file that fail their check: kept as they are (and written back
        #: unchanged), refused to whoever reads them
        self._refused: dict[str, ConfigError] = {}
        #: keys this version does not know (a newer StarPOS may): kept, never read
        self._unknown: dict[str, Any] = {}
        self._stamp: tuple[int, int] | None = None
        self._load()

    def _load(self) -> None:
        values: dict[str, Any] = {}
        raw: dict[str, Any] = {}
        refused: dict[str, ConfigError] = {}
        unknown: dict[str, Any] = {}
        stamp = self._file_stamp()
        if stamp is not None:
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
                if not isinstance(loaded, dict):
                    raise ValueError("it does not hold a JSON object")
            except (OSError, ValueError) as error:
                raise SettingsFileUnreadableError(path=str(self.path), reason=str(error)) from error
            for key, value in loaded.items():
                if key not in _BY_KEY:
                    unknown[key] = value
                    continue
                raw[key] = value
                try:
                    values[key] = coerce(key, value)
                except ConfigError as problem:
                    refused[key] = problem
        self._values, self._raw, self._refused, self._unknown = values, raw, refused, unknown
        self._unchecked = set(values)
        self._stamp = stamp

    def _check_loaded(self, key: str) -> None:
        if key not in self._unchecked:
            return
        self._unchecked.discard(key)
        try:
            self._values[key] = checked(key, self._values[key])
        except ConfigError as problem:
            del self._values[key]
            self._refused[key] = problem

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            status = self.path.stat()
        except FileNotFoundError:
            return None
        return (status.st_mtime_ns, status.st_size)

    def refresh(self) -> bool:
        """Read the file again if it changed on disk since it was read or written here
        (another program, or the settings window, saved it); true when it did."""
        if self._file_stamp() == self._stamp:
            return False
        self._load()
        return True

    def get(self, key: str) -> Any:
        """The value of ``key``; :class:`BadSettingInFileError` when the file holds a value
        for it that fails its check."""
        declared = setting(key)
        self._check_loaded(key)
        if key in self._refused:
            raise BadSettingInFileError(path=str(self.path), key=key, problem=self._refused[key])
        return self._values.get(key, declared.default)

    def set(self, key: str, value: Any) -> None:
        """Change ``key`` here (:meth:`save` writes it); a value that fails its check is
        refused and nothing changes."""
        self._values[key] = checked(key, value)
        self._raw[key] = self._values[key]
        self._unchecked.discard(key)
        self._refused.pop(key, None)

    def reset(self, key: str) -> None:
        """Back to the declared default (the key leaves the file at the next :meth:`save`)."""
        setting(key)
        for held in (self._values, self._raw, self._refused):
            held.pop(key, None)
        self._unchecked.discard(key)

    def problems(self) -> dict[str, ConfigError]:
        """The keys whose value in the file fails its check, and why (runs every check)."""
        for key in list(self._unchecked):
            self._check_loaded(key)
        return dict(self._refused)

    def stored(self, key: str) -> Any:
        """What the file holds for ``key`` (a refused value as it is), or the default."""
        if key in self._refused:
            return self._raw[key]
        return self._values.get(key, setting(key).default)

    def as_dict(self) -> dict[str, Any]:
        """Every setting as stored (a value refused in the file is shown as it is)."""
        return {s.key: self.stored(s.key) for s in SETTINGS}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        content = {**self._unknown, **{key: self._raw[key] for key in self._refused}}
        content.update(self._values)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(content, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
        self._stamp = self._file_stamp()
