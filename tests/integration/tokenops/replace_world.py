"""What the replacement tests share: an engineer who may take the charges' cash (the demo's
ENGINEER role plus ``vend``, so the store's rule "no money without an open shift" can be met)
with their shift open, and the figures a replacement should leave."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from starpos.db import Database
from starpos.db.models import Customer, CustomerType, Meter, Role, RolePermission
from starpos.operators import permissions
from starpos.shifts.lifecycle import ShiftInfo, open_shift
from tests.integration.tokenops.ops_world import ENGINEER, OpsWorld

FLOAT = Decimal("100.00")
RPL = Decimal("25.00")  # the demo's meter replacement fee (RPL, with VAT)


def engineer_may_take_cash(world: OpsWorld | Database) -> None:
    database = world.database if isinstance(world, OpsWorld) else world
    with database.unit_of_work() as uow:
        role = uow.session.scalars(select(Role).where(Role.code == "ENGINEER")).one()
        uow.session.add(RolePermission(role_id=role.id, permission=permissions.VEND))
        uow.commit()


def engineer_shift(world: OpsWorld) -> ShiftInfo:
    engineer_may_take_cash(world)
    return open_shift(world.database, world.operator(ENGINEER), float_total=FLOAT)


def vat_rate(world: OpsWorld, number: str) -> Decimal:
    with world.database.reading() as session:
        return session.scalars(
            select(CustomerType.vat_rate)
            .join(Customer, Customer.customer_type_id == CustomerType.id)
            .join(Meter, Meter.customer_id == Customer.id)
            .where(Meter.number == number)
        ).one()


def rpl_with_vat(world: OpsWorld, number: str) -> tuple[Decimal, Decimal]:
    """The RPL fee's VAT for the meter's customer, and the total due."""
    vat = (RPL * vat_rate(world, number) / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return vat, RPL + vat
