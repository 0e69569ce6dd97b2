"""Importing python-escpos without its side effects.

python-escpos 3.1 does three things we do not want from a library (see
docs/decisions.md): on import ``escpos.capabilities`` calls
``logging.basicConfig()`` (a stderr handler on the root logger, which makes the
application's own logging set-up a no-op) and creates a new temporary folder for its
capabilities cache; at run time its printer classes log through the *root* logger with
``logging.info(...)``, which calls ``basicConfig()`` again whenever the root has no handler.
(It also calls ``mkdtemp()`` even when the cache folder is given.)

So the import happens here, once, on first use (never at import time of StarPOS): the cache
goes to ``ESCPOS_CAPABILITIES_PICKLE_DIR`` (default: our cache folder), handlers the import
added to the root logger are removed again, and the printer modules log through the
``escpos`` logger instead of the root one.
"""

from __future__ import annotations

import importlib
import logging
import os
import tempfile
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

import platformdirs

_lock = threading.Lock()
_loaded = False
_PRINTER_MODULES = ("cups", "dummy", "file", "lp", "network", "serial", "usb", "win32raw")


class _LibraryLog:
    """Stands in for the ``logging`` module inside escpos' printer modules."""

    def __init__(self, name: str) -> None:
        self._logger = logging.getLogger(name)

    def __getattr__(self, name: str) -> Any:
        if name in ("debug", "info", "warning", "error", "exception", "critical"):
            return getattr(self._logger, name)
        return getattr(logging, name)


def load_escpos() -> None:
    """Import python-escpos cleanly (idempotent, thread-safe)."""
    global _loaded
    with _lock:
        if _loaded:
            return
        cache_dir = os.environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR") or str(
            Path(platformdirs.user_cache_dir("starpos")) / "escpos"
        )
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = cache_dir
        root = logging.getLogger()
        handlers_before = list(root.handlers)
        entries_before = set(Path(cache_dir).iterdir())
        # escpos evaluates mkdtemp() even when the variable is set (it is the default argument
        # of environ.get): let that folder land in our cache folder, and remove it again.
        tempdir_before, tempfile.tempdir = tempfile.tempdir, cache_dir
        try:
            importlib.import_module("escpos.printer")
        finally:
            tempfile.tempdir = tempdir_before
            for handler in list(root.handlers):
                if handler not in handlers_before:
                    root.removeHandler(handler)
            for entry in set(Path(cache_dir).iterdir()) - entries_before:
                if entry.is_dir() and not any(entry.iterdir()):
                    entry.rmdir()
        for name in _PRINTER_MODULES:
            try:
                module = importlib.import_module(f"escpos.printer.{name}")
            except ImportError:
                continue
            module.logging = _LibraryLog(f"escpos.printer.{name}")  # type: ignore[attr-defined]
        _loaded = True


def escpos_module(name: str) -> ModuleType:
    """An ``escpos`` sub-module (``"printer"``, ``"capabilities"``, ``"exceptions"`` ...)."""
    load_escpos()
    return importlib.import_module(f"escpos.{name}")


def profile_dots(profile: str | None) -> int | None:
    """Printable width in dots the python-escpos profile knows, or None when it does not."""
    capabilities = escpos_module("capabilities")
    try:
        pixels = capabilities.get_profile(profile or "default").profile_data["media"]["width"][
            "pixels"
        ]
    except (KeyError, TypeError):
        return None
    return pixels if isinstance(pixels, int) else None


def profile_code_pages(profile: str | None) -> dict[int, str]:
    """``{ESC t number: python codec}`` for the code pages of a python-escpos profile."""
    capabilities = escpos_module("capabilities")
    codepages = escpos_module("codepages").CodePages
    pages: dict[int, str] = {}
    data = capabilities.get_profile(profile or "default").profile_data.get("codePages", {})
    for number, name in data.items():
        try:
            encoding = codepages.get_encoding(name)
        except KeyError:
            continue
        codec = encoding.get("python_encode")
        if codec:
            pages[int(number)] = codec
    return pages


def known_profiles() -> list[str]:
    return sorted(escpos_module("capabilities").CAPABILITIES["profiles"])
