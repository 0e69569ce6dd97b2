"""``starpos admin region`` as a user runs it: the levels named, a tree added, moved and
listed (indented, with the level names, and as JSON); a refusal is one translated line with
a non-zero exit and nothing written."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

Run = Callable[..., subprocess.CompletedProcess[str]]
PASSWORD = "lakeside-star-1"


def test_a_region_tree_from_the_command_line(run_starpos: Run) -> None:
    assert run_starpos("db", "init").returncode == 0
    changed = run_starpos(
        "admin", "password", "--operator", "STAR", "--password-stdin",
        input=f"star\n{PASSWORD}\n",
    )  # fmt: skip
    assert changed.returncode == 0, changed.stderr

    def star(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
        done = run_starpos(
            "--lang", lang, "admin", "region", *args, "--operator", "STAR", "--password-stdin",
            input=f"{PASSWORD}\n",
        )  # fmt: skip
        return done

    for level, name in (("1", "Province"), ("2", "District")):
        assert star("level-name", "--level", level, "--name", name).returncode == 0
    assert star("add", "--code", "N", "--name", "North").returncode == 0
    assert star("add", "--code", "S", "--name", "South").returncode == 0
    assert star("add", "--code", "KANO", "--name", "Kano", "--parent", "N").returncode == 0

    refused = star("add", "--code", "W3", "--name", "Ward 3", "--parent", "KANO", lang="fr")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "Le niveau de région 3 n'a pas encore de nom" in refused.stderr
    refused = star("remove", "N", lang="zh_CN")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "无法删除区域 N" in refused.stderr
    refused = star("move", "N", "--parent", "KANO")
    assert refused.returncode == 2 and "KANO is N or a region under it" in refused.stderr

    assert star("move", "KANO", "--parent", "S").returncode == 0
    assert star("change", "KANO", "--name", "Kano State").returncode == 0
    listed = run_starpos("admin", "region", "list")
    assert listed.stdout.splitlines() == [
        "Region levels: 1 Province, 2 District, 3 (no name yet)",
        "N                North (Province)",
        "S                South (Province)",
        "  KANO           Kano State (District)",
    ]
    shown = json.loads(run_starpos("admin", "region", "list", "--json").stdout)
    assert shown["levels"][2] == {"level": 3, "name": ""}
    assert shown["regions"][2] == {
        "code": "KANO", "name": "Kano State", "level": 2, "parent": "S",
        "path": "South / Kano State",
    }  # fmt: skip
    assert star("remove", "KANO").returncode == 0
    assert len(json.loads(run_starpos("admin", "region", "list", "--json").stdout)["regions"]) == 2
