"""Per test: the token operation tests' world (the demo store, a module emulator on a pty
with the demo keys, the next revisions of both and an old 1993 key)."""

from tests.integration.tokenops.conftest import tables, world

__all__ = ["tables", "world"]
