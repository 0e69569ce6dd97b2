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

    with configured_module(settings) as module:
        return load(database, module)


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
