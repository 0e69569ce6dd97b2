"""The counter's core on a seeded demo database: the window tests' store fixtures."""

from tests.integration.ui.conftest import demo_database, seeded_database_file  # noqa: F401
