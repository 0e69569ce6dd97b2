"""What a voucher says: the data the vend hands to the printer.

Money is ``Decimal`` already quantised to the currency's decimals (the vend copies it from
the ledger); energy is ``Decimal`` kWh at the STS resolution of 0.1. Anything whose form
depends on the locale (date and time, payment method name) arrives as a finished string.
Labels the printer adds are English source strings translated into ``language`` (context
``voucher``) when the voucher is laid out.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from starpos.devices.printer.errors import VoucherDataError
from starpos.i18n import tr_noop

#: Token section labels the vend may use (translated when printed).
CREDIT_TOKEN = tr_noop("voucher", "Credit token")
#: A card sale has no token: the credit went onto the customer's SUN card.
CREDIT_ON_CARD = tr_noop("voucher", "Credit written to card")
KEY_CHANGE_TOKEN_1 = tr_noop("voucher", "Key change token 1 of 2")
KEY_CHANGE_TOKEN_2 = tr_noop("voucher", "Key change token 2 of 2")
ENGINEERING_TOKEN = tr_noop("voucher", "Engineering token")

TOKEN_DIGITS = 20


@dataclass(frozen=True)
class AmountLine:
    """One line of the amount breakdown (energy charge, VAT, debt, fixed charge ...)."""

    label: str
    amount: Decimal


@dataclass(frozen=True)
class TokenSection:
    """One 20-digit token with what it is for (one for a sale, two for a key change)."""

    label: str
    digits: str


@dataclass(frozen=True)
class Voucher:
    """Everything printed on one voucher.

    ``amount_lines`` must add up to ``net_amount``; every token is 20 digits. A card sale
    (``card_serial`` set) carries no token: the voucher says which card holds the credit; a
    bill (``bill_only``) carries none either.
    """

    company: str
    tax_reference: str
    sales_point: str
    bill_number: str
    date_time: str
    operator: str
    customer_name: str
    customer_number: str
    meter_number: str
    tariff_name: str
    energy_kwh: Decimal
    amount_lines: tuple[AmountLine, ...]
    net_amount: Decimal
    payment_method: str
    paid: Decimal
    change: Decimal
    tokens: tuple[TokenSection, ...]
    currency: str
    fbe_kwh: Decimal | None = None
    sgc: str = ""
    krn: str = ""
    ti: str = ""
    header_lines: tuple[str, ...] = ()
    footer_lines: tuple[str, ...] = ()
    #: What an engineering or test token does, in the voucher's language (one row each).
    detail_lines: tuple[str, ...] = ()
    reprint: bool = False
    cash_sale: bool = True
    language: str = "en"
    card_serial: str = ""
    #: A bill that hands over no credit at all, neither token nor card (a payment change,
    #: manual 4.7): the one voucher allowed to carry no token.
    bill_only: bool = False

    def __post_init__(self) -> None:
        money = [("net_amount", self.net_amount), ("paid", self.paid), ("change", self.change)]
        money += [(f"amount line {line.label!r}", line.amount) for line in self.amount_lines]
        energy = [("energy_kwh", self.energy_kwh)]
        if self.fbe_kwh is not None:
            energy.append(("fbe_kwh", self.fbe_kwh))
        for name, value in money + energy:
            if not isinstance(value, Decimal):
                raise VoucherDataError(reason=f"{name} must be a Decimal, not {value!r}")
        total = sum((line.amount for line in self.amount_lines), Decimal(0))
        if self.amount_lines and total != self.net_amount:
            raise VoucherDataError(
                reason=f"the amount lines add up to {total}, not to the net amount "
                f"{self.net_amount}"
            )
        if not self.tokens and not self.card_serial and not self.bill_only:
            raise VoucherDataError(reason="there is no token")
        for token in self.tokens:
            if len(token.digits) != TOKEN_DIGITS or not token.digits.isdigit():
                raise VoucherDataError(reason=f"{token.digits!r} is not a 20-digit token")


def group_token(digits: str, size: int = 4) -> list[str]:
    """``"12345678..."`` -> ``["1234", "5678", ...]`` (the 4-4-4-4-4 grouping of IEC 62055-41)."""
    return [digits[i : i + size] for i in range(0, len(digits), size)]


def sample_voucher(*, reprint: bool = False, language: str = "en") -> Voucher:
    """A realistic voucher for test prints, ``starpos printer render`` and the docs."""
    lines = (
        AmountLine(tr_noop("voucher", "Energy charge"), Decimal("86.96")),
        AmountLine(tr_noop("voucher", "VAT 15%"), Decimal("13.04")),
        AmountLine(tr_noop("voucher", "Debt recovery"), Decimal("10.00")),
        AmountLine(tr_noop("voucher", "Fixed charge"), Decimal("5.00")),
    )
    return Voucher(
        company="Star Electricity Utility",
        tax_reference="VAT 4120267391",
        sales_point="SP-001 Main Street",
        bill_number="000123",
        date_time="2026-11-22 09:41",
        operator="STAR",
        customer_name="Thandi Mokoena",
        customer_number="C-10042",
        meter_number="01234567890",
        tariff_name="Residential prepaid",
        energy_kwh=Decimal("55.3"),
        fbe_kwh=Decimal("50.0"),
        amount_lines=lines,
        net_amount=Decimal("115.00"),
        payment_method="Cash",
        paid=Decimal("120.00"),
        change=Decimal("5.00"),
        tokens=(TokenSection(CREDIT_TOKEN, "56381247093816254708"),),
        sgc="123456",
        krn="1",
        ti="01",
        header_lines=("Prepaid electricity",),
        footer_lines=("Keep this voucher until the token is entered.", "Thank you"),
        reprint=reprint,
        cash_sale=True,
        currency="ZAR",
        language=language,
    )
