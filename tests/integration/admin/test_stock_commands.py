"""``starpos admin meter`` stock movements as a user runs them (child processes): each
movement prints its bill number, a status change its reason in the history, the list its
filters; a refusal is one translated line, a non-zero exit, and the stock as it was."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

from starpos.sts.meter_number import make_meter_number
from tests.integration.admin.star_commands import star_on_a_new_store

Run = Callable[..., subprocess.CompletedProcess[str]]
METERS = [make_meter_number("600727", "58", 30_000_000 + n).iain for n in range(1, 6)]


def test_stock_movements_from_the_command_line(run_starpos: Run) -> None:
    star = star_on_a_new_store(run_starpos)

    def meters(*args: str) -> dict[str, object]:
        listed = run_starpos("admin", "meter", "list", *args, "--json")
        assert listed.returncode == 0, listed.stderr
        answer: dict[str, object] = json.loads(listed.stdout)
        return answer

    for record in (
        ("system", "set", "--company-name", "Lakeside Power", "--currency", "USD"),
        ("branch", "add", "--code", "BR01", "--name", "Lakeside"),
        ("branch", "add", "--code", "BR02", "--name", "Hill"),
        ("meter-model", "add", "--code", "KP1", "--name", "Keypad"),
    ):
        assert star(*record).returncode == 0
    ranged = star("meter", "stock-in-range", METERS[0], METERS[3], "--model", "KP1",
                  "--branch", "BR01", "--sgc", "600101", "--ti", "1", "--json")  # fmt: skip
    assert ranged.returncode == 0, ranged.stderr
    one = star("meter", "stock-in", METERS[4], "--model", "KP1", "--branch", "BR01",
               "--sgc", "600101", "--ti", "1", "--ex-factory-date", "2026-10-01")  # fmt: skip
    assert one.returncode == 0 and one.stdout.startswith("Done: stock in SI"), one.stderr

    out = star("meter", "stock-out", METERS[0], METERS[1], "--drawer", "Ivan", "--json")
    assert out.returncode == 0, out.stderr
    out_bill = json.loads(out.stdout)
    assert out_bill["bill_number"].startswith("SO") and out_bill["count"] == 2
    away = star("meter", "stock-out", METERS[2], "--to-branch", "BR02")
    assert away.returncode == 0 and " SO" in away.stdout, away.stderr
    back = star("meter", "stock-in-from-branch", METERS[2], "--json")
    back_bill = json.loads(back.stdout)["bill_number"]
    assert back.returncode == 0 and back_bill.startswith("SI")
    scrap = star("meter", "status", METERS[3], "scrap", "--reason", "Cracked case")
    assert scrap.returncode == 0
    assert scrap.stdout == f"Done: meter {METERS[3]} is now Scrap (was Good).\n"

    before = meters()
    assert before["total"] == 5
    # Refused: a scrapped meter for installation (in French), a meter twice, no reason.
    refused = star("meter", "stock-out", METERS[3], lang="fr")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert METERS[3] in refused.stderr and "Rebut" in refused.stderr
    assert star("meter", "stock-out", METERS[4], METERS[4]).returncode == 2
    no_reason = star("meter", "status", METERS[4], "maintenance", "--reason", " ")
    assert no_reason.returncode == 2 and no_reason.stderr.count("\n") == 1
    assert meters() == before

    scrapped = meters("--status", "scrap")
    assert [m["number"] for m in scrapped["meters"]] == [METERS[3]]  # type: ignore[index]
    issued = meters("--stock", "issued", "--branch", "br01", "--model", "KP1")
    assert issued["total"] == 2
    page = meters("--order", "number", "--descending", "--limit", "2", "--offset", "1")
    assert [m["number"] for m in page["meters"]] == [METERS[3], METERS[2]]  # type: ignore[index]
    text = run_starpos("--lang", "zh_CN", "admin", "meter", "list", "--status", "scrap")
    assert text.returncode == 0 and METERS[3] in text.stdout and "报废" in text.stdout

    history = run_starpos("admin", "meter", "history", METERS[2], "--json")
    assert [(e["kind"], e["bill"]) for e in json.loads(history.stdout)][1:] == [
        ("out_to_branch", away.stdout.split()[3].rstrip(":")),
        ("in_from_branch", back_bill),
    ]
    lines = run_starpos("admin", "meter", "history", METERS[3]).stdout.splitlines()
    assert len(lines) == 2 and "Status changed" in lines[1] and "Cracked case" in lines[1]
    unknown = run_starpos("admin", "meter", "history", "58300000014")
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1
