"""``starpos admin customer register | add-meter --paid`` and ``registration-bill`` as a user
runs them (decision BO-21): the register charge, what was paid and the change in the JSON and
on the lines, the bill previewed and printed again as REPRINT; a short payment and a missing
shift are one translated line, a non-zero exit, and nothing written."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from PIL import Image
from sqlalchemy import func, select

from starpos.db.models import AuditEntry, Customer, RegistrationBill
from starpos.shifts.lifecycle import open_shift
from starpos.shifts.totals import x_report
from tests.integration.admin.admin_world import SECOND, STAR_PASSWORD, Utility
from tests.integration.admin.test_registration_payment import (
    FLOAT,
    FOURTH,
    THIRD,
    with_register_charges,
)

Run = Callable[..., subprocess.CompletedProcess[str]]


def _as_star(run_starpos: Run) -> Callable[..., subprocess.CompletedProcess[str]]:
    def star(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
        return run_starpos(
            "--lang", lang, "admin", "customer", *args, "--operator", "STAR",
            "--password-stdin", "--terminal", "T01", input=f"{STAR_PASSWORD}\n",
        )  # fmt: skip

    return star


def _counts(utility: Utility) -> tuple[int, int]:
    with utility.database.reading() as session:
        return (
            int(session.scalar(select(func.count()).select_from(Customer)) or 0),
            int(session.scalar(select(func.count()).select_from(RegistrationBill)) or 0),
        )


def test_register_and_add_meter_take_the_charge_with_change_and_print_the_bill(
    run_starpos: Run, utility: Utility, tmp_path: Path
) -> None:
    with_register_charges(utility)
    star = _as_star(run_starpos)
    before = _counts(utility)

    # No shift open: a charge cannot be taken; one line, nothing written.
    refused = star("register", "--name", "Bo Hill", "--type", "RES", "--meter",
                   f"{SECOND}:RES", lang="fr")  # fmt: skip
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1, refused.stderr
    assert "Traceback" not in refused.stderr and _counts(utility) == before

    at_till = replace(utility.star, sales_point_code="SP01", terminal_code="T01")
    shift = open_shift(utility.database, at_till, float_total=FLOAT)
    short = star("register", "--name", "Bo Hill", "--type", "RES", "--meter", f"{SECOND}:RES",
                 "--paid", "15.74", lang="zh_CN")  # fmt: skip
    assert short.returncode != 0 and short.stderr.count("\n") == 1 and "15.75" in short.stderr
    assert _counts(utility) == before

    preview = tmp_path / "registration.png"
    done = star("register", "--name", "Bo Hill", "--type", "RES", "--meter", f"{SECOND}:RES",
                "--meter", f"{THIRD}:RES", "--paid", "40", "--preview", str(preview),
                "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert (result["charges"], result["paid"], result["change"]) == ("31.50", "40.00", "8.50")
    assert [line["code"] for line in result["lines"]] == ["CON", "REG", "VAT"]
    assert result["meters"] == [SECOND, THIRD] and result["bill_number"].startswith("RG")
    assert Image.open(preview).size[1] > 200  # the bill as the paper shows it

    added = star("add-meter", result["code"], "--meter", FOURTH, "--tariff", "RES")
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(f"Done: meter {FOURTH} for customer {result['code']}")
    assert "15.75" in added.stdout  # the one meter's register charge, on its own line

    # The drawer holds both charges, not the change.
    expected = x_report(utility.database, at_till, shift.shift_id).expected_cash
    assert expected == FLOAT + Decimal("31.50") + Decimal("15.75")

    bill = result["bill_number"]
    first = star("registration-bill", bill, "--json")
    again = star("registration-bill", bill)
    assert first.returncode == 0 and json.loads(first.stdout)["print_count"] == 1, first.stderr
    assert again.returncode == 0 and "(print 2)" in again.stdout
    with utility.database.reading() as session:
        prints = session.scalars(
            select(AuditEntry.details).where(AuditEntry.subject == f"registration:{bill}")
        ).all()
    assert [json.loads(p)["print_count"] for p in prints] == [1, 2]
    unknown = star("registration-bill", "RG9999999")
    assert unknown.returncode != 0 and "RG9999999" in unknown.stderr
