"""Installation settings, declared once with their type, default and label.

Business settings (company, tariffs, charges ...) live in the database; these are the
machine's own: which devices to use and how to reach them. They are stored as JSON in the
data folder and written atomically.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starpos.errors import ConfigError
from starpos.i18n import tr_noop
from starpos.paths import data_dir


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str  # translatable, context "settings"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "database.url",
        str,
        "",
        tr_noop("settings", "Database URL (empty: SQLite in the data folder)"),
    ),
    Setting("language", str, "", tr_noop("settings", "Language (empty: from the system)")),
    Setting(
        "sts.tables", str, "", tr_noop("settings", "STA tables file (empty: the sample tables)")
    ),
    Setting(
        "sm.url",
        str,
        "",
        tr_noop("settings", "Secure module port or URL (empty: start the emulator)"),
    ),
    Setting("sm.baud", int, 115200, tr_noop("settings", "Secure module baud rate")),
    Setting("sm.timeout_ms", int, 2000, tr_noop("settings", "Secure module answer timeout (ms)")),
    Setting(
        "printer.connection",
        str,
        "",
        tr_noop("settings", "Printer connection (empty: the virtual printer)"),
    ),
    Setting(
        "printer.profile", str, "TM-T88V", tr_noop("settings", "Printer profile (python-escpos)")
    ),
    Setting("printer.paper_mm", int, 80, tr_noop("settings", "Paper width (mm)")),
    Setting("printer.qr_code", bool, True, tr_noop("settings", "Print the token as a QR code")),
    Setting(
        "printer.cash_drawer",
        bool,
        False,
        tr_noop("settings", "Open the cash drawer on cash sales"),
    ),
    Setting("voucher.header", str, "", tr_noop("settings", "Voucher header lines")),
    Setting("voucher.footer", str, "Thank you", tr_noop("settings", "Voucher footer lines")),
    Setting(
        "card.reader", str, "", tr_noop("settings", "Card reader name (empty: the first reader)")
    ),
)

_BY_KEY = {setting.key: setting for setting in SETTINGS}


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


class Settings:
    """The settings file of one data folder."""

    FILE_NAME = "settings.json"

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or data_dir()) / self.FILE_NAME
        self._values: dict[str, Any] = {}
        if self.path.exists():
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise ConfigError(
                    "The settings file {path} cannot be read: {reason}.",
                    path=str(self.path),
                    reason=str(error),
                ) from error
            self._values = {
                key: coerce(key, value) for key, value in loaded.items() if key in _BY_KEY
            }

    def get(self, key: str) -> Any:
        return self._values.get(key, setting(key).default)

    def set(self, key: str, value: Any) -> None:
        self._values[key] = coerce(key, value)

    def as_dict(self) -> dict[str, Any]:
        return {s.key: self.get(s.key) for s in SETTINGS}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self._values, handle, indent=2, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
