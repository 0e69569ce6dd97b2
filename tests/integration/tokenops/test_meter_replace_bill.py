"""The replacement's one bill (manual 4.6): printed through the real printer package to the
virtual printer with its charge lines, paid, change and the remainder token, its second print
marked REPRINT and every print audited; in French and Chinese; from ``starpos meter replace
--print`` and ``starpos meter replacement-bill``; the reason's charges kept through
``starpos admin replacement-reason charges``; and a replacement killed between the module's
token and its record is finished by recovery, the bill then printing the token."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from starpos.bootstrap.module import open_configured_module
from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.db.enums import TokenOperationState
from starpos.db.models import AuditEntry, MeterReplacement, TokenOperation
from starpos.devices.printer import voucher_layout
from starpos.devices.printer.virtual.launcher import output_folder, stop_virtual_printer
from starpos.i18n import set_language
from starpos.operators.errors import PermissionDeniedError
from starpos.settings import Settings
from starpos.sts.meter_model import MeterResponse
from starpos.sts.tables import StaTables
from starpos.testing.kill_switch import ENVIRONMENT_VARIABLE
from starpos.tokenops import errors
from starpos.tokenops.batch import AFTER_MODULE
from starpos.tokenops.meter_replace import Replacement, replace_with_remainder, result_of
from starpos.tokenops.meter_replace_voucher import (
    print_replacement,
    replacement_template,
    replacement_voucher,
)
from tests.integration.keychange.sale_world import sellable
from tests.integration.tokenops.ops_world import (
    CASHIER,
    ENGINEER,
    OpsWorld,
    customer_meter,
    stock_meters,
)
from tests.integration.tokenops.replace_world import engineer_shift, rpl_with_vat
from tests.integration.tokenops.test_payment_change_bill import printed_texts

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def paper(data_dir: Path) -> Iterator[Path]:
    yield output_folder(data_dir)
    stop_virtual_printer(data_dir)


def replaced(world: OpsWorld, kwh: str = "12.3") -> tuple[str, str, str]:
    (old,) = sellable(world, 1)
    (new,) = stock_meters(world.database, 1)
    engineer_shift(world)
    with open_configured_module() as access:
        result = replace_with_remainder(
            world.database, access, world.operator(ENGINEER),
            Replacement(old, new, "TAMPER", Decimal(kwh), paid=Decimal("50.00")),
        )  # fmt: skip
    return old, new, result.bill_number


def squeeze(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_the_bill_prints_with_its_token_and_its_second_print_is_a_reprint(
    world: OpsWorld, paper: Path, tables: StaTables
) -> None:
    old, new, bill = replaced(world)
    vat, due = rpl_with_vat(world, new)  # the customer is the new meter's now
    printer = ConfiguredPrinter(Settings())
    engineer = world.operator(ENGINEER)

    assert print_replacement(world.database, printer, engineer, bill) == 1
    (first,) = printed_texts(paper, 1)
    lines = squeeze(first)
    assert "Meter replacement" in lines and bill in first and "REPRINT" not in first
    assert any(line.startswith("Meter No.") and new in line for line in lines)
    joined = " ".join(lines)  # long detail lines wrap at the paper's width
    assert f"Old meter: {old}, back to stock for maintenance" in joined
    assert "Reason: TAMPER Meter tampered" in joined
    assert "Meter replacement fee 25.00 USD" in lines
    if vat:
        assert f"VAT {vat} USD" in lines
    assert f"Charges {due} USD" in lines
    assert "Paid 50.00 USD" in lines and f"Change {Decimal('50.00') - due} USD" in lines
    assert "Remainder moved to the new meter: 12.3 kWh" in joined
    token = result_of_bill(world, bill)
    assert all(token[i : i + 4] in joined for i in range(0, 20, 4))
    # The token printed loads on the new meter.
    meter = customer_meter(world.meter(new), tables)
    assert meter.enter(token).response is MeterResponse.ACCEPTED

    assert print_replacement(world.database, printer, engineer, bill) == 2
    assert "*** REPRINT ***" in printed_texts(paper, 2)[1]
    with world.database.reading() as session:
        steps = [
            json.loads(entry.details)["step"]
            for entry in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.subject == f"meter_replacement:{bill}")
                .order_by(AuditEntry.id)
            )
        ]
    assert steps == ["replaced", "printed", "printed"]


def result_of_bill(world: OpsWorld, bill: str) -> str:
    with world.database.reading() as session:
        row = session.scalars(
            select(MeterReplacement).where(MeterReplacement.bill_number == bill)
        ).one()
        row_id = row.id
    token = result_of(world.database, row_id).token
    assert token is not None
    return token


def test_no_print_without_the_permission_or_for_an_unknown_bill(
    world: OpsWorld, paper: Path
) -> None:
    _, _, bill = replaced(world)
    printer = ConfiguredPrinter(Settings())
    with pytest.raises(PermissionDeniedError):
        print_replacement(world.database, printer, world.operator(CASHIER), bill)
    with pytest.raises(errors.UnknownReplacementError):
        print_replacement(world.database, printer, world.operator(ENGINEER), "RP-NONE")
    assert not sorted(paper.glob("voucher-*.txt"))


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["Remplacement de compteur", "Frais", "Payé", "Monnaie rendue",
                "Reliquat transféré au nouveau compteur : 2.5 kWh", "Motif : TAMPER"]),
        ("zh_CN", ["换表", "费用", "实收", "找零", "转入新电表的剩余电量：2.5 kWh"]),
    ],
)  # fmt: skip
def test_the_bill_reads_in_the_operators_language(
    world: OpsWorld, language: str, words: list[str]
) -> None:
    _, _, bill = replaced(world, "2.5")
    printer = ConfiguredPrinter(Settings())
    set_language(language)
    try:
        with world.database.reading() as session:
            voucher = replacement_voucher(session, bill, printer)
        text = voucher_layout(voucher, Settings(), replacement_template()).text()
    finally:
        set_language("en")
    squeezed = " ".join(text.split())
    for word in words:
        assert " ".join(word.split()) in squeezed, word


def test_the_commands_replace_print_reprint_and_keep_the_reasons_charges(
    world: OpsWorld, paper: Path, run_starpos: Run, tmp_path: Path
) -> None:
    preview = tmp_path / "replacement-voucher.png"
    (old,) = sellable(world, 1)
    (new,) = stock_meters(world.database, 1)
    engineer_shift(world)
    admin = ("--operator", "ADMIN1", "--password-stdin")
    kept = run_starpos(
        "admin", "replacement-reason", "charges", "set", "upgrade", "--items", "RPL,TCAN",
        *admin, "--json", input="admin-demo\n",
    )  # fmt: skip
    assert kept.returncode == 0, kept.stderr
    shown = run_starpos("admin", "replacement-reason", "charges", "show", "UPGRADE", "--json")
    assert json.loads(shown.stdout) == {"UPGRADE": ["RPL", "TCAN"]}
    refused = run_starpos(
        "admin", "replacement-reason", "charges", "set", "UPGRADE", "--items", "LEVY", *admin,
        input="admin-demo\n",
    )  # fmt: skip
    assert refused.returncode != 0
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert "percentage" in refused.stderr
    assert json.loads(run_starpos("admin", "replacement-reason", "charges", "show",
                                  "--json").stdout)["UPGRADE"] == ["RPL", "TCAN"]  # fmt: skip

    engineer = ("--operator", "ENG1", "--password-stdin")
    no_card = run_starpos(
        "meter", "replace", old, new, "--reason", "UPGRADE", "--remainder-from-card",
        *engineer, input="eng-demo\n",
    )  # fmt: skip
    assert no_card.returncode != 0 and len(no_card.stderr.strip().splitlines()) == 1
    assert "is not a smart card meter" in no_card.stderr
    short = run_starpos(
        "meter", "replace", old, new, "--reason", "UPGRADE", "--paid", "1", *engineer,
        input="eng-demo\n",
    )  # fmt: skip
    assert short.returncode != 0 and len(short.stderr.strip().splitlines()) == 1
    assert "does not pay the replacement charges" in short.stderr
    done = run_starpos(
        "meter", "replace", old, new, "--reason", "UPGRADE", "--remainder", "3.5",
        "--paid", "100", "--print", "--preview", str(preview), *engineer, "--json",
        input="eng-demo\n", timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    _, rpl = rpl_with_vat(world, new)
    due = rpl + Decimal("1.00")  # RPL with its VAT, and TCAN (no VAT)
    assert (Decimal(answer["charges"]), Decimal(answer["change"])) == (due, 100 - due)
    assert [line["code"] for line in answer["lines"]][:2] == ["RPL", "TCAN"]
    (first,) = printed_texts(paper, 1)
    assert answer["bill_number"] in first and answer["token"][:4] in first
    assert preview.stat().st_size > 1000  # the bill as the paper shows it, as a PNG
    assert "Payment" in first and "Cash" in first  # the method's line (TOK-25)
    if os.environ.get("STARPOS_SCREENS"):  # docs/screens/replacement-voucher.png
        shutil.copy(preview, Path(os.environ["STARPOS_SCREENS"]) / "replacement-voucher.png")

    again = run_starpos(
        "meter", "replacement-bill", answer["bill_number"], *engineer, "--json",
        input="eng-demo\n",
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["print_count"] == 2
    assert "*** REPRINT ***" in printed_texts(paper, 2)[1]


@pytest.mark.slow
def test_a_replacement_killed_after_the_module_made_the_token_is_finished_by_recovery(
    world: OpsWorld, paper: Path, tables: StaTables, run_starpos: Run
) -> None:
    (old,) = sellable(world, 1)
    (new,) = stock_meters(world.database, 1)
    engineer_shift(world)
    killed = run_starpos(
        "meter", "replace", old, new, "--reason", "FAULT", "--remainder", "7.5",
        "--operator", "ENG1", "--password-stdin", input="eng-demo\n", timeout=120,
        **{ENVIRONMENT_VARIABLE: AFTER_MODULE},
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with world.database.reading() as session:
        row = session.scalars(select(MeterReplacement)).one()
        operation = session.get(TokenOperation, row.operation_id)
        assert operation is not None and operation.state is TokenOperationState.PENDING
        bill, row_id = row.bill_number, row.id
    made = [e["token"] for e in world.emulator.events() if e["event"] == "credit_token"]
    assert len(made) == 1  # the module made it; the store has not booked it yet

    recovered = run_starpos("engineering", "recover", "--json", timeout=120)
    assert recovered.returncode == 0, recovered.stderr
    result = result_of(world.database, row_id)
    assert (result.state, result.token) == ("issued", made[0])  # found, not made again
    assert customer_meter(world.meter(new), tables).enter(made[0]).response is (
        MeterResponse.ACCEPTED
    )
    printed = run_starpos(
        "meter", "replacement-bill", bill, "--operator", "ENG1", "--password-stdin",
        input="eng-demo\n",
    )  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    (paper_text,) = printed_texts(paper, 1)
    assert made[0][:4] in paper_text and "Enter the token on the new meter." in paper_text
