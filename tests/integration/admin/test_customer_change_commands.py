"""``starpos admin customer change | add-meter | change-meter`` as a user runs them: a change
prints its line (or JSON), a refusal is one translated line with a non-zero exit and the
store unchanged."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

from starpos.masterdata.customer_changes import customer_card
from starpos.masterdata.meter_changes import meter_card
from tests.integration.admin.admin_world import FIRST, SECOND, STAR_PASSWORD, Utility

Run = Callable[..., subprocess.CompletedProcess[str]]


def _as_star(run_starpos: Run) -> Callable[..., subprocess.CompletedProcess[str]]:
    def star(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
        return run_starpos(
            "--lang", lang, "admin", "customer", *args, "--operator", "STAR",
            "--password-stdin", input=f"{STAR_PASSWORD}\n",
        )  # fmt: skip

    return star


def test_change_add_meter_and_change_meter(run_starpos: Run, utility: Utility) -> None:
    star, code = _as_star(run_starpos), utility.customer_code
    registered = str(customer_card(utility.database, code).values["registered_on"])
    changed = star(
        "change", code, "--name", "Ada Shore", "--telephone", "+234 801", "--id-number", "",
        "--registered-on", "2026-01-02", "--json",
    )  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    assert json.loads(changed.stdout)["changed"] == {
        "name": ["Ada Lake", "Ada Shore"],
        "telephone": ["", "+234 801"],
        "registered_on": [registered, "2026-01-02"],
    }
    assert customer_card(utility.database, code).values["name"] == "Ada Shore"

    added = star("add-meter", code, "--meter", SECOND, "--tariff", "RES")
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(f"Done: meter {SECOND} for customer {code}")
    assert meter_card(utility.database, SECOND).customer == code

    ended = star("change-meter", SECOND, "--customer", code, "--contract-end", "2031-01-31")
    assert ended.returncode == 0, ended.stderr
    cleared = star("change-meter", SECOND, "--contract-end", "none", "--json")
    assert json.loads(cleared.stdout)["changed"] == {"contract_end": ["2031-01-31", None]}
    assert meter_card(utility.database, SECOND).values["contract_end"] is None


def test_refusals_are_one_translated_line(run_starpos: Run, utility: Utility) -> None:
    star, code = _as_star(run_starpos), utility.customer_code
    before = (customer_card(utility.database, code), meter_card(utility.database, FIRST))

    keyed = star("change-meter", FIRST, "--sgc", "600102")
    assert keyed.returncode == 2 and keyed.stderr.count("\n") == 1
    assert "starpos keychange flag --meter" in keyed.stderr
    nobody = star("change", "C0999999", "--name", "X", lang="fr")
    assert nobody.returncode == 2 and nobody.stderr.count("\n") == 1
    assert "C0999999" in nobody.stderr and "There is no" not in nobody.stderr
    taken = star("add-meter", code, "--meter", FIRST, "--tariff", "RES", lang="zh_CN")
    assert taken.returncode == 2 and taken.stderr.count("\n") == 1 and FIRST in taken.stderr
    nothing = star("change", code)
    assert nothing.returncode != 0 and nothing.stderr.count("\n") == 1
    bad_day = star("change-meter", FIRST, "--install-date", "3/1/2026")
    assert bad_day.returncode != 0 and "YYYY-MM-DD" in bad_day.stderr
    assert "Traceback" not in bad_day.stderr + nothing.stderr

    assert (customer_card(utility.database, code), meter_card(utility.database, FIRST)) == before
