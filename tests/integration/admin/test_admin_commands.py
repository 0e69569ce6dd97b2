"""``starpos admin`` as a user runs it: a change logs its operator in; a refusal is one
translated line with a non-zero exit and nothing written; a refused CSV file names its bad
rows on standard output."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

Run = Callable[..., subprocess.CompletedProcess[str]]
PASSWORD = "lakeside-star-1"


def test_refusals_are_one_line_and_change_nothing(run_starpos: Run, tmp_path: Path) -> None:
    assert run_starpos("db", "init").returncode == 0
    first = run_starpos(
        "admin", "branch", "add", "--code", "BR01", "--name", "Main",
        "--operator", "STAR", "--password-stdin", input="star\n",
    )  # fmt: skip
    assert first.returncode == 2 and first.stderr.count("\n") == 1
    assert "must choose a new password" in first.stderr
    changed = run_starpos(
        "admin", "password", "--operator", "STAR", "--password-stdin",
        input=f"star\n{PASSWORD}\n",
    )  # fmt: skip
    assert changed.returncode == 0, changed.stderr

    def star(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
        return run_starpos(
            "--lang", lang, "admin", *args, "--operator", "STAR", "--password-stdin",
            input=f"{PASSWORD}\n",
        )  # fmt: skip

    assert star("branch", "add", "--code", "BR01", "--name", "Main").returncode == 0
    assert star("sales-point", "add", "--code", "SP01", "--name", "Office",
                "--branch", "BR01").returncode == 0  # fmt: skip
    refused = star("branch", "delete", "BR01", lang="zh_CN")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "无法删除分支机构 BR01" in refused.stderr
    bad = star("system", "set", "--company-name", "X", "--currency", "USD",
               "--warn-amount", "12,5")  # fmt: skip
    assert bad.returncode == 2 and "12,5 is not an amount" in bad.stderr

    rows = tmp_path / "meters.csv"
    rows.write_text(
        "meter_number,model,branch,sgc,ti\n58300000013,KP1,BR01,600101,1\n"
        "58300000014,NOSUCH,BR01,600101,1\n",
        encoding="utf-8",
    )
    imported = star("meter", "import", str(rows))
    assert imported.returncode == 2 and imported.stderr.count("\n") == 1
    assert imported.stdout.splitlines() == [
        "line 2, column model: There is no meter model with the code KP1. Check the code in "
        "the list.",
        "line 3, column meter_number: The check digit of the meter number '58300000014' is "
        "4, but it should be 3: a digit was probably mistyped, check the meter number.",
        "line 3, column model: There is no meter model with the code NOSUCH. Check the code "
        "in the list.",
    ]
    listed = run_starpos("admin", "branch", "list", "--json")
    assert json.loads(listed.stdout) == [
        {"code": "BR01", "name": "Main", "address": "", "telephone": ""}
    ]
