"""The arrows of DESIGN.md point down: a walk over every import in ``starpos/``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "starpos"

IO_LIBRARIES = {
    "serial",
    "smartcard",
    "escpos",
    "sqlalchemy",
    "alembic",
    "PySide6",
    "socket",
    "sqlite3",
    "subprocess",
    "requests",
    "urllib",
    "http",
    "platformdirs",
}

#: The window calls the application core; it never talks SQL, serial, PC/SC or ESC/POS.
UI_FORBIDDEN = {"sqlalchemy", "serial", "smartcard", "escpos"}


def _module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, root: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    name = _module_name(path, root)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                found.append(".".join([*base, node.module] if node.module else base))
            elif node.module:
                found.append(node.module)
    return found


def _all_imports(package: Path) -> list[tuple[str, str]]:
    return [
        (_module_name(p, package), imported)
        for p in package.rglob("*.py")
        for imported in _imports(p, package)
    ]


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def violations(package: Path = PACKAGE) -> list[str]:
    broken = []
    for module, imported in _all_imports(package):
        top = imported.split(".")[0]
        if _within(module, "starpos.sts"):
            if top == "starpos" and not _within(imported, "starpos.sts"):
                broken.append(f"{module} imports {imported}: sts imports no other layer")
            if top in IO_LIBRARIES:
                broken.append(f"{module} imports {imported}: sts does no I/O")
        if top == "PySide6" and not _within(module, "starpos.ui"):
            broken.append(f"{module} imports {imported}: only starpos.ui may import PySide6")
        if _within(module, "starpos.devices") and (
            _within(imported, "starpos.db") or _within(imported, "starpos.ui")
        ):
            broken.append(f"{module} imports {imported}: devices never import db or ui")
        if (
            _within(imported, "starpos.ui")
            and not _within(module, "starpos.ui")
            and not _within(module, "starpos.commands")
        ):
            broken.append(f"{module} imports {imported}: the core never imports ui")
        if _within(module, "starpos.ui") and top in UI_FORBIDDEN:
            broken.append(f"{module} imports {imported}: ui calls the core, not {top}")
        if _within(module, "starpos.db") and (
            _within(imported, "starpos.ui") or _within(imported, "starpos.devices")
        ):
            broken.append(f"{module} imports {imported}: db never imports ui or devices")
    return broken


def test_the_layers_import_only_downwards() -> None:
    assert violations() == []


@pytest.mark.parametrize(
    ("module", "source", "rule"),
    [
        ("sts/x.py", "import serial\n", "sts does no I/O"),
        ("sts/x.py", "from starpos.db import models\n", "sts imports no other layer"),
        ("devices/x.py", "from starpos.ui import window\n", "devices never import db or ui"),
        ("db/x.py", "from ..devices import sm\n", "db never imports ui or devices"),
        ("x.py", "from PySide6 import QtCore\n", "only starpos.ui may import PySide6"),
        ("ui/x.py", "from sqlalchemy import select\n", "ui calls the core, not sqlalchemy"),
        ("counter/x.py", "from starpos.ui import workers\n", "the core never imports ui"),
        ("ui/pos/x.py", "import serial.tools\n", "ui calls the core, not serial"),
        ("ui/x.py", "from smartcard.System import readers\n", "ui calls the core, not smartcard"),
        ("ui/x.py", "from escpos.printer import Network\n", "ui calls the core, not escpos"),
    ],
)
def test_the_walk_catches_a_broken_rule(
    tmp_path: Path, module: str, source: str, rule: str
) -> None:
    fake = tmp_path / "starpos"
    target = fake / module
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(source, encoding="utf-8")
    assert any(rule in line for line in violations(fake))
