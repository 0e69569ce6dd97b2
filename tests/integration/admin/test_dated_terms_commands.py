"""``starpos admin charge-item set --from`` and ``customer-type set --from``, and their
``history``: a change of priced terms from a date, as a user runs it (issue 12; BO-23)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import date, timedelta

from tests.integration.admin.star_commands import star_on_a_new_store

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_a_dated_change_and_its_history(run_starpos: Run) -> None:
    star = star_on_a_new_store(run_starpos)

    added = star("charge-item", "add", "--code", "svc", "--name", "Service",
                 "--method", "monthly", "--amount", "1.50")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert star("customer-type", "add", "--code", "RES", "--name", "Homes",
                "--vat-rate", "7.5").returncode == 0  # fmt: skip
    tomorrow = date.today() + timedelta(days=1)
    dated = star("charge-item", "set", "SVC", "--amount", "2.00", "--from",
                 tomorrow.isoformat(), "--json")  # fmt: skip
    assert dated.returncode == 0, dated.stderr
    assert json.loads(dated.stdout)["effective_from"] == f"{tomorrow.isoformat()}T00:00:00"
    vat = star("customer-type", "set", "RES", "--vat-rate", "10", "--from", tomorrow.isoformat())
    assert vat.returncode == 0, vat.stderr

    # The list shows what prices a sale today, and the change dated tomorrow beside it.
    listed = json.loads(run_starpos("admin", "charge-item", "list", "--json").stdout)
    assert (listed[0]["amount"], listed[0]["method"]) == ("1.50", "monthly")
    assert listed[0]["scheduled"] == [
        {"effective_from": f"{tomorrow.isoformat()}T00:00:00", "amount": "2.00"}
    ]
    french = run_starpos("--lang", "fr", "admin", "charge-item", "list")
    assert "method=Mensuel" in french.stdout and "amount=1.50" in french.stdout
    assert f"(amount=2.00 à partir du {tomorrow.isoformat()})" in french.stdout

    history = run_starpos("admin", "charge-item", "history", "SVC", "--json")
    assert history.returncode == 0, history.stderr
    versions = json.loads(history.stdout)
    assert [(v["effective_from"][:10], v["amount"], v["in_force"]) for v in versions] == [
        ("1970-01-01", "1.50", True),
        (tomorrow.isoformat(), "2.00", False),
    ]
    listed = run_starpos("--lang", "fr", "admin", "customer-type", "history", "RES")
    assert listed.returncode == 0 and "(en vigueur)" in listed.stdout.splitlines()[0]
    assert listed.stdout.splitlines()[1].startswith(f"{tomorrow.isoformat()} 00:00")

    bad = star("charge-item", "set", "SVC", "--amount", "3", "--from", "tomorrow")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    unknown = run_starpos("admin", "customer-type", "history", "NOPE")
    assert unknown.returncode != 0 and unknown.stderr.count("\n") == 1
    again = run_starpos("admin", "charge-item", "history", "SVC", "--json")
    assert json.loads(again.stdout) == versions  # the refusals changed nothing
