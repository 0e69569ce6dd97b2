"""The demo's wiring: its keys into the configured module, its headless sale on the
configured devices, and the demo utility a first run may choose.

The demo's own code (:mod:`starpos.demo`) takes a database, an open module and a printer;
it is imported here only when asked, so the counter's start-up does not load it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from starpos.bootstrap.module import configured_module, open_configured_module
from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.db import Database
from starpos.settings import Settings

if TYPE_CHECKING:
    from starpos.demo.seed import SeedReport
    from starpos.demo.walkthrough import DemoSale


def seed_demo(database: Database) -> SeedReport:
    """The demo utility in the empty ``database`` (master data and population; no keys)."""
    from starpos.demo.seed import seed_demo as seed

    return seed(database)


def load_demo_keys(database: Database, settings: Settings | None = None) -> dict[str, Any]:
    """The demo keys and credit into the configured module (the embedded emulator, started
    when needed, when ``sm.url`` is empty), audited in ``database``."""
    from starpos.demo.seed import load_demo_keys as load

    settings = settings or Settings()
    _start_training_module(settings)
    with configured_module(settings) as module:
        return load(database, module)


def _start_training_module(settings: Settings) -> None:
    """The demo is for demos and training: an embedded module it makes is a training
    module (docs/sm-protocol.md §7), so the device-level commands that make credit outside
    a sale may run on it. A module that exists already stays what it is (one or the other
    for life); a configured port (``sm.url``) is never touched."""
    from starpos.devices.sm.embedded import emulator_dir, ensure_embedded

    if settings.get("sm.url") or (emulator_dir() / "module.journal").exists():
        return
    ensure_embedded(settings.get("sts.tables") or None, training=True)


def provision_demo_module(settings: Settings | None = None) -> dict[str, Any]:
    """The demo keys and credit into the configured module, without an audit entry (a
    benchmark's store has no operator to record it for)."""
    from starpos.demo.master_data_loader import demo_file, read_json
    from starpos.demo.module import provision_demo_module as provision

    with configured_module(settings) as module:
        return provision(module, read_json(demo_file("keys.json")))


def sell_one(database: Database, net: Decimal, settings: Settings | None = None) -> DemoSale:
    """The headless demo sale through the configured module and printer."""
    from starpos.demo.walkthrough import sell_one as sell

    chosen = settings or Settings()
    return sell(database, lambda: open_configured_module(chosen), ConfiguredPrinter(chosen), net)
