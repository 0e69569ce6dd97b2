"""Every string of ``starpos/ui`` and ``starpos/counter`` a person reads, found by walking.

``tr("context", "text")`` and ``tr_noop("context", "text")`` calls with literal arguments,
the ``template`` of every error class defined there (context ``errors``),
and the labels of the installer settings the settings dialog shows (context ``settings``).
"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[3] / "starpos"
#: The window and the counter services it calls share the ui catalogs.
UI_PACKAGES = (SOURCE / "ui", SOURCE / "counter")


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def ui_strings(packages: tuple[Path, ...] = UI_PACKAGES) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(path for package in packages for path in package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and len(node.args) == 2:
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                context, text = _literal(node.args[0]), _literal(node.args[1])
                if name in ("tr", "tr_noop") and context and text:
                    found.add((context, text))
            elif isinstance(node, ast.ClassDef):
                for statement in node.body:
                    if (
                        isinstance(statement, ast.Assign)
                        and any(getattr(t, "id", "") == "template" for t in statement.targets)
                        and _literal(statement.value)
                    ):
                        found.add(("errors", _literal(statement.value) or ""))
    from starpos.settings import SETTINGS
    from starpos.ui.settings_dialog import KEYS

    labels = {s.key: s.label for s in SETTINGS}
    found.update(("settings", labels[key]) for key in KEYS)
    return found
