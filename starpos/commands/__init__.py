"""Sub-commands of ``starpos``: each module here has ``register(subparsers)``.

A module registers one top-level command and sets ``handler`` (a function taking the
parsed arguments and returning an exit code) on its parsers. Modules are found by name,
so adding a command touches no shared list.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def register_all(subparsers: Any) -> None:
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
