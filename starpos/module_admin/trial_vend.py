"""The set-up wizard's test vend (issue 15; decision INS-20): everything a sale asks of the
module for a test meter, then the meter's test token on the configured printer.

A token the module makes outside the store's books would be counted by the module for
ever: the store would then refuse to bind it ("a history this store does not hold") and
reconcile would name it at every start. So the test asks the module, with queries only,
what a sale's own checks ask (:func:`starpos.vending.prepare.probe_key`): who it is, its
credit, and whether it holds a vending key in force that serves the meter. The token on
the voucher is the meter's class 1 test/display token, which the engine makes without the
module: it carries no credit, so there is nothing to void; nothing is booked either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from starpos.devices.printer import TokenSection, Voucher
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import SmError
from starpos.devices.sm.kmf import KeyInfo
from starpos.devices.sm.messages import MeterKeyRef, ModuleBalance, ModuleIdentity
from starpos.errors import DeviceError
from starpos.i18n import tr_noop, translate
from starpos.module_admin.key_standing import Standing, key_standings
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops.batch import meter_test_token
from starpos.tokenops.vouchers import TEST_TOKEN
from starpos.vending import errors
from starpos.vending.prepare import probe_key

#: The tariff index the test asks the key for (any: the probe checks the vending key).
TEST_TI = 1
#: Bit 0 of a test token's control field: the meter's first test (its maker names it).
TEST_CONTROL = 1
#: The voucher's lines saying what it is (context ``setup``, in the voucher's language).
VOUCHER_TITLE = tr_noop("setup", "TEST VEND - NOT A SALE")
VOUCHER_NOTE = tr_noop(
    "setup", "Test/display token for the meter: no credit, nothing booked, nothing to void."
)


class NoVendingKeyError(DeviceError):
    code = "device.test_vend.no_key"
    template = (
        "The secure module {module} holds no vending key in force today. Load the "
        "utility's KMF file (Secure module manager, Load KMF) before the first sale."
    )


@dataclass(frozen=True)
class ModuleReady:
    """What the module answered for the test meter."""

    identity: ModuleIdentity
    balance: ModuleBalance
    key: KeyInfo
    meter_number: str

    @property
    def test_token(self) -> str:
        """The meter's class 1 test/display token (the engine's: no module, no credit)."""
        return meter_test_token(self.meter_number, TEST_CONTROL)

    @property
    def key_ref(self) -> MeterKeyRef:
        pan = parse_meter_number(self.meter_number).pan
        key = self.key
        return MeterKeyRef(pan, key.register, key.sgc, TEST_TI, key.krn, key.ken)


def check_module_for(module: SecureModule, meter_number: str, today: date) -> ModuleReady:
    """The module's answers a sale for ``meter_number`` needs, queries only; raises the
    sale's own refusals (module offline, key missing or expired) or :class:`NoVendingKeyError`."""
    number = parse_meter_number(meter_number)  # a mistyped number: the engine's words
    try:
        identity = module.identify()
        balance = module.balance()
        registry = module.key_registry()
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
    usable = [
        standing.info
        for standing in key_standings(registry, today, 1)
        if standing.info.usage == "credit" and standing.standing in (Standing.GOOD, Standing.DUE)
    ]
    if not usable:
        raise NoVendingKeyError(module=identity.module_id)
    ready = ModuleReady(identity, balance, usable[0], str(number))
    probe_key(module, str(number), ready.key_ref)
    return ready


def trial_voucher(ready: ModuleReady, language: str, now: datetime | None = None) -> Voucher:
    """The voucher the printer is tried with: the meter, the key that serves it and its
    test token, titled as a test that is not a sale."""
    key = ready.key
    return Voucher(
        company="StarPOS",
        tax_reference="",
        sales_point="",
        bill_number="TEST",
        date_time=f"{now or datetime.now():%Y-%m-%d %H:%M}",
        operator="",
        customer_name="",
        customer_number="",
        meter_number=ready.meter_number,
        tariff_name="",
        energy_kwh=Decimal("0.0"),
        amount_lines=(),
        net_amount=Decimal(0),
        payment_method="",
        paid=Decimal(0),
        change=Decimal(0),
        tokens=(TokenSection(TEST_TOKEN, ready.test_token),),
        currency="",
        sgc=key.sgc,
        krn=str(key.krn),
        ti=f"{TEST_TI:02d}",
        header_lines=(translate("setup", VOUCHER_TITLE, language),),
        detail_lines=(translate("setup", VOUCHER_NOTE, language),),
        cash_sale=False,
        language=language,
    )
