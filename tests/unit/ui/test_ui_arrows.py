"""The arrows inside ``starpos/ui`` point one way (docs/ui.md, "The ui/ layout").

The counter window (``pos``) opens the card desk (``cards``), never the other way; the
shared parts (``widgets``, ``models``, ``threading``) know no window; and no module of
``starpos.ui`` imports itself back through a ring of others (imports under
``TYPE_CHECKING`` count too: they are arrows a reader follows all the same).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[3] / "starpos" / "ui"

#: package -> the ui packages it must not import
FORBIDDEN = {
    "cards": ("pos",),
    "widgets": ("pos", "cards"),
    "models": ("pos", "cards"),
    "threading": ("pos", "cards"),
}


def _module_name(path: Path, root: Path) -> str:
    parts = ("starpos", "ui", *path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def ui_imports(root: Path = UI) -> dict[str, set[str]]:
    """Each module of ``root`` and the ``starpos.ui`` modules it imports."""
    modules = {_module_name(path, root): path for path in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {other for other in found if other in modules and other != name}
    return graph


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[2] if len(parts) > 3 else ""


def wrong_way(graph: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{module} imports {imported}"
        for module, imports in graph.items()
        for imported in imports
        if _package(imported) in FORBIDDEN.get(_package(module), ())
    )


def rings(graph: dict[str, set[str]]) -> list[list[str]]:
    """The modules that import each other round a ring (strongly connected, Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph.get(module, ())):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            ring = []
            while True:
                other = stack.pop()
                ring.append(other)
                if other == module:
                    break
            if len(ring) > 1:
                found.append(sorted(ring))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_the_ui_packages_import_one_way() -> None:
    assert wrong_way(ui_imports()) == []


def test_no_ui_module_imports_itself_back() -> None:
    assert rings(ui_imports()) == []


@pytest.mark.parametrize(
    ("files", "broken"),
    [
        (
            {"cards/desk.py": "from starpos.ui.pos.window import Window\n", "pos/window.py": ""},
            "wrong way",
        ),
        (
            {
                "pos/window.py": "from starpos.ui.pos import flow\n",
                "pos/flow.py": "if TYPE_CHECKING:\n    from starpos.ui.pos.window import W\n",
            },
            "ring",
        ),
    ],
)
def test_the_walk_catches_a_broken_arrow(
    tmp_path: Path, files: dict[str, str], broken: str
) -> None:
    for name, source in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        path.write_text(source, encoding="utf-8")
    graph = ui_imports(tmp_path)
    assert bool(wrong_way(graph)) == (broken == "wrong way")
    assert bool(rings(graph)) == (broken == "ring")
