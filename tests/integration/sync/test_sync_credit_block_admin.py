"""The head office lists its module credit blocks and withdraws one still waiting
(``starpos server credit-blocks``, ``starpos server withdraw-credit``; docs/sync.md,
"Credit blocks"; SYN-35): installers only, audited, refused in one line when nothing waits
(the data as it was); a withdrawn block is no longer sent down and its sequence can be
issued again; one its counter had applied all the same becomes ``applied`` and is raised.
The commands run as child processes on the head office's PostgreSQL store."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from starpos.audit.log import AuditKind
from starpos.db.models import AuditEntry, IssuedCreditBlock, Terminal
from starpos.server.credit_blocks import blocks_for
from starpos.server.store import HeadOffice
from tests.integration.sync.sync_requests import findings
from tests.integration.sync.sync_world import run_starpos
from tests.integration.sync.test_sync_projection import _send

pytestmark = pytest.mark.postgres

MODULE = "30000001"
PASSWORDS = {"INST1": "inst-demo", "CASH1": "cash-demo"}


def _reported(sequence: int, digest: str) -> tuple[AuditKind, str, dict[str, Any]]:
    """The counter's entry of an update its module took at ``sequence``."""
    details = {"step": "applied", "sequence": sequence, "block_digest": digest,
               "operation": "add", "amount_kwh": "10.0"}  # fmt: skip
    return AuditKind.MODULE_CREDIT, f"module:{MODULE}", details


def _as(folder: Path, operator: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_starpos(
        folder, "server", *args, "--operator", operator, "--password-stdin",
        stdin=PASSWORDS[operator] + "\n",
    )  # fmt: skip


def _listed(folder: Path, *options: str) -> list[tuple[int, str]]:
    done = run_starpos(folder, "server", "credit-blocks", "--json", *options)
    assert done.returncode == 0, done.stderr
    return [(row["sequence"], row["state"]) for row in json.loads(done.stdout)]


def _kept(office: HeadOffice) -> tuple[list[tuple[int, str]], int]:
    """The blocks (sequence, state) and the head office's own credit entries (a refused
    login is audited too: that is not a change of the blocks)."""
    with office.transaction() as session:
        blocks = session.execute(
            select(IssuedCreditBlock.sequence, IssuedCreditBlock.state).order_by(
                IssuedCreditBlock.id
            )
        ).all()
        entries = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.kind == AuditKind.MODULE_CREDIT.value)
        )
        return [(sequence, state) for sequence, state in blocks], int(entries or 0)


def test_a_waiting_block_is_listed_withdrawn_once_and_issued_again(
    office: HeadOffice, head_office_store: tuple[Path, str], tmp_path: Path
) -> None:
    folder, _ = head_office_store
    signer = _send(office, tmp_path / "t01", "T01", [_reported(3, "00aa00aa00aa00aa")])
    kmc = str(tmp_path / "kmc")
    issued = _as(folder, "INST1", "credit", "--module", MODULE, "--add", "10", "--kmc", kmc,
                 "--json")  # fmt: skip
    assert issued.returncode == 0, issued.stderr
    first = json.loads(issued.stdout)
    assert _listed(folder) == [(4, "issued")]

    # A cashier may not; refused in one line, nothing changed.
    before = _kept(office)
    denied = _as(folder, "CASH1", "withdraw-credit", "--module", MODULE)
    assert denied.returncode != 0 and len(denied.stderr.strip().splitlines()) == 1
    assert _kept(office) == before

    withdrawn = _as(folder, "INST1", "withdraw-credit", "--module", MODULE,
                    "--reason", "wrong amount", "--json")  # fmt: skip
    assert withdrawn.returncode == 0, withdrawn.stderr
    assert json.loads(withdrawn.stdout)["state"] == "withdrawn"
    with office.transaction() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None and entry.kind == AuditKind.MODULE_CREDIT.value
        facts = json.loads(entry.details)
        assert (entry.operator_code, facts["step"], facts["reason"]) == (
            "INST1", "withdrawn", "wrong amount"
        )  # fmt: skip
        assert facts["block_digest"] == first["block_digest"]
        terminal = session.scalar(select(Terminal.id).where(Terminal.code == "T01"))
        assert terminal is not None and blocks_for(session, terminal) == []  # not sent down
    listed = run_starpos(folder, "server", "credit-blocks")
    assert listed.returncode == 0 and listed.stdout.strip() == "No credit block is waiting."
    assert _listed(folder, "--all", "--module", MODULE) == [(4, "withdrawn")]

    # Nothing waits any more: refused in one line, the data as it was.
    before = _kept(office)
    again = _as(folder, "INST1", "withdraw-credit", "--module", MODULE)
    assert again.returncode != 0 and len(again.stderr.strip().splitlines()) == 1
    assert "nothing to withdraw" in again.stderr
    assert _kept(office) == before

    # The module's next sequence is free: a new block takes it.
    reissued = _as(folder, "INST1", "credit", "--module", MODULE, "--add", "20", "--kmc", kmc,
                   "--json")  # fmt: skip
    assert reissued.returncode == 0, reissued.stderr
    second = json.loads(reissued.stdout)
    assert _listed(folder, "--all") == [(4, "withdrawn"), (4, "issued")]

    # The counter had applied the withdrawn block before it heard: the module took it, so
    # it stands as applied, the new one can never be taken (superseded), and it is raised.
    _send(office, tmp_path / "t01", "T01", [_reported(4, first["block_digest"])], signer)
    with office.transaction() as session:
        states = dict(
            session.execute(select(IssuedCreditBlock.block_digest, IssuedCreditBlock.state)).all()
        )
    assert states == {first["block_digest"]: "applied", second["block_digest"]: "superseded"}
    assert [kind for kind, _ in findings(office)] == ["withdrawn_block_applied"]
