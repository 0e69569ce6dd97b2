"""A supervisor resolves a finding once dealt with (``starpos server resolve-finding``;
docs/sync.md, "Findings"; SYN-59): it leaves the open list and the status count, the audit
log keeps who, when and what was done; without credentials, without the permission, with no
note, for a finding that does not exist or is already resolved, it is refused in one line
and nothing changes. The commands run as child processes on the head office's PostgreSQL
store."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from starpos.db.models import AuditEntry, SyncFinding
from starpos.server.findings import FindingKind, raise_finding
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_world import run_starpos

pytestmark = pytest.mark.postgres

PASSWORDS = {"SUP1": "super-demo", "CASH1": "cash-demo"}


def _as(folder: Path, operator: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_starpos(
        folder, "server", *args, "--operator", operator, "--password-stdin",
        stdin=PASSWORDS[operator] + "\n",
    )  # fmt: skip


def _state(office: HeadOffice) -> tuple[list[tuple[int, bool]], list[dict[str, Any]]]:
    """Each finding (id, resolved) and the head office's finding resolutions audited."""
    with office.transaction() as session:
        found = session.execute(
            select(SyncFinding.id, SyncFinding.resolved_at).order_by(SyncFinding.id)
        ).all()
        entries = session.execute(
            select(AuditEntry.details, AuditEntry.operator_code)
            .where(AuditEntry.subject.like("sync_finding:%"))
            .order_by(AuditEntry.id)
        ).all()
    return (
        [(id_, resolved is not None) for id_, resolved in found],
        [{**json.loads(details), "by": code} for details, code in entries],
    )


def _refused(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode != 0
    assert words in done.stderr, done.stderr
    assert done.stderr.strip().count("\n") == 0 and "Traceback" not in done.stderr


def test_a_finding_is_resolved_once_by_a_supervisor_with_a_note(
    office: HeadOffice, head_office_store: tuple[Path, str]
) -> None:
    folder, _ = head_office_store
    with office.transaction() as session:
        raise_finding(
            session, FindingKind.TID_COLLISION, enrolment_id=None, terminal_code="T01",
            seq=7, subject="vend:V2612SP0100004", details={"bill": "V2612SP0100004"},
        )  # fmt: skip
        (finding,) = session.scalars(select(SyncFinding.id)).all()
    number = str(finding)
    before = _state(office)
    assert before == ([(finding, False)], [])

    _refused(
        run_starpos(folder, "server", "resolve-finding", number, "--note", "done"), "logged in"
    )
    _refused(_as(folder, "CASH1", "resolve-finding", number, "--note", "done"), "CASH1")
    _refused(_as(folder, "SUP1", "resolve-finding", number, "--note", "  "), "--note")
    _refused(_as(folder, "SUP1", "resolve-finding", "999", "--note", "done"), "999")
    assert _state(office) == before

    note = "Replacement token issued at T01; customer entered it"
    done = _as(folder, "SUP1", "resolve-finding", number, "--note", note, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["resolved"] is True
    resolved, audited = _state(office)
    assert resolved == [(finding, True)]
    assert audited == [
        {
            "step": "finding_resolved", "kind": "tid_collision", "terminal": "T01", "seq": 7,
            "about": "vend:V2612SP0100004", "note": note, "by": "SUP1",
        }
    ]  # fmt: skip
    open_now = run_starpos(folder, "server", "findings", "--json")
    assert json.loads(open_now.stdout) == []
    every = json.loads(run_starpos(folder, "server", "findings", "--all", "--json").stdout)
    assert [(row["id"], row["resolved"]) for row in every] == [(finding, True)]
    status = json.loads(run_starpos(folder, "server", "status", "--json").stdout)
    assert status["open_findings"] == 0

    again = _as(folder, "SUP1", "resolve-finding", number, "--note", note)
    _refused(again, "already resolved")
    assert _state(office) == (resolved, audited)
    french = run_starpos(
        folder, "--lang", "fr", "server", "resolve-finding", number, "--note", note,
        "--operator", "SUP1", "--password-stdin", stdin="super-demo\n",
    )  # fmt: skip
    _refused(french, "déjà été résolue")
