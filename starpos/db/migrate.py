"""Schema migrations, run from code (Alembic with the scripts in ``migrations/``).

The app calls :func:`upgrade` when it opens a database: a new file gets the whole schema,
an older one is brought up to date, a newer one (made by a later StarPOS) is refused.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy import Engine

from starpos.db.engine import writer
from starpos.errors import StorageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class DatabaseTooNewError(StorageError):
    code = "storage.too_new"
    template = (
        "The database was made by a newer StarPOS (schema {found}); this one knows up to "
        "{head}. Install the newer StarPOS or point --data-dir at another folder."
    )


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Migrations take the write lock when they begin and read the schema version after it,
    # so two programs opening a new database at once upgrade it once, one after the other.
    config.attributes["engine"] = writer(engine)
    return config


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default: the newest), refusing unknown newer ones."""
    found = current_revision(engine)
    scripts = ScriptDirectory(str(MIGRATIONS))
    if found is not None and not _known(scripts, found):
        raise DatabaseTooNewError(found=found, head=head_revision())
    if revision == "head" and found == head_revision():
        return
    command.upgrade(alembic_config(engine), revision)


def _known(scripts: ScriptDirectory, revision: str) -> bool:
    try:
        return scripts.get_revision(revision) is not None
    except (CommandError, RevisionError):
        return False


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)
