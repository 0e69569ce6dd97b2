"""The counter's module link through the real driver, over TCP, to the embedded emulator."""

from __future__ import annotations

import os
import subprocess
from decimal import Decimal

import pytest
from sqlalchemy import select

from starpos.bootstrap.counter import module_link
from starpos.bootstrap.module import open_configured_module
from starpos.db import Database
from starpos.db.models import Meter, Vend
from starpos.devices.sm.embedded import stop_embedded
from starpos.settings import Settings
from tests.support.login import log_in
from tests.support.processes import child_env, starpos_command

pytestmark = pytest.mark.slow


def test_module_state_comes_from_the_embedded_emulator() -> None:
    link = module_link(Settings())
    try:
        state = link.state()
    finally:
        link.close()
        stop_embedded()
    assert state.online
    assert state.balance_kwh == Decimal("0.0")  # a fresh module has no credit yet


def test_a_vend_from_another_program_is_refused_while_the_counter_owns_the_module(
    demo_database: Database,
) -> None:
    with demo_database.reading() as session:
        meter = session.scalars(select(Meter).where(Meter.customer_id.is_not(None))).first()
        assert meter is not None
        number = meter.number
    log_in()  # the other program's cashier
    link = module_link(Settings())
    try:
        assert link.state().online  # the counter has opened (and now owns) the module
        refused = subprocess.run(
            starpos_command("vend", "--meter", number, "--amount", "10.00"),
            capture_output=True,
            text=True,
            timeout=60,
            env=child_env(),
        )
        assert link.state().online  # the counter still has it
    finally:
        link.close()
        stop_embedded()
    assert refused.returncode == 2
    assert "in use by another StarPOS program" in refused.stdout + refused.stderr
    assert f"process {os.getpid()}" in refused.stdout + refused.stderr
    with demo_database.reading() as session:
        assert session.scalars(select(Vend)).first() is None  # nothing was sold


def test_the_module_is_free_again_once_the_counter_lets_go(demo_database: Database) -> None:
    link = module_link(Settings())
    try:
        link.state()
        link.close()
        with open_configured_module() as access, access.exclusive() as module:
            assert module.balance().balance >= 0
    finally:
        link.close()
        stop_embedded()
