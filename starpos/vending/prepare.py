"""The quick checks before any token is asked for (STYLE.md "check before you dispatch").

:func:`prepare` reads the store (operator, sales point, payment term, meter, customer,
contract, meter model), prices the sale, then asks the module three quick questions that
change nothing in it: who are you (``SM?ID``), how much credit (``SM?TS``), and do you hold
this meter's key (``SM?TV`` of a dummy token: code 40/45 means no). A refusal is a typed
:class:`~starpos.vending.errors.VendRefusedError` (or the pricing's own
:class:`~starpos.errors.PricingError`); the only thing written is its audit entry.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from starpos import pricing
from starpos.db import Database
from starpos.db.parameters import system_parameters
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import (
    SmError,
    SmKeyExpiredError,
    SmKeyMismatchError,
    SmKeyMissingError,
    SmRefusedError,
)
from starpos.devices.sm.messages import MeterKeyRef
from starpos.errors import StarposError
from starpos.sts.errors import StsError
from starpos.vending import errors, key_change_sale
from starpos.vending.key_change_sale import SaleKeyChange
from starpos.vending.meter_check import SaleMeter, check_meter
from starpos.vending.sale import ModuleSnapshot, PreparedVend, PricedSale, VendRequest
from starpos.vending.sale_checks import audit_refusal, price_sale
from starpos.vending.tids import next_tid
from starpos.vending.timing import StepTimer, timed

__all__ = ["PROBE_TOKEN", "audit_refusal", "prepare", "probe_key"]

#: A token the key probe asks the module to decrypt; its answer only tells if the key is there.
PROBE_TOKEN = "0" * 20


def prepare(
    database: Database,
    module: SecureModule,
    request: VendRequest,
    now: datetime | None = None,
    timer: StepTimer | None = None,
) -> PreparedVend:
    """Check and price ``request``; raise a typed refusal (audited) when it cannot be sold."""
    now = now or datetime.now(UTC)
    try:
        with timed(timer, "store_checks"), database.reading() as session:
            priced, meter, change = _check_store(session, request, now)
        with timed(timer, "module_checks"):
            snapshot = _check_module(module, meter, priced.breakdown, change)
    except (StarposError, StsError) as refusal:
        audit_refusal(database, request, refusal)
        raise
    return PreparedVend.of(
        priced, _key_ref(meter), meter.tid_base_year, meter.ken, snapshot, change
    )


def _check_store(
    session: Session, request: VendRequest, now: datetime
) -> tuple[PricedSale, SaleMeter, SaleKeyChange | None]:
    # Held for the whole check: the session's identity map is weak, and the clock and the
    # pricing read these parameters many times; kept alive, each read is a map hit, not SQL.
    parameters = system_parameters(session)
    priced, meter = price_sale(
        session, request, lambda reading: check_meter(reading, request.meter), now
    )
    if meter.key_register is None or not meter.key_register.strip().isdigit():
        raise errors.KeyMissingError(
            number=meter.number, sgc=meter.sgc, krn=meter.krn, register=meter.key_register or "-"
        )
    change = _key_change(session, meter)
    # A meter flagged for a key change gets its credit token under the new key: that key's
    # TIDs are the ones that must not have run out (a 1993 key's have, its next one's not).
    base, ken, last = meter.tid_base_year, meter.ken, meter.last_tid
    if change is not None and change.to_make:
        base, ken = change.new_key.base_date, change.new_key.ken
        last = None if change.rollover else last
    try:
        next_tid(priced.local_time, base, last, ken)
    except StsError as error:
        raise errors.KeyExpiredError(number=meter.number, ken=ken) from error
    del parameters  # held until the last check on purpose (above)
    return priced, meter, change


def _key_change(session: Session, meter: SaleMeter) -> SaleKeyChange | None:
    if meter.key_register is None:
        return None
    try:
        return key_change_sale.for_meter(session, meter.id, _key_ref(meter), meter.tid_base_year)
    except key_change_sale.KeyChangeInProgressError as busy:
        raise errors.KeyChangeInProgressError(number=meter.number, bill=busy.bill) from busy


def _key_ref(meter: SaleMeter) -> MeterKeyRef:
    assert meter.key_register is not None  # _check_store refused meters without one
    return MeterKeyRef(
        meter.pan, int(meter.key_register), meter.sgc, meter.ti, meter.krn, meter.ken
    )


def _check_module(
    module: SecureModule,
    meter: SaleMeter,
    breakdown: pricing.Breakdown,
    change: SaleKeyChange | None = None,
) -> ModuleSnapshot:
    key_ref = _key_ref(meter)
    try:
        identity = module.identify()
        balance = module.balance()
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
    if balance.balance < breakdown.token_kwh:
        raise errors.ModuleCreditTooLowError(balance=balance.balance, needed=breakdown.token_kwh)
    probe_key(module, meter.number, key_ref)
    if change is not None and change.to_make:
        # The key change needs the new key too: the module makes its tokens and the credit
        # token from it, so a module without it is refused before anything is written.
        probe_key(module, meter.number, change.new_ref)
    return ModuleSnapshot(identity.module_id, balance.sequence, balance.balance)


def probe_key(module: SecureModule, number: str, key_ref: MeterKeyRef) -> None:
    """Does the module hold ``key_ref``'s key for meter ``number``? A query (``SM?TV``):
    nothing is made, so the set-up wizard's test vend asks it too."""
    try:
        module.verify_token(PROBE_TOKEN, key_ref)
    except (SmKeyMissingError, SmKeyMismatchError) as error:
        raise errors.KeyMissingError(
            number=number, sgc=key_ref.sgc, krn=key_ref.krn, register=key_ref.key_register
        ) from error
    except SmKeyExpiredError as error:
        raise errors.KeyExpiredError(number=number, ken=key_ref.ken) from error
    except SmRefusedError:
        pass  # the key is there; the dummy token just does not decrypt
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
