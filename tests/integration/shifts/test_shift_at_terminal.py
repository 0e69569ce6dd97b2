"""Issue 13: ``starpos shift``, ``starpos login`` and ``starpos vend`` act at one till.

Before: on a computer set up as terminal T01, ``starpos vend`` sold at T01 (SYN-25) but
``starpos shift open`` opened the cashier's shift on the sales point's till ``@SP01``, so
the next sale was refused "no open shift on T01". Now every one of them resolves the till
with ``commands._terminal.acting_terminal`` (SHF-09). Real child processes, as a cashier
types them, none with --terminal.
"""

from __future__ import annotations

import json
import subprocess
from typing import Any

from sqlalchemy import select

from starpos.audit.log import AuditKind
from starpos.db.models import AuditEntry, Operator, Shift, Terminal, TokenCancel, Vend
from starpos.settings import Settings
from tests.integration.vend.vend_world import World


def _this_computer_is(terminal: str) -> None:
    settings = Settings()  # what the installer writes at set-up
    settings.set("terminal.code", terminal)
    settings.save()


def _ok(done: subprocess.CompletedProcess[str]) -> Any:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _refused(done: subprocess.CompletedProcess[str], words: str) -> None:
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0 and len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert words in lines[0], done.stderr


def test_open_vend_and_x_act_at_this_computers_terminal(world: World, run_starpos) -> None:  # type: ignore[no-untyped-def]
    _this_computer_is("T01")  # Riverside counter 1, at SP01
    login = run_starpos(
        "login", "--operator", "CASH1", "--password-stdin", "--json", input="cash-demo\n"
    )
    _ok(login)
    opened = _ok(run_starpos("shift", "open", "--float", "50.00", "--json"))
    assert (opened["till"], opened["sales_point"]) == ("T01", "SP01")

    sold = _ok(run_starpos("vend", "--meter", world.meters[0].number, "--amount", "20", "--json"))
    x = _ok(run_starpos("shift", "x", "--json"))
    assert x["shift"]["shift"] == opened["shift"] and x["shift"]["till"] == "T01"
    assert x["sales_count"] == 1 and x["sales_net"] == "20.00"

    with world.database.reading() as session:
        vend = session.scalars(select(Vend).where(Vend.bill_number == sold["bill_number"])).one()
        terminal = session.get(Terminal, vend.terminal_id)
        assert (terminal and terminal.code, vend.shift_id) == ("T01", opened["shift"])
        # The login was at the till too: its audit entry names the terminal.
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.kind == AuditKind.LOGIN, AuditEntry.subject == "operator:CASH1")
            .order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None and entry.terminal_code == "T01"
        # The sales point's till kept only the shift the demo opened there.
        tills = session.scalars(
            select(Shift.till).join(Operator, Operator.id == Shift.operator_id)
            .where(Operator.code == "CASH1")
        )  # fmt: skip
        assert sorted(tills) == ["@SP01", "T01"]

    # The supervisor cancels that sale's token on this computer: the cancel is booked at
    # T01, so its refund counts in the T01 shift that holds the sale (SHF-08), not @SP01's.
    # With --operator and the password, no login session: the command finds the till itself.
    assert run_starpos("logout").returncode == 0
    cancelled = _ok(run_starpos("token", "cancel", "--bill", sold["bill_number"],
                                "--reason", "wrong meter", "--operator", "SUP1",
                                "--password-stdin", "--json", input="super-demo\n"))  # fmt: skip
    assert cancelled["state"] == "done", cancelled
    with world.database.reading() as session:
        row = session.scalars(select(TokenCancel)).one()
        booked_at = session.get(Terminal, row.terminal_id) if row.terminal_id else None
        assert booked_at is not None and booked_at.code == "T01"


def test_the_terminals_sales_point_holds_for_login_and_shift(world: World, run_starpos) -> None:  # type: ignore[no-untyped-def]
    # CASH1 works at SP01 only; this computer is Greenhill's kiosk T03 (SP02). The window
    # refuses the login there; so do the command line's login and shift.
    _this_computer_is("T03")
    login = run_starpos("login", "--operator", "CASH1", "--password-stdin", input="cash-demo\n")
    _refused(login, "SP01")
    opening = run_starpos(
        "shift", "open", "--operator", "CASH1", "--password-stdin", "--float", "0",
        input="cash-demo\n",
    )  # fmt: skip
    _refused(opening, "SP01")
    # SP02's own cashier opens at T03, at SP02, without naming either.
    opened = _ok(
        run_starpos(
            "shift", "open", "--operator", "CASH2", "--password-stdin", "--float", "0", "--json",
            input="cash-demo\n",
        )
    )  # fmt: skip
    assert (opened["till"], opened["sales_point"]) == ("T03", "SP02")
    # A command's own --operator login is at the till too, like `starpos login`'s.
    with world.database.reading() as session:
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.kind == AuditKind.LOGIN, AuditEntry.subject == "operator:CASH2")
            .order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None and entry.terminal_code == "T03"


def test_a_shift_off_its_terminals_sales_point_is_refused(world: World, run_starpos) -> None:  # type: ignore[no-untyped-def]
    # SUP1 may work at every sales point, but T01 stands at SP01: a shift "at SP02" on it
    # would count SP02's cash in SP01's drawer. The sale is refused the same way.
    _this_computer_is("T01")

    def shifts() -> list[tuple[int, str]]:
        with world.database.reading() as session:
            return [
                (i, t) for i, t in session.execute(select(Shift.id, Shift.till).order_by(Shift.id))
            ]

    before = shifts()
    opening = run_starpos(
        "shift", "open", "--operator", "SUP1", "--password-stdin", "--float", "0",
        "--sales-point", "SP02", input="super-demo\n",
    )  # fmt: skip
    _refused(opening, "Terminal T01 stands at sales point SP01, not at SP02")
    assert shifts() == before
    selling = run_starpos(
        "vend", "--operator", "SUP1", "--password-stdin", "--sales-point", "SP02",
        "--meter", world.meters[0].number, "--amount", "20", input="super-demo\n",
    )  # fmt: skip
    _refused(selling, "Terminal T01 stands at sales point SP01, not at SP02")
