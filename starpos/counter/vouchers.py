"""Vouchers from the ledger to the printer (no Qt: the window and headless scripts share it).

The voucher is built from the vend row as it was booked (amounts, energy and token are the
ledger's, never recomputed), laid out by the printer package and sent to the counter's
printer (:class:`VoucherPrinter`, made from the settings by :mod:`starpos.bootstrap.printer`).
A successful print is booked on the vend (print count, PRINTED); a reprint is marked REPRINT
on paper and written to the audit log. A failed print changes nothing: the sale stays ISSUED
and can be reprinted later.
"""

from __future__ import annotations

import io
from typing import Protocol

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos import vending
from starpos.counter.views import DeviceState, PrintOutcome
from starpos.db import Database
from starpos.db.enums import MeterMedium, PaymentKind
from starpos.db.models import CardVend, IssuedCard, Operator, PaymentTerm, SalesPoint, Vend
from starpos.db.parameters import system_parameters, to_local
from starpos.devices.printer import (
    CREDIT_TOKEN,
    KEY_CHANGE_TOKEN_1,
    KEY_CHANGE_TOKEN_2,
    AmountLine,
    PrinterError,
    PrinterStatus,
    TokenSection,
    Voucher,
)
from starpos.devices.printer.voucher import sample_voucher
from starpos.errors import VendError
from starpos.i18n import current_language, render_error, tr_noop, translate
from starpos.operators.permissions import REPRINT
from starpos.operators.session import OperatorSession
from starpos.vending.key_change_sale import KEY_CHANGE_TOKEN

# The STAR manual's word, and the screen's breakdown says it too: one word for one line.
AMOUNT = tr_noop("voucher", "Vending amount")
#: Names of the master data on the voucher are translated as on the screen
#: (``starpos/ui/master_names.py``).
MASTER_DATA = "masterdata"
VAT = tr_noop("voucher", "VAT")
DEBT = tr_noop("voucher", "Debt repayment")
PREINSTALLED = tr_noop("voucher", "Pre-installed amount")
PREARRANGE = tr_noop("voucher", "Prearrange amount")
#: A sale that carries a key change (docs/key-changes.md): the labels by the set's size and
#: the order the customer enters them in.
KEY_CHANGE_LABELS: dict[int, tuple[str, ...]] = {
    2: (KEY_CHANGE_TOKEN_1, KEY_CHANGE_TOKEN_2),
    4: (
        tr_noop("voucher", "Key change token 1 of 4"),
        tr_noop("voucher", "Key change token 2 of 4"),
        tr_noop("voucher", "Key change token 3 of 4"),
        tr_noop("voucher", "Key change token 4 of 4"),
    ),
}
ENTER_KEY_CHANGE_FIRST = tr_noop(
    "voucher",
    "Enter any older tokens first, then the key change tokens in order, then the credit token.",
)


class VoucherPrinter(Protocol):
    """The counter's printer and the lines every voucher of this counter carries."""

    @property
    def header_lines(self) -> tuple[str, ...]: ...

    @property
    def footer_lines(self) -> tuple[str, ...]: ...

    def print(self, voucher: Voucher) -> object:
        """Print ``voucher``; raises a :class:`~starpos.devices.printer.PrinterError`."""
        ...

    def preview(self, voucher: Voucher) -> Image.Image:
        """The voucher dot for dot as the paper will show it."""
        ...

    def status(self) -> PrinterStatus:
        """How the printer is (faults in ``error``, never raised)."""
        ...


class UnknownBillError(VendError):
    code = "counter.unknown_bill"
    template = "There is no sale with the bill number {bill}."


def _lines(session: Session, vend: Vend) -> tuple[AmountLine, ...]:
    lines = [AmountLine(AMOUNT, vend.amount)]
    lines += [AmountLine(_name(charge.name), charge.amount) for charge in vend.charges]
    for label, value in (
        (VAT, vend.vat),
        (DEBT, vend.debt_repayment),
        (PREINSTALLED, vend.preinstalled),
        (PREARRANGE, vend.prearrange),
    ):
        if value:
            lines.append(AmountLine(label, value))
    return tuple(lines)


def voucher_for(session: Session, vend: Vend, printer: VoucherPrinter, reprint: bool) -> Voucher:
    """The voucher of ``vend`` exactly as the ledger booked it, with ``printer``'s lines."""
    parameters = system_parameters(session)
    operator = session.get(Operator, vend.operator_id)
    point = session.get(SalesPoint, vend.sales_point_id)
    term = session.get(PaymentTerm, vend.payment_term_id)
    meter = vend.meter
    issued = to_local(session, vend.issued_at or vend.created_at)
    return Voucher(
        company=parameters.company_name,
        tax_reference=parameters.tax_reference,
        sales_point=f"{point.code} {point.name}" if point else "",
        bill_number=vend.bill_number,
        date_time=issued.strftime("%Y-%m-%d %H:%M"),
        operator=operator.code if operator else "",
        customer_name=vend.customer.name,
        customer_number=vend.customer.code,
        meter_number=meter.number,
        tariff_name=_name(meter.tariff_scheme.name) if meter.tariff_scheme else "",
        energy_kwh=vend.energy_kwh,
        fbe_kwh=vend.fbe_kwh or None,
        amount_lines=_lines(session, vend),
        net_amount=vend.net_amount,
        payment_method=_name(term.name) if term else "",
        paid=vend.tendered,
        change=vend.change,
        tokens=_sections(vend),
        detail_lines=_instructions(vend),
        currency=parameters.currency,
        sgc=meter.sgc,
        krn=str(meter.krn),
        ti=f"{meter.ti:02d}",
        header_lines=printer.header_lines,
        footer_lines=printer.footer_lines,
        reprint=reprint,
        cash_sale=bool(term and term.kind == PaymentKind.CASH),
        language=current_language(),
        card_serial=_card_serial(session, vend),
    )


def _sections(vend: Vend) -> tuple[TokenSection, ...]:
    """The tokens in the order the customer enters them: a key change's first (labelled
    1 of N), then the credit token (docs/key-changes.md)."""
    changes = [token.token for token in vend.tokens if token.kind == KEY_CHANGE_TOKEN]
    labels = KEY_CHANGE_LABELS.get(len(changes), ())
    sections = [TokenSection(label, token) for label, token in zip(labels, changes, strict=True)]
    sections += [
        TokenSection(CREDIT_TOKEN, token.token)
        for token in vend.tokens
        if token.kind != KEY_CHANGE_TOKEN
    ]
    return tuple(sections)


def _instructions(vend: Vend) -> tuple[str, ...]:
    if any(token.kind == KEY_CHANGE_TOKEN for token in vend.tokens):
        return (translate("voucher", ENTER_KEY_CHANGE_FIRST),)
    return ()


def _name(name: str) -> str:
    """A master data name in the voucher's language (as the utility wrote it if untranslated)."""
    return translate(MASTER_DATA, name) if name else name


def _card_serial(session: Session, vend: Vend) -> str:
    """The serial of the card a card sale was written to ("" for a token sale)."""
    if vend.medium != MeterMedium.CARD:
        return ""
    serial = session.scalars(
        select(IssuedCard.serial)
        .join(CardVend, CardVend.card_id == IssuedCard.id)
        .where(CardVend.vend_id == vend.id)
    ).first()
    return serial or ""


def _vend(session: Session, bill_number: str) -> Vend:
    vend = session.scalars(select(Vend).where(Vend.bill_number == bill_number)).first()
    if vend is None:
        raise UnknownBillError(bill=bill_number)
    return vend


class CounterPrinting:
    """Print, reprint and preview a sale's voucher from the ledger; the printer's state.

    Calls do blocking printer I/O: a window runs them off its GUI thread.
    """

    def __init__(self, database: Database, printer: VoucherPrinter) -> None:
        self.database = database
        self.printer = printer

    def print_voucher(
        self, bill_number: str, operator: OperatorSession, reprint: bool
    ) -> PrintOutcome:
        """Print the voucher of ``bill_number`` and book the print (or the audited reprint)."""
        if reprint:
            operator.require(REPRINT)
        with self.database.reading() as session:
            voucher = voucher_for(session, _vend(session, bill_number), self.printer, reprint)
        try:
            self.printer.print(voucher)
        except PrinterError as error:
            # Audited; the sale itself stays as it is and can be reprinted later.
            vending.mark_print_failed(
                self.database, bill_number, operator.actor, render_error(error, "en")
            )
            raise
        if reprint:
            vending.record_reprint(self.database, bill_number, operator.actor)
        else:
            vending.mark_printed(self.database, bill_number, operator.actor)
        return PrintOutcome(bill_number, reprint)

    def preview_voucher(self, bill_number: str) -> bytes:
        """The voucher of ``bill_number`` as a PNG, from the same layout as the paper."""
        with self.database.reading() as session:
            voucher = voucher_for(session, _vend(session, bill_number), self.printer, False)
        image = self.printer.preview(voucher)
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        return buffer.getvalue()

    def printer_state(self) -> DeviceState:
        status = self.printer.status()
        if status.error is not None:
            return DeviceState(online=False, problem=status.error)
        return DeviceState(online=True)

    def test_print(self) -> None:
        self.printer.print(sample_voucher(language=current_language()))
