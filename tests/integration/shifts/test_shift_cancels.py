"""Token cancels on the X, the Z and the day close (issue 13; decision SHF-08), through the
real module: a cancel counts in the shift that paid its refund (count, what the sale took,
the charge kept, the refund, the energy voided), the refund leaves by the sale's payment
method, so a cash refund lowers the expected cash, and a cancel of an earlier shift's sale
never touches that shift's closed Z. Paper, PDF and ``--json`` show the same figures."""

from __future__ import annotations

import base64
import json
import re
import zlib
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from starpos.audit.log import Actor
from starpos.bootstrap.module import open_configured_module
from starpos.db.enums import ShiftState, VendState
from starpos.db.models import Shift, SystemParameters, TokenCancel, Vend
from starpos.operators.login import acting_as
from starpos.shifts import close_day, close_shift, end_shift, read_z, x_report
from starpos.shifts.errors import NoOpenShiftError
from starpos.shifts.printing import x_report_slip, z_pdf, z_report_slip
from starpos.tokenops.token_cancel import CancelResult, SaleQuery, cancel_token
from starpos.vending import VendRequest, VendResult, sell
from tests.integration.vend.vend_world import World
from tests.support.shifts import open_shift_for

TILL = "T01"


def sale(world: World, net: str, payment: str, meter: int, till: str | None = TILL) -> VendResult:
    request = VendRequest(
        meter=world.meters[meter].number, net=Decimal(net), operator_code="CASH1",
        payment=payment, sales_point_code="SP01", terminal_code=till,
    )  # fmt: skip
    with open_configured_module() as access:
        return sell(world.database, access, request)


def cancel(world: World, sold: VendResult, till: str | None = TILL) -> CancelResult:
    """The supervisor cancels the sale at the till (the refund comes out of its drawer)."""
    supervisor = acting_as(world.database, Actor("SUP1", "SP01", till))
    with open_configured_module() as access:
        return cancel_token(
            world.database, access, supervisor, SaleQuery(bill=sold.bill_number), "wrong meter",
            max_days=7,
        )  # fmt: skip


def pdf_text(data: bytes) -> str:
    """The text a reportlab PDF draws (its page streams: ASCII85 over Flate)."""
    found = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            content = zlib.decompress(base64.a85decode(stream.strip(), adobe=True))
        except ValueError:
            continue
        found += re.findall(rb"\((.*?)\) Tj", content)
    text = "\n".join(part.decode("latin-1") for part in found)
    return re.sub(r"\\([()\\])", r"\1", text)  # a PDF string escapes ( ) and \\


def test_a_cancel_shows_on_the_x_and_the_z_and_the_expected_cash_is_right(
    world: World, run_starpos
) -> None:  # type: ignore[no-untyped-def]
    database = world.database
    cash1 = acting_as(database, Actor("CASH1", "SP01", TILL))
    sup1 = acting_as(database, Actor("SUP1", "SP01"))
    shift = open_shift_for(database, "CASH1", "SP01", TILL, Decimal("50.00")).shift_id
    cash_sale = sale(world, "40.00", "cash", 0)
    card_sale = sale(world, "30.00", "CARD", 1)
    cancelled = cancel(world, cash_sale)
    refund = cancelled.refund
    assert cancelled.charge > 0 and refund == Decimal("40.00") - cancelled.charge

    x = x_report(database, sup1, shift)
    assert (x.sales_count, x.cancels.count) == (2, 1)
    assert (x.cancels.amount, x.cancels.charge, x.cancels.refund) == (
        Decimal("40.00"), cancelled.charge, refund,
    )  # fmt: skip
    assert x.cancels.energy_kwh == cash_sale.breakdown.token_kwh
    assert x.cancels.cash_refund == refund
    # Float + cash sales - the cash refund: the charge kept stays in the drawer.
    expected_cash = Decimal("50.00") + Decimal("40.00") - refund
    assert x.expected_cash == expected_cash == Decimal("50.00") + cancelled.charge
    assert x.expected["CARD"] == Decimal("30.00")
    assert x.sales_net == Decimal("70.00") - refund
    assert x.energy_kwh == card_sale.breakdown.token_kwh  # the cash sale's energy voided
    printed_x = x_report_slip(database, sup1, x).text()
    assert "Cancels and refunds (1)" in printed_x and f"-{refund}" in printed_x

    # The cashier counts exactly what should be there: no variance, no approval needed.
    end_shift(database, cash1, shift, {"cash": expected_cash, "CARD": Decimal("30.00")})
    closed = close_shift(database, sup1, shift)
    assert closed.z.body["variance"] == "0.00"
    z = read_z(database, TILL, closed.z.number)
    assert z.body["cancels"]["refund"] == str(refund)
    assert z.grand_net == Decimal("70.00") - refund
    paper = z_report_slip(database, z, duplicate=False).text()
    pdf = pdf_text(z_pdf(database, TILL, z.number))
    for shown in (paper, pdf):
        assert "Cancels and refunds (1)" in shown and str(refund) in shown
        assert "Refunded in cash" in shown and str(cancelled.charge) in shown
    as_json = run_starpos("shift", "z", "--till", TILL, "--operator", "SUP1",
                          "--password-stdin", "--json", input="super-demo\n")  # fmt: skip
    assert as_json.returncode == 0, as_json.stderr
    cancels = json.loads(as_json.stdout)["body"]["cancels"]
    assert (cancels["count"], cancels["refund"], cancels["cash_refund"]) == (
        1, str(refund), str(refund),
    )  # fmt: skip
    assert cancels["energy_kwh"] == str(cash_sale.breakdown.token_kwh)

    # The card sale cancelled in the next shift: that shift pays the refund back to the card,
    # its cash is untouched, and the first Z stays as it was.
    second = open_shift_for(database, "CASH1", "SP01", TILL, Decimal("20.00")).shift_id
    card_cancel = cancel(world, card_sale)
    later = x_report(database, sup1, second)
    assert (later.sales_count, later.cancels.count) == (0, 1)
    assert later.expected_cash == Decimal("20.00")
    assert later.expected["CARD"] == -card_cancel.refund
    assert read_z(database, TILL, z.number).z_hash == z.z_hash
    end_shift(database, cash1, second, {"cash": Decimal("20.00"), "CARD": -card_cancel.refund})
    z2 = close_shift(database, sup1, second).z
    assert z2.grand_net == z.grand_net - card_cancel.refund

    # The day close adds up the cancels of its Zs, per till. (The demo's own shifts at SP01
    # are closed first; STAR closes SUP1's, as nobody closes their own.)
    star = acting_as(database, Actor("STAR", "SP01"))
    for code in ("STAR", "SUP1", "CASH1"):
        demo = open_shift_for(database, code, "SP01").shift_id
        end_shift(database, acting_as(database, Actor(code, "SP01")), demo, {"cash": Decimal(0)})
        close_shift(database, star if code == "SUP1" else sup1, demo)
    day = close_day(database, sup1)
    assert day.body["cancels"]["count"] == 2
    assert Decimal(day.body["tills"][TILL]["refund"]) == refund + card_cancel.refund


def test_a_cancel_counts_once_where_cashiers_share_a_till(world: World) -> None:
    """The counter's sales point has a shift per demo seller (STAR, SUP1, CASH1): the
    cancel counts in the canceller's own shift, in no other."""
    database = world.database
    star = acting_as(database, Actor("STAR", "SP01"))
    shifts = {code: open_shift_for(database, code, "SP01").shift_id
              for code in ("STAR", "SUP1", "CASH1")}  # fmt: skip
    sold = sale(world, "40.00", "cash", 0, till=None)
    refund = cancel(world, sold, till=None).refund
    counted = {code: x_report(database, star, shift).cancels for code, shift in shifts.items()}
    assert {code: (c.count, c.cash_refund) for code, c in counted.items()} == {
        "STAR": (0, Decimal("0.00")), "SUP1": (1, refund), "CASH1": (0, Decimal("0.00")),
    }  # fmt: skip
    assert x_report(database, star, shifts["CASH1"]).sales_count == 1  # the sale stays its


def test_a_cancel_on_a_counted_till_is_refused_as_a_sale_is(world: World, run_starpos) -> None:  # type: ignore[no-untyped-def]
    """SHF-10: once the cashier has counted (ENDED), the drawer takes no refund until the
    close, as it takes no sale; before, the refund counted in the counted shift and showed
    as a variance at the close."""
    database = world.database
    cash1 = acting_as(database, Actor("CASH1", "SP01", TILL))
    sup1 = acting_as(database, Actor("SUP1", "SP01"))
    shift = open_shift_for(database, "CASH1", "SP01", TILL, Decimal("50.00")).shift_id
    sold = sale(world, "40.00", "cash", 0)
    end_shift(database, cash1, shift, {"cash": Decimal("90.00")})
    with pytest.raises(NoOpenShiftError):  # what a sale meets on the counted till
        sale(world, "10.00", "cash", 1)

    refused = run_starpos(
        "token", "cancel", "--bill", sold.bill_number, "--reason", "wrong meter",
        "--operator", "SUP1", "--password-stdin", "--terminal", TILL, "--json",
        input="super-demo\n",
    )  # fmt: skip
    lines = refused.stderr.strip().splitlines()
    assert refused.returncode != 0 and len(lines) == 1 and "Traceback" not in refused.stderr
    assert f"Shift {shift} on {TILL} is counted" in lines[0], refused.stderr
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(TokenCancel)) == 0
        vend = session.scalars(select(Vend).where(Vend.bill_number == sold.bill_number)).one()
        assert vend.state == VendState.ISSUED

    # The close finds what was counted: no variance. The cancel goes in the next shift.
    assert close_shift(database, sup1, shift).z.body["variance"] == "0.00"
    following = open_shift_for(database, "CASH1", "SP01", TILL, Decimal("90.00")).shift_id
    refund = cancel(world, sold).refund
    later = x_report(database, sup1, following)
    assert (later.cancels.count, later.expected_cash) == (1, Decimal("90.00") - refund)


def test_a_cancel_on_a_till_with_no_shift_is_refused_where_sales_need_one(
    world: World,
    run_starpos,  # type: ignore[no-untyped-def]
) -> None:
    """SHF-14: where a sale needs an open shift, so does a cancel: its refund would leave no
    drawer. Refused in one line before anything is written; once a shift is open it goes."""
    database = world.database
    sup1 = acting_as(database, Actor("SUP1", "SP01"))
    cash1 = acting_as(database, Actor("CASH1", "SP01", TILL))
    shift = open_shift_for(database, "CASH1", "SP01", TILL, Decimal("50.00")).shift_id
    sold = sale(world, "40.00", "cash", 0)
    end_shift(database, cash1, shift, {"cash": Decimal("90.00")})
    close_shift(database, sup1, shift)

    refused = run_starpos(
        "token", "cancel", "--bill", sold.bill_number, "--reason", "wrong meter",
        "--operator", "SUP1", "--password-stdin", "--terminal", TILL, "--json",
        input="super-demo\n",
    )  # fmt: skip
    lines = refused.stderr.strip().splitlines()
    assert refused.returncode != 0 and len(lines) == 1 and "Traceback" not in refused.stderr
    assert f"No shift is open on {TILL}" in lines[0] and "Open a shift" in lines[0]
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(TokenCancel)) == 0
        vend = session.scalars(select(Vend).where(Vend.bill_number == sold.bill_number)).one()
        assert vend.state == VendState.ISSUED

    open_shift_for(database, "CASH1", "SP01", TILL, Decimal("90.00"))
    assert cancel(world, sold).state == "done"


def test_a_store_that_sells_without_shifts_cancels_without_one(world: World) -> None:
    """SHF-14 keeps SHF-08's rule where sales need no shift: the cancel counts in none."""
    database = world.database
    with database.unit_of_work() as uow:
        uow.session.execute(update(SystemParameters).values(shift_required=False))
        uow.commit()
    sold = sale(world, "40.00", "cash", 0)
    with database.unit_of_work() as uow:  # every drawer handed over since the sale
        for shift in uow.session.scalars(select(Shift).where(Shift.state != ShiftState.CLOSED)):
            shift.state, shift.closed_at = ShiftState.CLOSED, shift.opened_at
        uow.commit()
    assert cancel(world, sold).state == "done"
    with database.reading() as session:
        row = session.scalars(select(TokenCancel)).one()
        assert (row.state.value, session.get(Vend, row.vend_id).state) == (  # type: ignore[union-attr]
            "done", VendState.CANCELLED
        )  # fmt: skip
