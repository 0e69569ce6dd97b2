"""Reconciliation as the store runs it by itself: after every start (recovery), every credit
update and every sync, its verdict audited whenever it changes.

A disagreement is evidence (tokens made outside the books, a credit update nobody recorded):
it goes into the audit log, which travels to the head office, the first time it is seen and
again whenever it changes, including the run that finds the books agree again. The same
findings seen at every start are not written again and again.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select

from starpos.audit.log import Actor, AuditKind, append, canonical_json
from starpos.db import Database
from starpos.db.models import AuditEntry
from starpos.devices.sm.driver import SecureModule
from starpos.vending.reconcile import ReconcileReport, reconcile

SUBJECT = "module:{module}"


def verdict_digest(report: ReconcileReport) -> str:
    """What identifies a verdict: its findings and pending rows (not the figures, which
    move with every agreeing sale)."""
    verdict = {
        "findings": [finding.as_dict() for finding in report.findings],
        "pending": report.pending,
    }
    return hashlib.sha256(canonical_json(verdict).encode("utf-8")).hexdigest()[:16]


def reconcile_and_record(
    database: Database, module: SecureModule, actor: Actor | None = None, *, why: str = ""
) -> ReconcileReport:
    """:func:`reconcile`, and an audit entry when its verdict differs from the last one
    audited for this module (``why``: what ran it, e.g. "start", "credit_update")."""
    report = reconcile(database, module)
    record_verdict(database, report, actor, why=why)
    return report


def record_verdict(
    database: Database, report: ReconcileReport, actor: Actor | None = None, *, why: str = ""
) -> bool:
    """Audit ``report`` unless the last audited verdict of its module is the same; true when
    an entry was written. A first run that agrees writes nothing (nothing to say)."""
    subject = SUBJECT.format(module=report.module_id)
    digest = verdict_digest(report)
    with database.unit_of_work() as uow:
        last = uow.session.scalar(
            select(AuditEntry.details)
            .where(AuditEntry.kind == AuditKind.RECONCILE.value, AuditEntry.subject == subject)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        )
        previous = json.loads(last).get("verdict") if last else None
        if previous == digest or (previous is None and report.agrees):
            return False
        append(
            uow.session,
            AuditKind.RECONCILE,
            subject=subject,
            details={
                "verdict": digest,
                "why": why,
                "agrees": report.agrees,
                "balance_kwh": report.balance,
                "expected_balance_kwh": report.expected_balance,
                "sequence": report.sequence,
                "findings": [finding.as_dict() for finding in report.findings],
                "pending": report.pending,
            },
            actor=actor,
        )
        uow.commit()
    return True
