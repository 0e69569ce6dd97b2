"""The counter knows where it is: a sale on a terminal is booked to the terminal and its
sales point, and "Login Other Sales Point" (manual 2.6) holds at login and at the sale."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from starpos.bootstrap.module import open_configured_module
from starpos.counter import CounterAuth
from starpos.db.models import SalesPoint, Terminal, Vend
from starpos.operators.errors import WrongSalesPointError
from starpos.vending import VendRequest, sell
from starpos.vending import errors as refusals
from tests.integration.vend.vend_world import World, count_vends
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
    assert result.bill_number.endswith("00001") and "SP02" in result.bill_number


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
