"""Seed a demo utility into an empty database (``starpos demo seed``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from starpos.audit.log import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.models import SystemParameters
from starpos.db.parameters import utility_now
from starpos.demo.master_data_loader import demo_file, load_master_data, read_json
from starpos.demo.module import provision_demo_module
from starpos.demo.population import PopulationReport, populate
from starpos.devices.sm.driver import SecureModule
from starpos.errors import ConfigError
from starpos.operators import permissions
from starpos.operators.login import acting_as
from starpos.shifts import open_shift
from starpos.vending.store_binding import adopt_credit_updates


class AlreadySeededError(ConfigError):
    code = "config.demo_already_seeded"
    template = (
        "This database already holds a utility's data, so the demo is not seeded into it. "
        "Point --data-dir (or STARPOS_DATA_DIR) at an empty folder."
    )


@dataclass(frozen=True)
class SeedReport:
    population: PopulationReport
    operators: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {"operators": self.operators, **asdict(self.population)}


def is_seeded(database: Database) -> bool:
    """True once a utility (demo or real) is in the database."""
    with database.reading() as session:
        return session.get(SystemParameters, 1) is not None


def seed_demo(
    database: Database,
    *,
    customers: int = 1000,
    spare_meters: int = 50,
    seed: int = 2026,
    open_shifts: bool = True,
) -> SeedReport:
    """Load the demo master data and population in one transaction (all or nothing), then
    open the demo operators' shifts (``open_shifts``: :func:`open_demo_shifts`)."""
    data = read_json(demo_file("master_data.json"))
    with database.unit_of_work() as uow:
        session = uow.session
        if session.get(SystemParameters, 1) is not None:
            raise AlreadySeededError()
        load_master_data(session, data)
        report = populate(
            session,
            customers=customers,
            spare_meters=spare_meters,
            seed=seed,
            people=read_json(demo_file("people.json")),
            keys=read_json(demo_file("keys.json")),
            when=utility_now(session),
        )
        append(
            session,
            AuditKind.DEMO_SEED,
            subject="demo",
            details=asdict(report),
            actor=Actor(operator_code="STAR"),
        )
        uow.commit()
    if open_shifts:
        open_demo_shifts(database, data["operators"])
    return SeedReport(report, [operator["code"] for operator in data["operators"]])


def open_demo_shifts(database: Database, operators: list[dict[str, Any]]) -> list[int]:
    """The demo's walk-through starts with the day under way, as at a real counter: each
    cashier has a shift open at their sales point (no terminal, as the counter window
    sells), with no float, so the demo sells at once (decision SHF-1). A supervisor (and
    STAR, who may do everything) closes shifts and opens one only to sell: none is left
    open in their name, so the day closes once the cashiers' shifts are closed (decision SHF-24).
    Opened through the shift core, audited like any other."""
    opened = []
    for operator in operators:
        if operator.get("forbid_login"):
            continue
        session = acting_as(database, Actor(operator["code"], operator.get("sales_point")))
        if session.may(permissions.VEND) and not session.may(permissions.CLOSE_SHIFT):
            opened.append(open_shift(database, session, float_total=Decimal(0)).shift_id)
    return opened


def load_demo_keys(database: Database, module: SecureModule) -> dict[str, Any]:
    """Load the demo keys and credit into the open ``module`` and audit it (a key action)."""
    done = provision_demo_module(module, read_json(demo_file("keys.json")))
    # The demo credit is a credit update the books must hold (docs/vending.md): recorded
    # from the module's own records, with the key load's audit entry.
    records = {record.sequence: record for record in module.credit_updates()}
    with database.unit_of_work() as uow:
        adopt_credit_updates(
            uow.session, str(done["module_id"]), records, Actor(operator_code="STAR")
        )
        append(
            uow.session,
            AuditKind.KEY_ACTION,
            subject=f"module:{done['module_id']}",
            details={"action": "demo keys loaded", **done},
            actor=Actor(operator_code="STAR"),
        )
        uow.commit()
    return done
