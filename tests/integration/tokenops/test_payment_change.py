"""Payment change (manual 4.7): a meter switched to postpaid takes no token; switched back
to prepaid, its next sale through the real vend (module emulator on a pty) carries the
prearrange amount, the receivable and the remain an earlier change left, the change is
settled by that sale, and the sale after it carries nothing. Refusals change nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from starpos.db.enums import PaymentChangeState, PaymentMode
from starpos.db.models import AuditEntry, Customer, CustomerType, Meter, PaymentChange, Vend
from starpos.masterdata.meter_lookup import lookup_meter
from starpos.masterdata.payment_dues import RECEIVABLE, REMAIN
from starpos.operators.errors import PermissionDeniedError
from starpos.tokenops import errors
from starpos.tokenops.payment_change import PaymentChangeAsked, change_payment
from starpos.vending import errors as vend_errors
from tests.integration.keychange.sale_world import sell_to, sellable
from tests.integration.tokenops.ops_world import CASHIER, OpsWorld

SUPERVISOR = ("SUP1", "super-demo")


def commercial_meter(world: OpsWorld) -> str:
    """A sellable meter whose customer is of the type with a prearrange amount (COM, 20.00)."""
    (number,) = sellable(world, 1)
    with world.database.unit_of_work() as uow:
        session = uow.session
        kind = session.scalars(select(CustomerType.id).where(CustomerType.code == "COM")).one()
        customer = session.scalars(select(Meter.customer_id).where(Meter.number == number)).one()
        session.execute(
            update(Customer).where(Customer.id == customer).values(customer_type_id=kind)
        )
        uow.commit()
    return number


def change(world: OpsWorld, asked: PaymentChangeAsked, who=SUPERVISOR):  # type: ignore[no-untyped-def]
    return change_payment(world.database, world.operator(who), asked)


def changes(world: OpsWorld) -> list[tuple[str, str, Decimal, Decimal, str, int | None]]:
    with world.database.reading() as session:
        return [
            (c.from_mode.value, c.to_mode.value, c.receivable, c.remain, c.state.value, c.vend_id)
            for c in session.scalars(select(PaymentChange).order_by(PaymentChange.id))
        ]


def test_the_next_purchase_after_a_change_carries_its_amounts(world: OpsWorld) -> None:
    number = commercial_meter(world)

    to_post = change(
        world, PaymentChangeAsked(number, PaymentMode.POSTPAID, remain=Decimal("10.00"))
    )
    assert (to_post.from_mode, to_post.to_mode, to_post.remain) == (
        "prepaid", "postpaid", Decimal("10.00"),
    )  # fmt: skip
    assert to_post.bill_number.startswith("PC")  # its own series (demo rule), not a sale's
    with pytest.raises(vend_errors.PostpaidMeterError):
        sell_to(number, world, "100.00")
    with world.database.reading() as session:  # what the look-up shows the cashier
        assert lookup_meter(session, number).payment_mode == "postpaid"

    to_pre = change(
        world, PaymentChangeAsked(number, PaymentMode.PREPAID, receivable=Decimal("30.00"))
    )
    # The remain the first change left is carried into this one.
    assert (to_pre.prearrange, to_pre.receivable, to_pre.remain) == (
        Decimal("20.00"), Decimal("30.00"), Decimal("10.00"),
    )  # fmt: skip
    assert [row[4] for row in changes(world)] == ["carried", "due"]

    sale = sell_to(number, world, "100.00")

    lines = {line.code: line.amount for line in sale.breakdown.charges}
    assert lines[RECEIVABLE] == Decimal("30.00")
    assert lines[REMAIN] == Decimal("-10.00")
    assert sale.breakdown.prearrange == Decimal("20.00")
    assert sale.breakdown.lines_total() == sale.breakdown.net == Decimal("100.00")
    with world.database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == sale.bill_number)).one()
        booked = {charge.code: charge.amount for charge in vend.charges}
        assert (booked[RECEIVABLE], booked[REMAIN]) == (Decimal("30.00"), Decimal("-10.00"))
        assert vend.prearrange == Decimal("20.00")
        meter = session.scalars(select(Meter).where(Meter.number == number)).one()
        assert meter.prearrange_due is False
        vend_id = vend.id
    assert changes(world)[-1][4:] == ("settled", vend_id)

    after = sell_to(number, world, "100.00")
    assert not {RECEIVABLE, REMAIN} & {line.code for line in after.breakdown.charges}
    assert after.breakdown.prearrange == Decimal("0.00")


def test_the_remain_returned_decreases_the_net(world: OpsWorld) -> None:
    """What 50.00 buys with 15.00 returned is what 65.00 buys without (no prearrange: RES)."""
    (number,) = sellable(world, 1)
    change(world, PaymentChangeAsked(number, PaymentMode.POSTPAID, remain=Decimal("15.00")))
    change(world, PaymentChangeAsked(number, PaymentMode.PREPAID))
    (other,) = [n for n in sellable(world, 1, 2) if n != number]

    returned = sell_to(number, world, "50.00").breakdown
    plain = sell_to(other, world, "65.00").breakdown

    assert returned.net == Decimal("50.00")
    assert [(line.code, line.amount) for line in returned.charges if line.code == REMAIN] == [
        (REMAIN, Decimal("-15.00"))
    ]
    assert returned.amount == plain.amount
    assert returned.energy_kwh == plain.energy_kwh


def audit_count(world: OpsWorld) -> int:
    with world.database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


@pytest.mark.parametrize(
    ("who", "asked", "refusal"),
    [
        (CASHIER, PaymentChangeAsked("", PaymentMode.POSTPAID), PermissionDeniedError),
        (SUPERVISOR, PaymentChangeAsked("", PaymentMode.PREPAID), errors.SamePaymentModeError),
        (
            SUPERVISOR,
            PaymentChangeAsked("", PaymentMode.POSTPAID, remain=Decimal("-1")),
            errors.PaymentAmountError,
        ),
        (
            SUPERVISOR,
            PaymentChangeAsked("", PaymentMode.POSTPAID, remain=Decimal("1.001")),
            errors.PaymentAmountError,
        ),
        (
            SUPERVISOR,
            PaymentChangeAsked("", PaymentMode.POSTPAID, receivable=Decimal("5")),
            errors.PaymentAmountNotApplicableError,
        ),
    ],
)
def test_refusals_leave_the_data_unchanged(world: OpsWorld, who, asked, refusal) -> None:  # type: ignore[no-untyped-def]
    (number,) = sellable(world, 1)
    asked = PaymentChangeAsked(number, asked.to_mode, asked.receivable, asked.remain)
    operator = world.operator(who)  # logging in is audited: before the count
    before = (changes(world), audit_count(world), world.meter(number).prearrange_due)

    with pytest.raises(refusal):
        change_payment(world.database, operator, asked)

    assert (changes(world), audit_count(world), world.meter(number).prearrange_due) == before
    assert sell_to(number, world, "40.00").breakdown.charges  # still sold as before
    assert PaymentChangeState.DUE.value not in [row[4] for row in changes(world)]


def test_starpos_meter_payment_change_as_a_script(world: OpsWorld) -> None:
    import json
    import subprocess

    from tests.support.processes import REPO_ROOT, child_env, starpos_command

    (number,) = sellable(world, 1)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            starpos_command(
                "meter", "payment-change", number, *args, "--operator", "SUP1",
                "--password-stdin",
            ),
            input="super-demo\n", capture_output=True, text=True, timeout=120,
            env=child_env(), cwd=REPO_ROOT,
        )  # fmt: skip

    done = run("--to", "postpaid", "--remain", "7.25", "--json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert (answer["from"], answer["to"], answer["remain"], answer["state"]) == (
        "prepaid", "postpaid", "7.25", "due",
    )  # fmt: skip
    bad = run("--to", "postpaid")  # already postpaid
    assert bad.returncode != 0
    assert len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    assert "already postpaid" in bad.stderr
    assert len(changes(world)) == 1
