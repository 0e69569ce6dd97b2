"""The installer's devices for the tests of this folder (tests/support/module_ports.py)."""

from tests.support.module_ports import listed_alias, module_emulator

__all__ = ["listed_alias", "module_emulator"]
