"""What the key change sale tests share: a meter put back on the old 1993 key, flagging,
selling, and the customer's meter on the key it is on."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select, update

from starpos.bootstrap.module import open_configured_module
from starpos.db.models import KeyChangeFlag, Meter, Vend
from starpos.sts.meter_model import MeterModel as StsMeter
from starpos.sts.tables import StaTables
from starpos.tokenops import KeyTarget, one_meter
from starpos.tokenops.key_change_flags import flag_meters, plan_flags
from starpos.vending import VendRequest, VendResult, sell
from tests.integration.tokenops.ops_world import OpsWorld, customer_meter

#: The 1993 key of the world (register 5) and the 2014 key meters move to (register 3).
OLD_1993 = 5
NEW_2014 = KeyTarget(register=3, krn=2, base_date=2014)
#: A MISTY1 meter (register 2) moves to its next revision (register 4): four sections.
NEXT_MISTY1 = KeyTarget(register=4, krn=2)


def sellable(world: OpsWorld, register: int, count: int = 1) -> list[str]:
    """Keypad meters on the key in ``register`` that a cashier may sell to."""
    from starpos.db.enums import ContractStatus, CustomerStatus, PaymentMode
    from starpos.db.models import Customer, MeterModel

    with world.database.reading() as session:
        return list(
            session.scalars(
                select(Meter.number)
                .join(Customer, Customer.id == Meter.customer_id)
                .join(MeterModel, MeterModel.id == Meter.model_id)
                .where(
                    Meter.key_register == str(register),
                    Meter.medium == "keypad",
                    Meter.contract_status == ContractStatus.ACTIVE,
                    Customer.status == CustomerStatus.ACTIVE,
                    MeterModel.payment_mode == PaymentMode.PREPAID,
                    Meter.outstanding_debt == 0,
                )
                .order_by(Meter.number)
                .limit(count)
            )
        )


def put_on_1993_key(world: OpsWorld, number: str) -> None:
    """The meter as a utility still has it: on the 1993 key, its TIDs nearly spent."""
    with world.database.unit_of_work() as uow:
        uow.session.execute(
            update(Meter)
            .where(Meter.number == number)
            .values(key_register=str(OLD_1993), krn=3, tid_base_year=1993, last_tid=16_000_000)
        )
        uow.commit()


def flag(world: OpsWorld, number: str, target: KeyTarget) -> None:
    operator = world.operator()
    plan = plan_flags(world.database, operator, target, one_meter(number))
    assert flag_meters(world.database, operator, plan) == 1


def sell_to(number: str, world: OpsWorld, net: str = "40.00") -> VendResult:
    with open_configured_module() as access:
        return sell(
            world.database, access, VendRequest(number, Decimal(net), operator_code="CASH1")
        )


def the_meter_now(world: OpsWorld, number: str, tables: StaTables) -> StsMeter:
    return customer_meter(world.meter(number), tables)


def flag_row(world: OpsWorld, number: str) -> KeyChangeFlag:
    with world.database.reading() as session:
        found = session.scalars(
            select(KeyChangeFlag)
            .join(Meter, Meter.id == KeyChangeFlag.meter_id)
            .where(Meter.number == number)
            .order_by(KeyChangeFlag.id.desc())
        ).first()
        assert found is not None
        session.expunge(found)
        return found


def sale_tokens(world: OpsWorld, bill: str) -> list[tuple[str, str]]:
    """(kind, token) of a sale in entry order."""
    with world.database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == bill)).one()
        return [(token.kind, token.token) for token in vend.tokens]
