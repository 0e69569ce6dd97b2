"""A TID collision's replacement token at the counter (docs/sync.md, "TID collision";
SYN-51, SYN-52): the sale's energy again under a new TID, no money, out of the module's
credit, once, by the terminal that sold; every refusal leaves the data as it was.

The due is written here as the pull writes it (the head office's row, come down with the
meter); the real-process path is tests/integration/sync/test_sync_tid_replacement.py.
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from starpos.audit.log import AuditKind
from starpos.bootstrap.module import open_configured_module
from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.db.enums import TokenOperationKind, TokenReplacementState
from starpos.db.models import (
    AuditEntry,
    Meter,
    Terminal,
    TokenOperation,
    TokenReplacementDue,
    Vend,
)
from starpos.devices.printer.layout import LayoutOptions, layout_voucher
from starpos.devices.printer.paper import paper_for
from starpos.devices.printer.voucher import group_token
from starpos.operators.errors import PermissionDeniedError
from starpos.operators.session import OperatorSession
from starpos.settings import Settings
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.tokenops import errors, tid_replacement
from starpos.tokenops.batch import run_batch
from starpos.tokenops.tid_replacement import dues_of, replace_token
from starpos.tokenops.vouchers import operation_template, operation_voucher
from starpos.vending import VendResult
from tests.integration.keychange.sale_world import sell_to, sellable
from tests.integration.tokenops.ops_world import CASHIER, OpsWorld, customer_meter
from tests.integration.tokenops.test_engineering_command import starpos

SUPERVISOR = ("SUP1", "super-demo")


def at(world: OpsWorld, terminal: str, who: tuple[str, str] = SUPERVISOR) -> OperatorSession:
    return replace(world.operator(who), terminal_code=terminal)


def collided(world: OpsWorld, terminal: str = "T01") -> tuple[str, VendResult]:
    """A sale whose token the head office found collided, sold at ``terminal``."""
    (number,) = sellable(world, 1)
    sale = sell_to(number, world, "40.00")
    with world.database.unit_of_work() as uow:
        session = uow.session
        vend = session.scalars(select(Vend).where(Vend.bill_number == sale.bill_number)).one()
        session.add(
            TokenReplacementDue(
                meter_id=vend.meter_id, bill_number=sale.bill_number, other_bill="V-OTHER-1",
                terminal_id=session.scalar(select(Terminal.id).where(Terminal.code == terminal)),
                tid=sale.tid, energy_kwh=vend.token_kwh, amount=vend.net_amount,
            )
        )  # fmt: skip
        uow.commit()
    return number, sale


def replace_it(world: OpsWorld, operator: OperatorSession, number: str, bill: str):  # type: ignore[no-untyped-def]
    with open_configured_module() as access:
        return replace_token(world.database, access, operator, number, bill)


def state(world: OpsWorld) -> tuple[int, int, list[tuple[str, str | None]]]:
    """Token operations, their audit entries (a login's are its own), and each due's state
    and replacement."""
    with world.database.reading() as session:
        dues = session.execute(
            select(TokenReplacementDue.state, TokenReplacementDue.replacement).order_by(
                TokenReplacementDue.id
            )
        ).all()
        return (
            int(session.scalar(select(func.count()).select_from(TokenOperation)) or 0),
            int(
                session.scalar(
                    select(func.count())
                    .select_from(AuditEntry)
                    .where(AuditEntry.kind == AuditKind.TOKEN_OPERATION.value)
                )
                or 0
            ),
            [(row_state.value, replacement) for row_state, replacement in dues],
        )


def test_the_replacement_carries_the_sale_energy_under_a_new_tid(
    world: OpsWorld, tables: StaTables
) -> None:
    number, sale = collided(world)
    with world.database.reading() as session:
        (due,) = dues_of(session, number)
        token_kwh = session.scalar(
            select(Vend.token_kwh).where(Vend.bill_number == sale.bill_number)
        )
    assert (due.bill, due.terminal, due.amount) == (sale.bill_number, "T01", Decimal("40.00"))

    result = replace_it(world, at(world, "T01"), number, sale.bill_number)

    assert result.state == "issued" and result.tid is not None and result.tid > sale.tid
    assert result.energy_kwh == token_kwh
    # The meter took the other counter's token with this TID: it refuses the sale's as used
    # and takes the replacement, with the sale's energy.
    meter = customer_meter(world.meter(number), tables)
    assert meter.enter(sale.token).response is MeterResponse.ACCEPTED
    assert meter.enter(sale.token).response is MeterResponse.USED
    before = meter.credit
    assert result.token is not None
    assert meter.enter(result.token).response is MeterResponse.ACCEPTED
    assert meter.credit - before == token_kwh
    with world.database.reading() as session:
        row = session.scalars(
            select(TokenOperation).where(TokenOperation.request_id == result.request_id)
        ).one()
        assert (row.kind, row.energy_kwh) == (TokenOperationKind.TID_REPLACEMENT, token_kwh)
        due_row = session.scalars(select(TokenReplacementDue)).one()
        assert due_row.state is TokenReplacementState.REPLACED
        assert due_row.replacement == result.request_id
        # The meter's last TID moved with the replacement, as with every token.
        assert session.scalar(select(Meter.last_tid).where(Meter.number == number)) == result.tid
        steps = [
            json.loads(details)["step"]
            for details in session.scalars(
                select(AuditEntry.details)
                .where(AuditEntry.subject == f"token_replacement:{sale.bill_number}")
                .order_by(AuditEntry.id)
            )
        ]
        assert steps == ["planned", "replaced"]
        assert dues_of(session, number) == []  # open ones only: nothing left to replace


def test_refusals_leave_the_data_as_it_was(world: OpsWorld) -> None:
    number, sale = collided(world)
    before = state(world)
    with pytest.raises(PermissionDeniedError):
        replace_it(world, at(world, "T01", CASHIER), number, sale.bill_number)
    with pytest.raises(errors.ReplacementOtherTerminalError):
        replace_it(world, at(world, "T02"), number, sale.bill_number)
    with pytest.raises(errors.NoReplacementDueError):
        replace_it(world, at(world, "T01"), number, "NO-SUCH-BILL")
    assert state(world) == before
    done = replace_it(world, at(world, "T01"), number, sale.bill_number)
    after = state(world)
    assert after[0] == before[0] + 1 and after[2] == [("replaced", done.request_id)]
    with pytest.raises(errors.ReplacementAlreadyIssuedError):  # once: nothing doubled
        replace_it(world, at(world, "T01"), number, sale.bill_number)
    assert state(world) == after


def test_starpos_token_replace_lists_issues_and_previews_the_voucher(
    world: OpsWorld, tmp_path: Path
) -> None:
    number, sale = collided(world)
    listed = starpos("token", "replacements", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [due["bill"] for due in json.loads(listed.stdout)] == [sale.bill_number]
    preview = tmp_path / "replacement.png"
    supervisor = ("--operator", "SUP1", "--password-stdin", "--terminal", "T01")
    done = starpos(
        "token", "replace", "--meter", number, "--bill", sale.bill_number, *supervisor,
        "--preview", str(preview), "--json", stdin="super-demo\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["state"] == "issued"
    assert preview.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    again = starpos(
        "token", "replace", "--meter", number, "--bill", sale.bill_number, *supervisor,
        stdin="super-demo\n",
    )  # fmt: skip
    assert again.returncode != 0
    assert again.stderr.strip().count("\n") == 0 and "already replaced" in again.stderr
    assert "Traceback" not in again.stderr


def test_the_replacement_voucher_says_what_it_is_and_which_sale_it_replaces(
    world: OpsWorld,
) -> None:
    """A replacement is a credit token: its paper says so, not "Engineering token"."""
    number, sale = collided(world)
    result = replace_it(world, at(world, "T01"), number, sale.bill_number)
    printer = ConfiguredPrinter(Settings())
    with world.database.reading() as session:
        voucher = operation_voucher(session, result.batch_id, 1, printer, False)
    kind = TokenOperationKind.TID_REPLACEMENT
    paper = layout_voucher(voucher, operation_template(kind), LayoutOptions(paper_for(80, None)))
    text = paper.text()
    assert "Replacement token" in text and "Engineering token" not in text
    assert f"Replacement for bill {sale.bill_number}" in text
    assert "Credit token" in text and " ".join(group_token(result.token or "")) in text


def test_a_replacement_stopped_half_way_is_finished_never_doubled(world: OpsWorld) -> None:
    """Stopped after its PLANNED row (step 1): asked again, the same row is made, not a
    second. Stopped after its token (step 2): recovery marks the due, the module untouched."""
    number, sale = collided(world)
    operator = at(world, "T01")
    _, batch = tid_replacement._open(world.database, operator, number, sale.bill_number)
    result = replace_it(world, operator, number, sale.bill_number)
    assert (result.batch_id, result.state) == (batch, "issued")
    assert state(world)[0] == 1  # one token operation row

    number, sale = collided(world)
    due_id, batch = tid_replacement._open(world.database, operator, number, sale.bill_number)
    with open_configured_module() as access:
        run_batch(world.database, access, operator, batch)  # the token made, the due not moved
    with world.database.reading() as session:
        assert session.get(TokenReplacementDue, due_id).state is TokenReplacementState.OPEN  # type: ignore[union-attr]
    assert tid_replacement.settle_replacements(world.database, None, "") == 1  # type: ignore[arg-type]
    with world.database.reading() as session:
        due = session.get(TokenReplacementDue, due_id)
        assert due is not None and due.state is TokenReplacementState.REPLACED
    assert state(world)[0] == 2
