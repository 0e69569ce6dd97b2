"""Who may change what the head office trusts (SYN-27): ``starpos server enrol`` and
``starpos server revoke`` act only for an authenticated operator with
``installer_settings``, who is written in the head office's audit log.

Real ``starpos`` processes on the head office's PostgreSQL store; no server process is
needed (these commands work on the store itself).
"""

from __future__ import annotations

import json
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from starpos.audit.log import AuditKind
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import AuditEntry, EnrolmentCode, TerminalEnrolment
from starpos.server.enrolment import issue_code, redeem
from tests.integration.sync.sync_world import run_starpos

#: The trust state a refused command must leave as it was, and who acted on it.
Trust = tuple[int, list[tuple[str, datetime | None]], list[tuple[str | None, str]]]


def _trust(url: str) -> Trust:
    """(enrolment codes, (key, revoked at) per enrolment, (operator, action) per key action)."""
    with Database.open(url, upgrade=False) as database, database.reading() as session:
        codes = int(session.scalar(select(func.count()).select_from(EnrolmentCode)) or 0)
        keys = [
            (row.id, row.revoked_at)
            for row in session.scalars(select(TerminalEnrolment).order_by(TerminalEnrolment.id))
        ]
        actions = [
            (row.operator_code, json.loads(row.details)["action"])
            for row in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.kind == AuditKind.KEY_ACTION)
                .order_by(AuditEntry.id)
            )
        ]
        return codes, keys, actions


def _as(
    folder: Path, operator: str | None, password: str, *args: str
) -> subprocess.CompletedProcess[str]:
    credentials = ("--operator", operator, "--password-stdin") if operator else ()
    # No operator from the environment either: an empty code is no code.
    return run_starpos(
        folder, "server", *args, *credentials, stdin=password + "\n", STARPOS_OPERATOR=""
    )


def test_enrol_and_revoke_need_an_installer_and_name_them_in_the_audit_log(
    head_office_store: tuple[Path, str],
) -> None:
    folder, url = head_office_store
    # T01 already has a key (enrolled as a counter would), so a revoke has something to do.
    with Database.open(url, upgrade=False) as database, database.unit_of_work() as uow:
        code = issue_code(uow.session, "T01").code
        redeem(uow.session, code, "ab" * 32, utc_now())
        uow.commit()
    before = _trust(url)

    for args in (("enrol", "--terminal", "T03"), ("revoke", "--terminal", "T01")):
        refusals = {
            "no credentials": _as(folder, None, "", *args),
            "a wrong password": _as(folder, "INST1", "not-inst-demo", *args),
            "no permission": _as(folder, "CASH1", "cash-demo", *args),
        }
        for why, refused in refusals.items():
            assert refused.returncode != 0, (args, why)
            assert len(refused.stderr.strip().splitlines()) == 1, (args, why, refused.stderr)
            assert "Traceback" not in refused.stderr
            assert refused.stdout == "", (args, why)
        assert "CASH1" in refusals["no permission"].stderr
        assert _trust(url) == before, args

    made = _as(folder, "INST1", "inst-demo", "enrol", "--terminal", "T03", "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["terminal"] == "T03"
    revoked = _as(folder, "INST1", "inst-demo", "revoke", "--terminal", "T01", "--json")
    assert revoked.returncode == 0, revoked.stderr
    assert json.loads(revoked.stdout)["revoked"] == [before[1][0][0]]

    codes, keys, actions = _trust(url)
    assert codes == before[0] + 1
    assert keys[0][1] is not None
    assert actions[len(before[2]) :] == [
        ("INST1", "enrolment code issued"),
        ("INST1", "revoked"),
    ]
