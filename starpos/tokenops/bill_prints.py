"""Prints of a bill that keeps no print column: each print is an audit entry on the bill's
subject (decision TOK-20), so the prints made are counted there and the second and later
papers are marked REPRINT. Used by the payment change's and the meter replacement's bills."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.audit.log import AuditKind, append
from starpos.db import Database
from starpos.db.models import AuditEntry
from starpos.devices.printer import Voucher
from starpos.devices.printer.template import Template
from starpos.operators.session import OperatorSession
from starpos.tokenops.vouchers import OperationPrinter

PRINTED = "printed"


def prints_made(session: Session, subject: str) -> int:
    """How many times the bill ``subject`` names has been printed (its audit entries say)."""
    details = session.scalars(
        select(AuditEntry.details).where(
            AuditEntry.subject == subject,
            AuditEntry.kind == AuditKind.MASTER_DATA_CHANGE.value,
        )
    )
    return sum(1 for text in details if json.loads(text).get("step") == PRINTED)


def print_counted(
    database: Database,
    printer: OperationPrinter,
    operator: OperatorSession,
    subject: str,
    voucher_of: Callable[[Session, bool], Voucher],
    template: Template,
) -> int:
    """Print ``voucher_of(session, reprint)`` and record the print; the bill's print count.

    Blocking printer I/O (a window runs it on its printer worker). A failed print raises the
    printer's error and records nothing.
    """
    with database.reading() as session:
        voucher = voucher_of(session, prints_made(session, subject) > 0)
    printer.print(voucher, template)
    with database.unit_of_work() as uow:
        count = prints_made(uow.session, subject) + 1
        append(
            uow.session,
            AuditKind.MASTER_DATA_CHANGE,
            subject=subject,
            details={"step": PRINTED, "print_count": count},
            actor=operator.actor,
        )
        uow.commit()
    return count
