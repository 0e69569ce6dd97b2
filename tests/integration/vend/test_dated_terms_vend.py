"""A token sale records the dated versions that priced it, the ones in force at its local
time, in its row, its charge lines and the facts that travel to the head office (issue 12;
decision BO-23)."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import open_configured_module
from starpos.db import Database
from starpos.db.engine import DATABASE_FILE
from starpos.db.models import (
    AuditEntry,
    ChargeItemVersion,
    Customer,
    CustomerType,
    CustomerTypeVatVersion,
    Vend,
)
from starpos.db.parameters import to_utc, utility_now
from starpos.masterdata.records import update_record
from starpos.operators.login import login
from starpos.vending import VendRequest, prepare, token_ledger
from tests.integration.vend.vend_world import sellable_meters, start_module, use_module


def _residential(database: Database) -> list[str]:
    with database.reading() as session:
        residential = set(
            session.scalars(
                select(Customer.code)
                .join(CustomerType, CustomerType.id == Customer.customer_type_id)
                .where(CustomerType.code == "RES")
            )
        )
    return [m.number for m in sellable_meters(database) if m.customer_code in residential]


def _recorded(database: Database, bill: str) -> tuple[Decimal, Decimal, dict[str, object]]:
    """The VAT version's rate, the LEVY line's version percentage, and the sale's facts."""
    with database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == bill)).one()
        vat = session.get(CustomerTypeVatVersion, vend.vat_version_id)
        levy = next(line for line in vend.charges if line.code == "LEVY")
        item = session.get(ChargeItemVersion, levy.charge_version_id)
        assert vat is not None and item is not None and item.percentage is not None
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.subject == f"vend:{bill}").order_by(AuditEntry.id)
        ).first()
        assert entry is not None
        return vat.vat_rate, item.percentage, json.loads(entry.details)


def test_a_vend_records_the_versions_in_force_at_its_local_time(
    data_dir: Path, tmp_path: Path, seeded_database_file: Path, tables_path: Path
) -> None:
    shutil.copy(seeded_database_file, data_dir / DATABASE_FILE)
    emulator = start_module(tmp_path, tables_path)
    try:
        use_module(emulator.url)
        with open_database() as database, open_configured_module() as access:
            admin = login(database, "ADMIN1", "admin-demo")
            with database.reading() as session:
                now = utility_now(session)
                tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
                tomorrow_morning = to_utc(session, tomorrow + timedelta(hours=9))
            update_record(database, admin, "customer_type", "RES", {"vat_rate": Decimal("10")},
                          tomorrow)  # fmt: skip
            update_record(database, admin, "charge_item", "LEVY", {"percentage": Decimal("5")},
                          tomorrow)  # fmt: skip
            first, second = _residential(database)[:2]
            with access.exclusive() as module:
                today = prepare(database, module, VendRequest(first, Decimal("30"), "CASH1"))
                today_bill = token_ledger.open_pending(database, today).bill_number
                later = prepare(
                    database, module, VendRequest(second, Decimal("30"), "CASH1"),
                    now=tomorrow_morning,
                )  # fmt: skip
                later_bill = token_ledger.open_pending(database, later).bill_number
            vat, levy, facts = _recorded(database, today_bill)
            assert (vat, levy) == (Decimal("7.5"), Decimal("3"))
            assert facts["vat_version"] == ["RES", "1970-01-01T00:00:00"]
            vat, levy, facts = _recorded(database, later_bill)
            assert (vat, levy) == (Decimal("10"), Decimal("5"))
            assert facts["vat_version"] == ["RES", tomorrow.isoformat()]
            lines = {line[0]: line for line in facts["charges"]}  # type: ignore[attr-defined]
            assert lines["LEVY"][5] == tomorrow.isoformat()
    finally:
        emulator.stop()
