"""The counter knows where it is: a sale on a terminal is booked to the terminal and its
sales point, and "Login Other Sales Point" (manual 2.6) holds at login and at the sale."""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal

import pytest
from sqlalchemy import select

from starpos.bootstrap.module import open_configured_module
from starpos.counter import CounterAuth
from starpos.db.models import SalesPoint, Terminal, Vend
from starpos.operators.errors import WrongSalesPointError
from starpos.settings import Settings
from starpos.vending import VendRequest, sell
from starpos.vending import errors as refusals
from tests.integration.vend.vend_world import World, count_vends
from tests.support.processes import REPO_ROOT, child_env, starpos_command
from tests.support.shifts import open_shift_for


def test_a_sale_on_terminal_t03_is_booked_at_its_sales_point(world: World) -> None:
    # SUP1's home is SP01, but they may log in elsewhere: at T03 (Greenhill, SP02) they do.
    auth = CounterAuth(world.database, terminal_code="T03")
    supervisor = auth.login("SUP1", "super-demo")
    assert (supervisor.sales_point_code, supervisor.terminal_code) == ("SP02", "T03")
    open_shift_for(world.database, "SUP1", "SP02", "T03")  # their shift on that till
    request = VendRequest(meter=world.meters[0].number, net=Decimal("10.00"), operator_code="")
    with open_configured_module() as access:
        result = sell(world.database, access, request.sold_by(supervisor.actor))
    with world.database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == result.bill_number)).one()
        point = session.get(SalesPoint, vend.sales_point_id)
        terminal = session.get(Terminal, vend.terminal_id)
        assert (point and point.code, terminal and terminal.code) == ("SP02", "T03")
    assert result.bill_number.endswith("00001") and "SP02T03" in result.bill_number


def test_a_cashier_of_another_sales_point_may_not_log_in_on_the_terminal(world: World) -> None:
    auth = CounterAuth(world.database, terminal_code="T03")
    with pytest.raises(WrongSalesPointError) as refused:
        auth.login("CASH1", "cash-demo")  # CASH1 belongs to SP01 only
    assert refused.value.params["here"] == "SP02"
    assert auth.login("CASH2", "cash-demo").sales_point_code == "SP02"  # SP02's own cashier


def test_a_sale_naming_another_sales_point_than_its_terminal_is_refused(world: World) -> None:
    request = VendRequest(
        meter=world.meters[0].number,
        net=Decimal("10.00"),
        operator_code="SUP1",
        sales_point_code="SP01",
        terminal_code="T03",
    )
    with open_configured_module() as access, pytest.raises(refusals.TerminalElsewhereError):
        sell(world.database, access, request)
    assert count_vends(world.database) == 0


def _this_computer_is(terminal: str) -> None:
    settings = Settings()  # what the installer writes at enrolment or set-up
    settings.set("terminal.code", terminal)
    settings.save()


def _vend(meter: str) -> subprocess.CompletedProcess[str]:
    """``starpos vend`` by the fixture's logged-in cashier (CASH1, SP01), no --terminal."""
    return subprocess.run(
        starpos_command("vend", "--meter", meter, "--amount", "20", "--json"),
        capture_output=True, text=True, timeout=120, env=child_env(), cwd=REPO_ROOT,
    )  # fmt: skip


def test_starpos_vend_sells_at_this_computers_terminal(world: World) -> None:
    _this_computer_is("T02")  # Riverside counter 2, at SP01
    open_shift_for(world.database, "CASH1", "SP01", "T02")
    sold = _vend(world.meters[0].number)
    assert sold.returncode == 0, sold.stderr
    bill = json.loads(sold.stdout)["bill_number"]
    with world.database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == bill)).one()
        point = session.get(SalesPoint, vend.sales_point_id)
        terminal = session.get(Terminal, vend.terminal_id)
        assert (point and point.code, terminal and terminal.code) == ("SP01", "T02")
    assert "SP01T02" in bill  # counter 1's numbers cannot be the same

    # The terminal's sales point holds: CASH1 (SP01 only) may not sell at Greenhill's T03.
    _this_computer_is("T03")
    refused = _vend(world.meters[1].number)
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
    assert "SP02" in refused.stderr, refused.stderr
    assert count_vends(world.database) == 1
