"""In-memory stand-ins for the counter's two services, for window tests.

They follow the contract of ``starpos.ui.services`` (typed errors, Decimal money) and keep
what happened (vends, prints, audit lines) so tests can check it like a person would.
Tests that need the real store, pricing and devices use ``starpos.ui.core_services``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_DOWN, Decimal

from starpos.counter.views import (
    CounterRules,
    CustomerCard,
    DefaultAmount,
    DeviceState,
    PaymentMethod,
    PrintOutcome,
    Quote,
    QuoteLine,
    ShiftVend,
    VendOutcome,
)
from starpos.errors import AuthError, DeviceError, VendError
from starpos.module_admin.key_standing import KeyStanding
from starpos.operators.permissions import VIEW_REPORTS
from starpos.operators.session import OperatorSession
from starpos.ui.services import INSTALLER_SETTINGS, REPRINT, VEND
from starpos.vending.sale import VendRequest


def luhn_digit(payload: str) -> int:
    total = 0
    for position, char in enumerate(reversed(payload)):
        value = int(char)
        if position % 2 == 0:
            value *= 2
            value -= 9 if value > 9 else 0
        total += value
    return (10 - total % 10) % 10


def with_check_digit(payload: str) -> str:
    return payload + str(luhn_digit(payload))


# Valid 11-digit meter numbers (IIN 600727 implied), checked by the real STS engine.
GOOD_METER = with_check_digit("0412345678")
OTHER_METER = with_check_digit("0412345679")
BLACKLISTED_METER = with_check_digit("0487654321")
#: A meter flagged for a key change at its next purchase (docs/key-changes.md).
KEY_CHANGE_METER = with_check_digit("0412345680")


class FakeWrongPassword(AuthError):
    code = "auth.test_wrong_password"
    template = "The operator code or password is wrong."


class FakeModuleOffline(DeviceError):
    code = "device.sm.test_offline"
    template = "The secure module does not answer. Check its USB cable."


class FakeModuleLost(DeviceError):
    code = "device.sm.test_lost"
    template = (
        "The secure module stopped answering during the sale. The sale is kept and will be "
        "finished when the module answers again: do not sell it again."
    )


class FakePrinterOffline(DeviceError):
    code = "device.printer.test_offline"
    template = "The printer is offline. Check that it is on and has paper."


@dataclass
class FakeOperator:
    code: str
    name: str
    password: str
    permissions: frozenset[str]
    must_change_password: bool = False


class FakeAuth:
    def __init__(self) -> None:
        everything = frozenset({VEND, REPRINT, INSTALLER_SETTINGS, VIEW_REPORTS})
        self.operators = {
            "STAR": FakeOperator("STAR", "Star Admin", "star", everything, True),
            "ANN": FakeOperator("ANN", "Ann Cashier", "pw-ann", frozenset({VEND})),
            "SUP": FakeOperator("SUP", "Sam Supervisor", "pw-sup", everything),
        }
        self.threads: list[str] = []
        self.logged_out: list[str] = []

    def _check(self, code: str, password: str) -> FakeOperator:
        self.threads.append(threading.current_thread().name)
        operator = self.operators.get(code.upper())
        if operator is None or operator.password != password:
            raise FakeWrongPassword()
        return operator

    def login(self, code: str, password: str) -> OperatorSession:
        operator = self._check(code, password)
        return OperatorSession(
            operator.code,
            operator.name,
            operator.permissions,
            operator.must_change_password,
            sales_point_code="MS01",
            sales_point_name="Main Street 01",
        )

    def change_password(self, code: str, old_password: str, new_password: str) -> None:
        operator = self._check(code, old_password)
        operator.password = new_password
        operator.must_change_password = False

    def check_password(self, code: str, password: str) -> None:
        self._check(code, password)

    def log_out(self, code: str) -> None:
        self.logged_out.append(code)


@dataclass
class FakeCounter:
    module_online: bool = True
    printer_online: bool = True
    #: set to hold the vend on the module worker until the test releases it
    vend_gate: threading.Event | None = None
    vends: list[ShiftVend] = field(default_factory=list)
    prints: list[PrintOutcome] = field(default_factory=list)
    audit: list[str] = field(default_factory=list)
    threads: dict[str, set[str]] = field(default_factory=dict)
    balance: Decimal = Decimal("5000.0")
    #: the module takes the next request, then goes quiet before answering
    drop_mid_vend: bool = False
    pending: list[tuple[VendRequest, OperatorSession]] = field(default_factory=list)
    #: the module's keys near or past their expiry (KeyStanding)
    expiring_keys: list[KeyStanding] = field(default_factory=list)

    def _on(self, what: str) -> None:
        self.threads.setdefault(what, set()).add(threading.current_thread().name)

    def rules(self) -> CounterRules:
        self._on("rules")
        return CounterRules(
            currency="ZAR",
            decimals=2,
            default_amounts=tuple(DefaultAmount(Decimal(v)) for v in ("20", "50", "100", "200")),
            payment_methods=(
                PaymentMethod("CASH", "Cash", is_cash=True),
                PaymentMethod("CARD", "Bank card"),
            ),
        )

    def look_up(self, meter_number: str) -> CustomerCard:
        self._on("look_up")
        customers = {
            GOOD_METER: CustomerCard(
                GOOD_METER,
                "C000123",
                "Thandi Mokoena",
                "12 Acacia Road, Soweto",
                "STAR DDSY283",
                "Residential step",
                "active",
                Decimal("35.00"),
                datetime(2026, 11, 2, 9, 15),
                Decimal("100.00"),
            ),
            OTHER_METER: CustomerCard(
                OTHER_METER,
                "C000124",
                "Pieter van Wyk",
                "3 Kerk Street, Pretoria",
                "STAR DDSY283",
                "Residential flat",
                "active",
                Decimal("0.00"),
            ),
            KEY_CHANGE_METER: CustomerCard(
                KEY_CHANGE_METER,
                "C000125",
                "Amina Bello",
                "21 Market Street, Kano",
                "STAR DDSY283",
                "Residential step",
                "active",
                Decimal("0.00"),
                key_change_tokens=2,
            ),
            BLACKLISTED_METER: CustomerCard(
                BLACKLISTED_METER,
                "C000999",
                "Bongani Dube",
                "7 Main Road",
                "STAR DDS283",
                "Commercial",
                "blacklisted",
                Decimal("1200.00"),
                blacklist_reason="meter tampered, case 4471",
            ),
        }
        try:
            return customers[meter_number]
        except KeyError:
            raise VendError("No customer has the meter {meter}.", meter=meter_number) from None

    def quote(self, meter_number: str, net: Decimal) -> Quote:
        self._on("quote")
        card = self.look_up(meter_number)
        debt = min(card.debt, (net * Decimal("0.10")).quantize(Decimal("0.01")))
        rest = net - debt
        amount = (rest / Decimal("1.15")).quantize(Decimal("0.01"), ROUND_DOWN)
        vat = rest - amount
        energy = (amount / Decimal("1.85")).quantize(Decimal("0.1"), ROUND_DOWN)
        return Quote(
            net=net,
            amount=amount,
            lines=(QuoteLine("VAT", vat), QuoteLine("Debt repayment", debt)),
            vat=vat,
            debt_repayment=debt,
            energy_kwh=energy,
            warning=net > Decimal("1000"),
        )

    def vend(self, request: VendRequest, operator: OperatorSession) -> VendOutcome:
        self._on("vend")
        if self.vend_gate is not None:
            self.vend_gate.wait(10)
        if not self.module_online:
            raise FakeModuleOffline()
        if self.drop_mid_vend:
            self.drop_mid_vend = False
            self.module_online = False
            self.pending.append((request, operator))
            raise FakeModuleLost()
        return self._complete(request, operator)

    def recover_pending(self, operator: OperatorSession) -> list[VendOutcome]:
        self._on("recover_pending")
        if not self.module_online:
            raise FakeModuleOffline()
        done = [self._complete(request, who) for request, who in self.pending]
        self.pending.clear()
        return done

    def _complete(self, request: VendRequest, operator: OperatorSession) -> VendOutcome:
        card = self.look_up(request.meter)
        quote = self.quote(request.meter, request.net)
        paid = request.net if request.tendered is None else request.tendered
        serial = len(self.vends) + 1
        token = f"{(serial * 7919 + 12345678901234567890) % 10**20:020d}"
        now = datetime.now()
        bill = f"B{serial:06d}"
        self.vends.append(
            ShiftVend(
                now,
                bill,
                card.meter_number,
                card.name,
                request.net,
                quote.energy_kwh,
                token,
                "ISSUED",
            )
        )
        self.balance -= quote.energy_kwh
        self.audit.append(f"vend {bill} by {operator.code}")
        return VendOutcome(
            bill,
            card.meter_number,
            card.name,
            token,
            quote.energy_kwh,
            request.net,
            paid,
            paid - request.net,
            now,
        )

    def print_voucher(
        self, bill_number: str, operator: OperatorSession, reprint: bool
    ) -> PrintOutcome:
        self._on("print")
        if reprint and REPRINT not in operator.permissions:
            raise AuthError("You may not reprint vouchers.")
        if not self.printer_online:
            raise FakePrinterOffline()
        outcome = PrintOutcome(bill_number, reprint)
        self.prints.append(outcome)
        if reprint:
            self.audit.append(f"reprint {bill_number} by {operator.code}")
        for index, vend in enumerate(self.vends):
            if vend.bill_number == bill_number:
                self.vends[index] = ShiftVend(
                    vend.issued_at,
                    vend.bill_number,
                    vend.meter_number,
                    vend.customer_name,
                    vend.net,
                    vend.energy_kwh,
                    vend.token,
                    "PRINTED",
                )
        return outcome

    def last_bill_number(self, operator: OperatorSession) -> str | None:
        return self.vends[-1].bill_number if self.vends else None

    def preview_voucher(self, bill_number: str, operator: OperatorSession) -> bytes:
        from io import BytesIO

        from PIL import Image, ImageDraw

        image = Image.new("L", (384, 200), 255)
        ImageDraw.Draw(image).text((10, 10), f"voucher {bill_number}", fill=0)
        buffer = BytesIO()
        image.save(buffer, "PNG")
        return buffer.getvalue()

    def shift_vends(self, operator: OperatorSession) -> list[ShiftVend]:
        self._on("shift_vends")
        return list(self.vends)

    def module_state(self) -> DeviceState:
        self._on("module_state")
        if not self.module_online:
            raise FakeModuleOffline()
        return DeviceState(online=True, balance_kwh=self.balance)

    def key_warnings(self) -> list[KeyStanding]:
        self._on("key_warnings")
        if not self.module_online:
            raise FakeModuleOffline()
        return list(self.expiring_keys)

    def printer_state(self) -> DeviceState:
        self._on("printer_state")
        if not self.printer_online:
            return DeviceState(online=False, detail="offline")
        return DeviceState(online=True)

    def test_print(self) -> None:
        if not self.printer_online:
            raise FakePrinterOffline()

    def close(self) -> None:
        pass
