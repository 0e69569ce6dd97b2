"""The counter, made from the settings: its store, module, printer, card reader and key.

The window's start-up (:func:`starpos.ui.core_services.open_services`) calls
:func:`open_counter`; tests and scripts put a counter on a database they hold with
:func:`counter_on` and :func:`counter_cards`.
"""

from __future__ import annotations

from starpos.bootstrap.database import open_database
from starpos.bootstrap.demo import seed_demo
from starpos.bootstrap.module import open_configured_module
from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.counter import Counter, CounterAuth, ModuleLink
from starpos.counter.cards import CounterCards
from starpos.db import Database
from starpos.devices.card.keys import default_key_file, load_master_key
from starpos.settings import Settings


def module_link(settings: Settings) -> ModuleLink:
    """The counter's link to the configured module, kept open and claimed while it runs.

    The settings file is read again on every (re)connection, so a port the installer just
    changed applies at once.
    """
    folder = settings.path.parent
    return ModuleLink(lambda: open_configured_module(Settings(folder), keep_open=True))


def counter_on(database: Database, settings: Settings) -> tuple[CounterAuth, Counter]:
    """The counter's logins and sales on ``database`` with the configured devices."""
    auth = CounterAuth(database)
    counter = Counter(
        database,
        module_link(settings),
        ConfiguredPrinter(settings),
        auth,
        seed_demo=lambda: seed_demo(database),
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
