"""Which STA tables the token engine uses: the ``sts.tables`` setting, else the sample tables.

The engine itself (``starpos.sts``) takes a tables object and never looks for files; this
module is where configuration meets it. Production tables are licensed STS material: point
``sts.tables`` at the file supplied with the secure module.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from starpos.paths import resources_dir
from starpos.settings import Settings
from starpos.sts.tables import StaTables, load_sta_tables

SAMPLE_TABLES = Path("sts") / "sta-tables-sample.json"


def sample_tables_path() -> Path:
    """The standard's worked-example tables shipped in ``resources/``."""
    return resources_dir() / SAMPLE_TABLES


def configured_tables_path(settings: Settings | None = None) -> Path:
    """The tables file named by the ``sts.tables`` setting, or the sample tables."""
    configured = str((settings or Settings()).get("sts.tables")).strip()
    return Path(configured).expanduser() if configured else sample_tables_path()


@cache
def tables_at(path: Path) -> StaTables:
    """The STA tables in the file ``path``, read once per process (a pure loader: no settings)."""
    return load_sta_tables(path)


def sta_tables(path: str | Path | None = None) -> StaTables:
    """The STA tables at ``path`` (default: as configured), loaded once per file."""
    return tables_at(Path(path).resolve() if path else configured_tables_path().resolve())
