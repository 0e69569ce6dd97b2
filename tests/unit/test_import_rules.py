"""The arrows of DESIGN.md point down: a walk over every import in ``starpos/``."""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
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

#: Outside the core: the composition root, its callers and the tools around them. Everything
#: else (vending, card_sales, counter, db, devices, sts ...) is the core.
OUTSIDE_THE_CORE = (
    "starpos.__main__",
    "starpos.bench",
    "starpos.bootstrap",
    "starpos.cli",
    "starpos.commands",
    "starpos.demo",
    "starpos.testing",
    "starpos.ui",
)

#: What the core never imports: its composition root and the root's callers, the demo, the
#: benchmarks, the test machinery, and the settings (it receives what it needs, made).
CORE_NEVER_IMPORTS = {
    "starpos.bench": "the core never imports the benchmarks",
    "starpos.bootstrap": "the core never imports the composition root",
    "starpos.cli": "the core never imports the command line",
    "starpos.commands": "the core never imports the commands",
    "starpos.demo": "the core never imports the demo",
    "starpos.settings": "the core reads no settings",
    "starpos.testing": "the core never imports the test machinery",
}

#: Where ``Settings()`` may be called: the composition root and the commands (which own the
#: command-line options that override settings, and ``starpos settings`` itself).
SETTINGS_READERS = ("starpos.bootstrap", "starpos.commands")

#: Packages whose every module is a unit of the cycle walk, not only their sub-packages:
#: the top level (plumbing modules and the command line beside the packages) and the
#: commands (one module per sub-command).
MODULE_LEVELS = ("starpos", "starpos.commands")


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


def _in_core(module: str) -> bool:
    return not any(_within(module, outside) for outside in OUTSIDE_THE_CORE)


def core_violations(package: Path = PACKAGE) -> list[str]:
    """Imports from the core of what only the composition root and its callers may use."""
    broken = []
    for module, imported in _all_imports(package):
        if not _in_core(module):
            continue
        for forbidden, rule in CORE_NEVER_IMPORTS.items():
            if _within(imported, forbidden):
                broken.append(f"{module} imports {imported}: {rule}")
    return broken


def _settings_class_names(
    tree: ast.AST, module: str, is_package: bool
) -> tuple[set[str], set[str]]:
    """The names ``starpos.settings.Settings`` and the ``starpos.settings`` module are bound
    to in ``tree`` (however imported: aliases, relative imports)."""
    package = module if is_package else module.rsplit(".", 1)[0]
    classes: set[str] = set()
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "starpos.settings" and alias.asname:
                    modules.add(alias.asname)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, node.module] if node.module else parts)
            for alias in node.names:
                if base == "starpos.settings" and alias.name == "Settings":
                    classes.add(alias.asname or alias.name)
                elif base == "starpos" and alias.name == "settings":
                    modules.add(alias.asname or alias.name)
    return classes, modules


def settings_readers(package: Path = PACKAGE) -> list[str]:
    """Every ``Settings(...)`` call outside the composition root and the commands."""
    broken = []
    for path in sorted(package.rglob("*.py")):
        module = _module_name(path, package)
        if any(_within(module, allowed) for allowed in SETTINGS_READERS):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        classes, modules = _settings_class_names(tree, module, path.name == "__init__.py")
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = node.func
            direct = isinstance(called, ast.Name) and called.id in classes
            dotted = (
                isinstance(called, ast.Attribute)
                and called.attr == "Settings"
                and isinstance(called.value, ast.Name)
                and called.value.id in modules
            )
            if direct or dotted:
                broken.append(
                    f"{module} line {node.lineno} calls Settings(): only the composition root "
                    "(starpos.bootstrap) and the commands read the settings"
                )
    return broken


def _import_graph(package: Path) -> list[tuple[str, str]]:
    """(importer, imported) for every import of a module of ``package`` by another; an
    imported name that is itself a module (``from starpos.vending import ledger``) counts
    as that module."""
    paths = {_module_name(path, package): path for path in package.rglob("*.py")}
    edges = []
    for module, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        here = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                edges += [(module, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = here.split(".")
                    parts = parts[: len(parts) - (node.level - 1)]
                    base = ".".join([*parts, node.module] if node.module else parts)
                for alias in node.names:
                    named = f"{base}.{alias.name}"
                    edges.append((module, named if named in paths else base))
    root = package.name
    return [(a, b) for a, b in edges if _within(b, root)]


def _strongly_connected(graph: dict[str, set[str]]) -> Iterator[frozenset[str]]:
    """Tarjan's components of ``graph`` with more than one node (each one a cycle)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(node: str) -> Iterator[frozenset[str]]:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                yield from visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                yield frozenset(component)

    for node in sorted(graph):
        if node not in index:
            yield from visit(node)


def import_cycles(package: Path = PACKAGE) -> list[frozenset[str]]:
    """Cycles between the sub-packages of each package (and between the modules of the
    :data:`MODULE_LEVELS`): a module of one importing a module of the other, both ways round,
    directly or through siblings."""
    modules = {_module_name(path, package) for path in package.rglob("*.py")}
    packages = {_module_name(path, package) for path in package.rglob("__init__.py")}
    root = package.name
    levels = {level.replace("starpos", root, 1) for level in MODULE_LEVELS}
    edges = _import_graph(package)
    found = []
    for parent in sorted(packages):

        def unit(module: str, parent: str = parent) -> str | None:
            if not module.startswith(parent + "."):
                return None
            child = f"{parent}.{module[len(parent) + 1 :].split('.')[0]}"
            if child in packages or (parent in levels and child in modules):
                return child
            return None

        graph: dict[str, set[str]] = defaultdict(set)
        for importer, imported in edges:
            source, target = unit(importer), unit(imported)
            if source and target and source != target:
                graph[source].add(target)
        found += list(_strongly_connected(graph))
    return found


def test_the_layers_import_only_downwards() -> None:
    assert violations() == []


def test_the_core_never_imports_its_root_nor_the_tools_around_it() -> None:
    assert core_violations() == []


def test_only_the_composition_root_and_the_commands_read_the_settings() -> None:
    assert settings_readers() == []


def test_no_import_cycles_between_packages() -> None:
    assert [sorted(cycle) for cycle in import_cycles()] == []


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


def _fake_tree(tmp_path: Path, files: dict[str, str]) -> Path:
    fake = tmp_path / "starpos"
    for module, source in files.items():
        target = fake / module
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source, encoding="utf-8")
        folder = target.parent
        while folder != tmp_path:
            (folder / "__init__.py").touch()
            folder = folder.parent
    return fake


@pytest.mark.parametrize(
    ("module", "source", "rule"),
    [
        ("counter/x.py", "from starpos.demo.seed import seed_demo\n", "never imports the demo"),
        ("vending/x.py", "from starpos.bench import vend\n", "never imports the benchmarks"),
        ("card_sales/x.py", "import starpos.testing.kill_switch\n", "the test machinery"),
        ("db/x.py", "from starpos.commands import vend\n", "never imports the commands"),
        ("x.py", "from starpos.cli import main\n", "never imports the command line"),
        ("counter/x.py", "from ..bootstrap import counter\n", "never imports the composition root"),
        ("vending/x.py", "from starpos.settings import Settings\n", "the core reads no settings"),
    ],
)
def test_the_core_walk_catches_a_broken_rule(
    tmp_path: Path, module: str, source: str, rule: str
) -> None:
    fake = _fake_tree(tmp_path, {module: source})
    assert any(rule in line for line in core_violations(fake))


@pytest.mark.parametrize(
    "source",
    [
        "from starpos.settings import Settings\nSettings()\n",
        "from starpos.settings import Settings as Installed\nInstalled()\n",
        "from ..settings import Settings\nSettings(folder)\n",
        "from starpos import settings\nsettings.Settings()\n",
        "import starpos.settings as configuration\nconfiguration.Settings()\n",
        "def read():\n    from starpos.settings import Settings\n    return Settings().get('x')\n",
    ],
)
def test_the_settings_walk_catches_a_reader_outside_the_root(tmp_path: Path, source: str) -> None:
    fake = _fake_tree(tmp_path, {"ui/x.py": source})
    assert any("calls Settings()" in line for line in settings_readers(fake))
    fake = _fake_tree(tmp_path / "root", {"bootstrap/x.py": source, "commands/y.py": source})
    assert settings_readers(fake) == []


@pytest.mark.parametrize(
    ("files", "cycle"),
    [
        (
            {
                "vending/x.py": "from starpos.card_sales import y\n",
                "card_sales/y.py": "import starpos.vending.x\n",
            },
            {"starpos.vending", "starpos.card_sales"},
        ),
        (
            {
                "ui/pos/w.py": "from starpos.ui.cards import d\n",
                "ui/cards/d.py": "from ..pos import w\n",
            },
            {"starpos.ui.pos", "starpos.ui.cards"},
        ),
        (
            {
                "commands/card.py": "def f():\n    from starpos.commands import _sales\n",
                "commands/_sales.py": "from starpos.commands.card import f\n",
            },
            {"starpos.commands.card", "starpos.commands._sales"},
        ),
        (
            {
                "a/x.py": "from starpos.b import y\n",
                "b/y.py": "from starpos.c import z\n",
                "c/z.py": "from starpos.a import x\n",
            },
            {"starpos.a", "starpos.b", "starpos.c"},
        ),
        (
            {
                "cli.py": "from starpos.commands import run\n",
                "commands/run.py": "from starpos.cli import out\n",
            },
            {"starpos.cli", "starpos.commands"},
        ),
    ],
)
def test_the_cycle_walk_catches_a_cycle(
    tmp_path: Path, files: dict[str, str], cycle: set[str]
) -> None:
    assert frozenset(cycle) in import_cycles(_fake_tree(tmp_path, files))


def test_the_cycle_walk_lets_modules_of_one_package_use_each_other(tmp_path: Path) -> None:
    # Modules of one ordinary package may import each other both ways (a window and the
    # flow it hands its widgets to); the walk holds packages, the top level and commands.
    files = {"ui/pos/w.py": "from starpos.ui.pos import f\n", "ui/pos/f.py": "from . import w\n"}
    assert import_cycles(_fake_tree(tmp_path, files)) == []
