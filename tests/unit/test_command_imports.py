"""The ``starpos`` command's modules import each other in one direction, through public names.

Issue 10, section 4: ``commands/card.py`` <-> ``_card_sales.py`` <-> ``_card_emulators.py``
and ``commands/sm.py`` <-> ``_sm_kmc.py`` imported each other (inside functions, to dodge
the cycle at import time) and reached for each other's ``_private`` helpers. Every import
counts here, also one inside a function: a cycle deferred to run time is still a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

STARPOS = Path(__file__).resolve().parents[2] / "starpos"


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _command_modules(root: Path) -> dict[str, Path]:
    """``starpos.cli`` and every module of ``starpos.commands``, by dotted name."""
    paths = [root / "cli.py", *sorted((root / "commands").rglob("*.py"))]
    return {_module_name(path, root): path for path in paths if path.exists()}


def _imports(name: str, path: Path) -> list[tuple[str, list[str]]]:
    """``(module, imported names)`` for every import statement, relative ones resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *filter(None, [base])])
            found.append((base, [alias.name for alias in node.names]))
    return found


def import_graph(root: Path = STARPOS) -> dict[str, set[str]]:
    """Which command modules each command module imports (``from pkg import sub`` included)."""
    modules = _command_modules(root)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for module, names in _imports(name, path):
            targets = {f"{module}.{n}" for n in names} & modules.keys() or {module}
            graph[name] |= {target for target in targets if target in modules} - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def private_imports(root: Path = STARPOS) -> list[str]:
    """``from module import _name`` of another module's private helper."""
    return [
        f"{name} imports {module}.{imported}"
        for name, path in _command_modules(root).items()
        for module, names in _imports(name, path)
        for imported in names
        if imported.startswith("_") and not imported.endswith("__") and module != name
    ]


def test_the_command_modules_import_each_other_without_a_cycle() -> None:
    assert cycles(import_graph()) == []


def test_no_command_module_takes_another_ones_private_helpers() -> None:
    assert private_imports() == []


def test_card_and_sm_sub_commands_import_their_common_module_never_the_reverse() -> None:
    graph = import_graph()
    for package in ("starpos.commands.card", "starpos.commands.sm"):
        common = f"{package}.common"
        assert not {m for m in graph[common] if m.startswith(package + ".")}, common
        users = {name for name, targets in graph.items() if common in targets}
        assert users and users <= {m for m in graph if m.startswith(package + ".")}


@pytest.mark.parametrize(
    ("files", "broken"),
    [
        (
            {
                "commands/card.py": "from starpos.commands import _card_sales\n",
                "commands/_card_sales.py": (
                    "def f():\n    from starpos.commands.card import _open_card\n"
                ),
            },
            "cycle",
        ),
        ({"commands/a.py": "from starpos.commands.b import _helper\n"}, "private"),
        ({"commands/x/__init__.py": "from . import y\n", "commands/x/y.py": "from .. import x\n"},
         "cycle"),
    ],
)  # fmt: skip
def test_the_walk_finds_what_it_looks_for(
    tmp_path: Path, files: dict[str, str], broken: str
) -> None:
    root = tmp_path / "starpos"
    for relative, source in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source, encoding="utf-8")
    (root / "commands" / "b.py").write_text("", encoding="utf-8")
    if broken == "cycle":
        assert cycles(import_graph(root))
    else:
        assert private_imports(root) == ["starpos.commands.a imports starpos.commands.b._helper"]
