"""The payment change's bill (manual 4.7): printed through the real printer package to the
virtual printer, with the pay types and what the change leaves due, its second print marked
REPRINT, every print audited; in French and Chinese; from ``starpos meter payment-change
--print --preview``. And the counter's breakdown names the prearrange a change leaves due
by the manual's word, apart from the meter model's pre-installed amount (manual 1.8, 2.3)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from starpos.bootstrap.module import open_configured_module
from starpos.bootstrap.printer import ConfiguredPrinter
from starpos.counter.module_link import ModuleLink
from starpos.counter.reads import PREARRANGE, PREINSTALLED, CounterReads
from starpos.db.enums import PaymentMode
from starpos.db.models import AuditEntry, CustomerType, Meter
from starpos.devices.printer import voucher_layout
from starpos.devices.printer.virtual.launcher import output_folder, stop_virtual_printer
from starpos.i18n import set_language
from starpos.operators.errors import PermissionDeniedError
from starpos.settings import Settings
from starpos.tokenops import errors
from starpos.tokenops.payment_change import PaymentChangeAsked, change_payment
from starpos.tokenops.payment_change_voucher import (
    payment_change_template,
    payment_change_voucher,
    print_payment_change,
)
from tests.integration.keychange.sale_world import sell_to, sellable
from tests.integration.tokenops.ops_world import CASHIER, OpsWorld
from tests.integration.tokenops.test_payment_change import SUPERVISOR, commercial_meter


@pytest.fixture
def paper(data_dir: Path) -> Iterator[Path]:
    yield output_folder(data_dir)
    stop_virtual_printer(data_dir)


def printed_texts(folder: Path, count: int) -> list[str]:
    """The text of each voucher the virtual printer wrote, once ``count`` are out."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        papers = sorted(folder.glob("voucher-*.txt"))
        if len(papers) >= count:
            return [path.read_text(encoding="utf-8") for path in papers]
        time.sleep(0.2)
    raise AssertionError(f"{count} vouchers never came out of the printer")


def there_and_back(world: OpsWorld) -> tuple[str, str]:
    """A commercial meter (prearrange 20.00) to postpaid leaving 12.50, then back to prepaid
    with a 30.00 debt: the second change's bill carries all three amounts."""
    number = commercial_meter(world)
    supervisor = world.operator(SUPERVISOR)
    remain = Decimal("12.50")
    change_payment(world.database, supervisor, PaymentChangeAsked(number, PaymentMode.POSTPAID,
                                                                  remain=remain))  # fmt: skip
    back = change_payment(
        world.database,
        supervisor,
        PaymentChangeAsked(number, PaymentMode.PREPAID, receivable=Decimal("30"), remark="Move"),
    )
    return number, back.bill_number


def test_the_bill_prints_and_its_second_print_is_a_reprint(world: OpsWorld, paper: Path) -> None:
    number, bill = there_and_back(world)
    printer = ConfiguredPrinter(Settings())
    supervisor = world.operator(SUPERVISOR)

    assert print_payment_change(world.database, printer, supervisor, bill) == 1
    (first,) = printed_texts(paper, 1)
    squeezed = [" ".join(line.split()) for line in first.splitlines()]
    assert "Payment change" in squeezed and bill in first and number in first
    assert "REPRINT" not in first
    assert "Pay type before: postpaid" in squeezed and "Pay type now: prepaid" in squeezed
    assert "Remark: Move" in squeezed
    assert "Prearrange amount 20.00 USD" in squeezed
    assert "Receivable amount 30.00 USD" in squeezed
    assert "Remain amount returned -12.50 USD" in squeezed

    assert print_payment_change(world.database, printer, supervisor, bill) == 2
    second = printed_texts(paper, 2)[1]
    assert "*** REPRINT ***" in second and bill in second
    with world.database.reading() as session:
        prints = [
            (json.loads(entry.details)["step"], entry.operator_code)
            for entry in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.subject == f"payment_change:{bill}")
                .order_by(AuditEntry.id)
            )
        ]
    assert prints == [("payment_changed", "SUP1"), ("printed", "SUP1"), ("printed", "SUP1")]


def test_no_print_without_the_permission_or_for_an_unknown_bill(
    world: OpsWorld, paper: Path
) -> None:
    _, bill = there_and_back(world)
    printer = ConfiguredPrinter(Settings())
    with pytest.raises(PermissionDeniedError):
        print_payment_change(world.database, printer, world.operator(CASHIER), bill)
    with pytest.raises(errors.UnknownPaymentChangeError):
        print_payment_change(world.database, printer, world.operator(SUPERVISOR), "PC-NONE")
    assert not sorted(paper.glob("voucher-*.txt"))


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["Changement de mode de paiement", "Montant préétabli", "Reliquat rendu",
                "Mode de paiement avant : post-payé"]),
        ("zh_CN", ["付费方式变更", "预约金额", "退还剩余金额", "现付费方式：预付费"]),
    ],
)  # fmt: skip
def test_the_bill_reads_in_the_operators_language(
    world: OpsWorld, language: str, words: list[str]
) -> None:
    _, bill = there_and_back(world)
    printer = ConfiguredPrinter(Settings())
    set_language(language)
    try:
        with world.database.reading() as session:
            voucher = payment_change_voucher(session, bill, printer)
        text = voucher_layout(voucher, Settings(), payment_change_template()).text()
    finally:
        set_language("en")
    squeezed = " ".join(text.split())
    for word in words:
        assert " ".join(word.split()) in squeezed, word


def test_a_change_with_nothing_due_says_so(world: OpsWorld) -> None:
    (number,) = sellable(world, 1)  # residential: no prearrange amount
    result = change_payment(
        world.database, world.operator(SUPERVISOR), PaymentChangeAsked(number, PaymentMode.POSTPAID)
    )
    with world.database.reading() as session:
        voucher = payment_change_voucher(session, result.bill_number, ConfiguredPrinter(Settings()))
    assert voucher.tokens == () and voucher.amount_lines == ()
    assert "Nothing is due at the meter's next purchase." in voucher.detail_lines


def test_starpos_meter_payment_change_prints_its_bill(world: OpsWorld, paper: Path) -> None:
    from tests.support.processes import REPO_ROOT, child_env, starpos_command

    number = commercial_meter(world)
    preview = world.folder / "payment-change-bill.png"
    done = subprocess.run(
        starpos_command(
            "meter", "payment-change", number, "--to", "postpaid", "--remain", "12.50",
            "--operator", "SUP1", "--password-stdin", "--print", "--preview", str(preview),
            "--json",
        ),
        input="super-demo\n", capture_output=True, text=True, timeout=120, env=child_env(),
        cwd=REPO_ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    bill = json.loads(done.stdout)["bill_number"]
    assert preview.exists()
    (text,) = printed_texts(paper, 1)
    assert bill in text and "Remain amount returned" in text
    if os.environ.get("STARPOS_SCREENS"):  # docs/screens/payment-change-bill.png
        shutil.copy(preview, Path(os.environ["STARPOS_SCREENS"]) / "payment-change-bill.png")

    again = subprocess.run(
        starpos_command(
            "meter", "payment-change-bill", bill, "--operator", "SUP1", "--password-stdin",
            "--json",
        ),
        input="super-demo\n", capture_output=True, text=True, timeout=120, env=child_env(),
        cwd=REPO_ROOT,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == {"bill_number": bill, "print_count": 2}
    assert "*** REPRINT ***" in printed_texts(paper, 2)[1]
    unknown = subprocess.run(
        starpos_command(
            "meter", "payment-change-bill", "PC-NONE", "--operator", "SUP1", "--password-stdin"
        ),
        input="super-demo\n", capture_output=True, text=True, timeout=120, env=child_env(),
        cwd=REPO_ROOT,
    )  # fmt: skip
    assert unknown.returncode != 0
    assert unknown.stderr.strip().splitlines() == [unknown.stderr.strip()]
    assert "PC-NONE" in unknown.stderr


def test_the_breakdown_names_the_prearrange_apart_from_the_pre_installed_amount(
    world: OpsWorld,
) -> None:
    """The prearrange a change to prepaid leaves due is the customer type's (manual 2.3,
    4.7); the pre-installed amount is the meter model's, charged on a meter's first purchase
    (manual 1.8). A meter bought for once before, switched post -> prepaid, shows only the
    first, under its own name; a meter never bought for whose customer type has no prearrange
    (the landed screenshot's case) shows only its model's pre-installed amount."""
    number = commercial_meter(world)
    sell_to(number, world, "40.00")  # its first purchase took the model's pre-installed amount
    supervisor = world.operator(SUPERVISOR)
    change_payment(world.database, supervisor, PaymentChangeAsked(number, PaymentMode.POSTPAID))
    change_payment(world.database, supervisor, PaymentChangeAsked(number, PaymentMode.PREPAID))
    reads = CounterReads(world.database, ModuleLink(open_configured_module))

    lines = {line.label: line.amount for line in reads.quote(number, Decimal("100.00")).lines}

    assert lines[PREARRANGE] == Decimal("20.00")
    assert PREINSTALLED not in lines

    other = sellable(world, 1, 2)[1]
    change_payment(world.database, supervisor, PaymentChangeAsked(other, PaymentMode.POSTPAID))
    change_payment(world.database, supervisor, PaymentChangeAsked(other, PaymentMode.PREPAID))
    with world.database.reading() as session:
        meter = session.scalars(select(Meter).where(Meter.number == other)).one()
        assert meter.customer is not None
        kind = session.get(CustomerType, meter.customer.customer_type_id)
        assert kind is not None and kind.prearrange_amount == 0 and meter.last_tid is None
        preinstalled = meter.model.preinstalled_amount
    assert preinstalled > 0
    lines = {line.label: line.amount for line in reads.quote(other, Decimal("100.00")).lines}
    assert lines[PREINSTALLED] == preinstalled
    assert PREARRANGE not in lines
    assert (PREARRANGE, PREINSTALLED) == ("Prearrange amount", "Pre-installed amount")
