"""Checked bills (manual 3.1): a checked stock bill does not change (deleting one of its
meters is refused, the store as it was); unchecking needs the permission and is audited;
the meter's history shows both. Then ``starpos admin bill`` as a user runs it."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

from sqlalchemy import select

from starpos.db.models import AuditEntry, Meter, StockMovement
from starpos.masterdata.bill_checks import (
    BillAlreadyCheckedError,
    BillCheckedError,
    BillNotCheckedError,
    UnknownBillError,
    check_bill,
    checked_bills,
    uncheck_bill,
)
from starpos.masterdata.registration import delete_meter
from starpos.masterdata.stock_list import meter_history
from starpos.operators.errors import PermissionDeniedError
from starpos.operators.login import login
from starpos.operators.passwords import change_password
from tests.integration.admin.admin_world import LAST, Utility
from tests.integration.admin.refusals import refusal_check, row_counts
from tests.support.store_backends import both_backends

Run = Callable[..., subprocess.CompletedProcess[str]]


_snapshot = row_counts(AuditEntry, Meter, StockMovement)


_refused = refusal_check(_snapshot)


@both_backends
def test_a_checked_bill_does_not_change_until_unchecked(utility: Utility) -> None:
    database, star = utility.database, utility.star
    with database.reading() as session:
        stock_in = meter_history(session, LAST)[0].bill  # the range's bill
    check_bill(database, star, stock_in.lower())
    _refused(utility, BillAlreadyCheckedError, lambda: check_bill(database, star, stock_in))
    refusal = _refused(utility, BillCheckedError, lambda: delete_meter(database, star, LAST))
    assert stock_in in refusal.message
    _refused(utility, UnknownBillError, lambda: check_bill(database, star, "NO-SUCH-BILL"))

    change_password(database, "CASH1", "temporary-1", "cashier-own-1")
    cashier = login(database, "CASH1", "cashier-own-1")
    _refused(utility, PermissionDeniedError, lambda: uncheck_bill(database, cashier, stock_in))
    _refused(utility, PermissionDeniedError, lambda: check_bill(database, cashier, stock_in))

    uncheck_bill(database, star, stock_in)
    _refused(utility, BillNotCheckedError, lambda: uncheck_bill(database, star, stock_in))
    with database.reading() as session:
        assert checked_bills(session, [stock_in]) == {}
        history = meter_history(session, LAST)
        subjects = list(
            session.scalars(
                select(AuditEntry.subject).where(AuditEntry.subject == f"bill:{stock_in}")
            )
        )
    assert [(e.kind, e.bill, e.operator) for e in history[1:]] == [
        ("bill_checked", stock_in, "STAR"),
        ("bill_unchecked", stock_in, "STAR"),
    ]
    assert len(subjects) == 2
    delete_meter(database, star, LAST)  # unchecked, the bill may change again


def test_the_bill_commands(run_starpos: Run) -> None:
    password = "lakeside-star-1"
    assert run_starpos("db", "init").returncode == 0
    assert run_starpos(
        "admin", "password", "--operator", "STAR", "--password-stdin",
        input=f"star\n{password}\n",
    ).returncode == 0  # fmt: skip

    def star(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
        return run_starpos(
            "--lang", lang, "admin", *args, "--operator", "STAR", "--password-stdin",
            input=f"{password}\n",
        )  # fmt: skip

    assert star("system", "set", "--company-name", "Lakeside", "--currency", "USD").returncode == 0
    assert star("branch", "add", "--code", "BR01", "--name", "Main").returncode == 0
    assert star("meter-model", "add", "--code", "KP1", "--name", "Keypad").returncode == 0
    stocked = star(
        "meter", "stock-in-range", "58300000013", "58300000021", "--model", "KP1",
        "--branch", "BR01", "--sgc", "600101", "--ti", "1", "--json",
    )  # fmt: skip
    assert stocked.returncode == 0, stocked.stderr
    bill = json.loads(stocked.stdout)["bill_number"]
    checked = star("bill", "check", bill, "--json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout) == {"done": f"bill {bill}", "checked": True}
    again = star("bill", "check", bill, lang="fr")
    assert again.returncode == 2 and again.stderr.count("\n") == 1
    assert f"Le bon {bill} est déjà vérifié (par STAR" in again.stderr
    assert star("bill", "uncheck", bill).returncode == 0
    not_checked = star("bill", "uncheck", bill, lang="zh_CN")
    assert not_checked.returncode == 2 and f"单据 {bill} 未审核" in not_checked.stderr
