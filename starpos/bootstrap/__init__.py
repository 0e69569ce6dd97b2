"""The composition root: settings in, ready objects out (cosmicpython's ``bootstrap.py``).

This package is the one place that reads the installation's settings (``starpos.settings``)
and turns them into the objects the core works with; the core (``vending``, ``card_sales``,
``counter``, ``db`` ...) receives those objects as arguments and never reads settings nor
starts a process itself (tests/unit/test_import_rules.py holds both rules). Its callers are
the command line (``starpos.cli``, ``starpos.commands``), the window's start-up
(``starpos.ui.core_services``), the demo, the benchmarks and the tests.

One module per thing made, each imported on its own so a quick command (``starpos token``)
loads no database driver:

- :mod:`~starpos.bootstrap.database`: the store (``database.url``, else SQLite in the data folder)
- :mod:`~starpos.bootstrap.module`: the secure module (``sm.*``; the embedded emulator, started
  here, when ``sm.url`` is empty) for a vend and for the installer's ``starpos sm`` commands
- :mod:`~starpos.bootstrap.tables`: the STA tables (``sts.tables``, else the sample tables)
- :mod:`~starpos.bootstrap.printer`: the voucher printer (``printer.*``, ``voucher.*``)
- :mod:`~starpos.bootstrap.counter`: the counter with its module, printer, card reader and key
- :mod:`~starpos.bootstrap.demo`: the demo's wiring (demo keys into the configured module, the
  headless sale, the first run's demo utility)
"""

from __future__ import annotations

from pathlib import Path

from starpos.settings import Settings


def load_settings(folder: Path | None = None) -> Settings:
    """The settings of the data folder (or of ``folder``), as they are on disk now."""
    return Settings(folder)
