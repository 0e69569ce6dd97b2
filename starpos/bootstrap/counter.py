"""The counter, made from the settings: its store, module, printer, card reader and key.

The window's start-up (:func:`starpos.ui.core_services.open_services`) calls
:func:`open_counter`; tests and scripts put a counter on a database they hold with
:func:`counter_on` and :func:`counter_cards`.
"""

from __future__ import annotations

from collections.abc import Callable

from starpos.bootstrap.database import open_database
from starpos.bootstrap.demo import seed_demo
from starpos.bootstrap.module import open_configured_module
from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.counter import Counter, CounterAuth, ModuleLink
from starpos.counter.cards import CounterCards
from starpos.db import Database
from starpos.devices.card.keys import default_key_file, load_master_key
from starpos.settings import Settings
from starpos.vending import ModuleAccess


class ConfiguredModuleLink(ModuleLink):
    """The link to the module the settings name, which follows them while the app runs.

    Before each use it looks at the settings file again (one ``stat``); when the module's
    port, baud rate or timeout changed (the settings window, ``starpos settings set``), the
    open connection and its claim are dropped and the module is opened again as now set:
    a new port applies at the next vend or module check, without a restart.
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._in_use = _module_values(settings)
        super().__init__(lambda: open_configured_module(self._settings, keep_open=True))

    def access(self) -> ModuleAccess:
        with self._opening:  # the sale's worker and the background sync both ask
            if self._settings.refresh():
                now = _module_values(self._settings)
                if now != self._in_use:
                    self.drop()
                    self._in_use = now
            return super().access()


def _module_values(settings: Settings) -> tuple[object, ...]:
    return tuple(settings.stored(key) for key in ("sm.url", "sm.baud", "sm.timeout_ms"))


def module_link(settings: Settings) -> ModuleLink:
    """The counter's link to the configured module, kept open and claimed while it runs
    (its own view of the settings file, which it reads again when it changes)."""
    return ConfiguredModuleLink(Settings(settings.path.parent))


def warning_days(settings: Settings) -> Callable[[], int]:
    """``sm.key_warning_days`` as the settings file says now (its own view, read again when
    the file changed: one ``stat`` per key check)."""
    own = Settings(settings.path.parent)

    def days() -> int:
        own.refresh()
        return int(own.get("sm.key_warning_days"))

    return days


def counter_on(database: Database, settings: Settings) -> tuple[CounterAuth, Counter]:
    """The counter's logins and sales on ``database`` with the configured devices."""
    auth = CounterAuth(database, str(settings.get("terminal.code") or "") or None)
    counter = Counter(
        database,
        module_link(settings),
        ConfiguredPrinter(settings),
        auth,
        seed_demo=lambda: seed_demo(database),
        key_warning_days=warning_days(settings),
    )
    return auth, counter


def card_master_key() -> bytes:
    """The utility's card master key: the file ``STARPOS_CARD_KEY_FILE`` names, else
    ``card-master.key`` in the data folder (read when a card operation needs it)."""
    return load_master_key(default_key_file())


def counter_cards(database: Database, auth: CounterAuth, settings: Settings) -> CounterCards:
    """Card mode at the counter: the reader of ``card.reader`` (empty: the first one)."""
    reader = str(settings.get("card.reader") or "")
    return CounterCards(database, auth, reader, card_master_key)


def open_counter(settings: Settings) -> tuple[CounterAuth, Counter, CounterCards]:
    """Open the configured database (upgraded to the current schema) and the devices."""
    auth, counter = counter_on(open_database(settings), settings)
    return auth, counter, counter_cards(counter.database, auth, settings)
