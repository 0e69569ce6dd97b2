"""What the replacement tests share: the demo's engineer with their shift open (the ENGINEER
role keeps a shift for the charges' cash without selling credit, TOK-24), and the figures a
replacement should leave."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from starpos.db.models import Customer, CustomerType, Meter
from starpos.shifts.lifecycle import ShiftInfo, open_shift
from tests.integration.tokenops.ops_world import ENGINEER, OpsWorld

FLOAT = Decimal("100.00")
RPL = Decimal("25.00")  # the demo's meter replacement fee (RPL, with VAT)


def engineer_shift(world: OpsWorld) -> ShiftInfo:
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
