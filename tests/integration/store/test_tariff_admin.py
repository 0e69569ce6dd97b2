"""A price change is a new tariff version, audited; past versions stay as they were."""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal

import pytest
from sqlalchemy import select

from starpos import pricing
from starpos.audit.log import verify
from starpos.db import Database
from starpos.db.models import AuditEntry, TariffScheme
from starpos.masterdata.pricing_inputs import tariff
from starpos.masterdata.tariffs import TariffVersionExistsError, add_tariff_version
from starpos.operators.errors import PermissionDeniedError
from starpos.operators.login import login


def _tariff(database: Database, code: str) -> pricing.Tariff:
    with database.reading() as session:
        scheme_id = session.scalars(select(TariffScheme.id).where(TariffScheme.code == code)).one()
        return tariff(session, scheme_id)


@pytest.mark.slow
def test_new_prices_from_a_date_with_an_audit_entry(demo_database: Database) -> None:
    admin = login(demo_database, "ADMIN1", "admin-demo")
    cashier = login(demo_database, "CASH1", "cash-demo")
    january = datetime(2027, 1, 1)
    steps = pricing.StepRate(
        (pricing.Step(Decimal("100"), Decimal("0.12")), pricing.Step(None, Decimal("0.25")))
    )
    with pytest.raises(PermissionDeniedError, match="change_prices"):
        add_tariff_version(demo_database, cashier, "RES-STEP", january, steps)
    add_tariff_version(demo_database, admin, "RES-STEP", january, steps)
    with pytest.raises(TariffVersionExistsError):
        add_tariff_version(demo_database, admin, "RES-STEP", january, steps)
    tou = pricing.TouScheme(
        prices=(Decimal("0.1"), Decimal("0.3"), Decimal("0.2"), Decimal("0.05")),
        day_tariffs=(
            pricing.DayTariff(1, (pricing.DaySwitch(time(0), 1), pricing.DaySwitch(time(18), 2))),
        ),
    )
    add_tariff_version(demo_database, admin, "IND-TOU", january, pricing.TouRate(tou))

    residential = _tariff(demo_database, "RES-STEP")
    assert residential.version_at(datetime(2026, 12, 31, 23, 59)).rate != steps
    assert residential.version_at(january).rate == steps
    industrial = _tariff(demo_database, "IND-TOU")
    assert industrial.blocks_at(datetime(2027, 1, 4, 19, 0))[0].price == Decimal("0.3")
    with demo_database.reading() as session:
        changes = session.scalars(
            select(AuditEntry).where(AuditEntry.kind == "price_change").order_by(AuditEntry.id)
        ).all()
        assert [(c.subject, c.operator_code) for c in changes] == [
            ("tariff:RES-STEP", "ADMIN1"),
            ("tariff:IND-TOU", "ADMIN1"),
        ]
        assert '"steps":[["100","0.12"],[null,"0.25"]]' in changes[0].details
        assert verify(session).intact
