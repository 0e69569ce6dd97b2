"""Token cancel (manual 4.5): the zero-energy token with a later TID makes the meter refuse
the cancelled token; the sale is CANCELLED with its cancel bill and the refund is the amount
less the customer type's token cancel charge; every refusal leaves the data unchanged."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import VendState
from starpos.db.models import AuditEntry, TokenCancel, Vend
from starpos.operators.errors import PermissionDeniedError
from starpos.sts.meter_model import MeterModel as StsMeter
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.tokenops import errors
from starpos.tokenops.token_cancel import SaleQuery, cancel_charge, cancel_token
from starpos.vending import VendResult
from tests.integration.keychange.sale_world import sell_to, sellable
from tests.integration.tokenops.ops_world import CASHIER, OpsWorld, customer_meter

SUPERVISOR = ("SUP1", "super-demo")


def cancel(world: OpsWorld, query: SaleQuery, who=SUPERVISOR, reason="wrong meter", days=7):  # type: ignore[no-untyped-def]
    with open_configured_module() as access:
        return cancel_token(
            world.database, access, world.operator(who), query, reason, max_days=days
        )


def sale_state(world: OpsWorld, bill: str) -> VendState:
    with world.database.reading() as session:
        return session.scalars(select(Vend.state).where(Vend.bill_number == bill)).one()


def counts(world: OpsWorld) -> tuple[int, int]:
    with world.database.reading() as session:
        return (
            int(session.scalar(select(func.count()).select_from(TokenCancel)) or 0),
            int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0),
        )


def sold(world: OpsWorld) -> tuple[str, VendResult]:
    (number,) = sellable(world, 1)
    return number, sell_to(number, world, "40.00")


def test_the_zero_token_makes_the_meter_refuse_the_cancelled_token(
    world: OpsWorld, tables: StaTables
) -> None:
    number, sale = sold(world)
    result = cancel(world, SaleQuery(token=sale.token))

    assert result.state == "done"
    assert result.sale_bill == sale.bill_number
    assert sale_state(world, sale.bill_number) is VendState.CANCELLED
    with world.database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == sale.bill_number)).one()
        charge = cancel_charge(session, vend)
    assert charge > 0  # the demo's residential type charges TCAN
    assert (result.amount, result.charge, result.refund) == (
        Decimal("40.00"), charge, Decimal("40.00") - charge,
    )  # fmt: skip
    assert result.tid is not None and result.tid > sale.tid
    # The customer enters the zero token: the meter keeps its later TID, and the cancelled
    # token (older than every TID it keeps, here a meter that keeps one) is refused.
    meter: StsMeter = customer_meter(world.meter(number), tables)
    meter.tid_memory = 1
    assert result.token is not None
    assert meter.enter(result.token).response is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("0.0")
    assert meter.enter(sale.token).response is MeterResponse.OLD


def test_a_sale_is_found_by_bill_and_by_meter(world: OpsWorld) -> None:
    number, sale = sold(world)
    assert cancel(world, SaleQuery(meter=number)).sale_bill == sale.bill_number
    with pytest.raises(errors.SaleNotCancellableError):
        cancel(world, SaleQuery(bill=sale.bill_number))


def test_refusals_change_nothing(world: OpsWorld) -> None:
    number, sale = sold(world)
    before = counts(world)
    with pytest.raises(PermissionDeniedError):
        cancel(world, SaleQuery(bill=sale.bill_number), who=CASHIER)
    with pytest.raises(errors.CancelReasonMissingError):
        cancel(world, SaleQuery(bill=sale.bill_number), reason="  ")
    with pytest.raises(errors.SaleNotFoundError):
        cancel(world, SaleQuery(bill="NO-SUCH-BILL"))
    # Too old: the sale is older than the days allowed.
    with world.database.unit_of_work() as uow:
        vend = uow.session.scalars(select(Vend).where(Vend.bill_number == sale.bill_number)).one()
        assert vend.issued_at is not None
        vend.issued_at -= timedelta(days=8)
        uow.commit()
    with pytest.raises(errors.CancelTooLateError):
        cancel(world, SaleQuery(bill=sale.bill_number), days=7)
    # A later token to the same meter.
    later = sell_to(number, world, "20.00")
    with pytest.raises(errors.LaterTokenError):
        cancel(world, SaleQuery(bill=sale.bill_number), days=30)
    assert sale_state(world, sale.bill_number) is VendState.ISSUED
    assert sale_state(world, later.bill_number) is VendState.ISSUED
    assert counts(world)[0] == before[0] == 0  # no cancel row was written


def test_starpos_token_cancel_as_a_script_uses_it(world: OpsWorld) -> None:
    import json
    import subprocess

    from tests.support.processes import REPO_ROOT, child_env, starpos_command

    def token_cancel(*args: str, password: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            starpos_command("token", "cancel", *args, "--password-stdin"),
            input=f"{password}\n", capture_output=True, text=True, timeout=120,
            env=child_env(), cwd=REPO_ROOT,
        )  # fmt: skip

    number, sale = sold(world)
    preview = world.folder / "cancel-voucher.png"
    refused = token_cancel(
        "--bill", sale.bill_number, "--reason", "x", "--operator", "CASH1", password="cash-demo"
    )
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    done = token_cancel(
        "--meter", number, "--reason", "customer paid twice", "--operator", "SUP1", "--json",
        "--preview", str(preview), password="super-demo",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert (answer["sale"], answer["state"]) == (sale.bill_number, "done")
    assert sale_state(world, sale.bill_number) is VendState.CANCELLED
    assert preview.exists()
    if os.environ.get("STARPOS_SCREENS"):  # docs/screens/token-cancel-voucher.png
        shutil.copy(preview, Path(os.environ["STARPOS_SCREENS"]) / "token-cancel-voucher.png")


def test_the_module_makes_a_zero_token_only_when_asked_by_name(world: OpsWorld) -> None:
    from starpos.devices.sm.errors import SmRefusedError
    from starpos.devices.sm.messages import MeterKeyRef

    (number,) = sellable(world, 1)
    meter = world.meter(number)
    ref = MeterKeyRef(
        meter.pan, int(meter.key_register or 0), meter.sgc, meter.ti, meter.krn, meter.ken
    )
    tid = 5_000_000
    with world.emulator.module() as module:
        before = module.balance().balance
        with pytest.raises(SmRefusedError):
            module.issue_credit_token(ref, 0, tid, 0)
        zero = module.issue_credit_token(ref, 0, tid + 1, 0, zero_amount=True)
        decoded = module.verify_token(zero.token, ref)
        assert (decoded.token_class, decoded.tid, decoded.amount) == (0, tid + 1, Decimal(0))
        assert module.balance().balance == before
