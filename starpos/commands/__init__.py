"""Sub-commands of ``starpos``: each module here has ``register(subparsers)``.

A module registers one top-level command named like the module (``token.py`` registers
``starpos token``) and sets ``handler`` (a function taking the parsed arguments and returning
an exit code) on its parsers. Modules are found by name, so adding a command touches no
shared list. Only the module of the command being run is imported, so ``starpos card
virtual`` never pays for the database layer; ``--help`` and unknown commands import all.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def command_names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def register_all(subparsers: Any, only: str | None = None) -> None:
    names = command_names()
    if only in names:
        names = [only]
    for name in names:
        module = importlib.import_module(f"{__name__}.{name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
