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
from starpos.vending import errors
from starpos.vending.meter_check import SaleMeter, check_meter
from starpos.vending.sale import ModuleSnapshot, PreparedVend, PricedSale, VendRequest
from starpos.vending.sale_checks import audit_refusal, price_sale
from starpos.vending.tids import next_tid
from starpos.vending.timing import StepTimer, timed

__all__ = ["PROBE_TOKEN", "audit_refusal", "prepare"]

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
            priced, meter = _check_store(session, request, now)
        with timed(timer, "module_checks"):
            snapshot = _check_module(module, meter, priced.breakdown)
    except (StarposError, StsError) as refusal:
        audit_refusal(database, request, refusal)
        raise
    return PreparedVend.of(priced, _key_ref(meter), meter.tid_base_year, meter.ken, snapshot)


def _check_store(
    session: Session, request: VendRequest, now: datetime
) -> tuple[PricedSale, SaleMeter]:
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
    try:
        next_tid(priced.local_time, meter.tid_base_year, meter.last_tid, meter.ken)
    except StsError as error:
        raise errors.KeyExpiredError(number=meter.number, ken=meter.ken) from error
    del parameters  # held until the last check on purpose (above)
    return priced, meter


def _key_ref(meter: SaleMeter) -> MeterKeyRef:
    assert meter.key_register is not None  # _check_store refused meters without one
    return MeterKeyRef(
        meter.pan, int(meter.key_register), meter.sgc, meter.ti, meter.krn, meter.ken
    )


def _check_module(
    module: SecureModule, meter: SaleMeter, breakdown: pricing.Breakdown
) -> ModuleSnapshot:
    key_ref = _key_ref(meter)
    try:
        identity = module.identify()
        balance = module.balance()
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
    if balance.balance < breakdown.token_kwh:
        raise errors.ModuleCreditTooLowError(balance=balance.balance, needed=breakdown.token_kwh)
    try:
        module.verify_token(PROBE_TOKEN, key_ref)
    except (SmKeyMissingError, SmKeyMismatchError) as error:
        raise errors.KeyMissingError(
            number=meter.number, sgc=meter.sgc, krn=meter.krn, register=meter.key_register
        ) from error
    except SmKeyExpiredError as error:
        raise errors.KeyExpiredError(number=meter.number, ken=meter.ken) from error
    except SmRefusedError:
        pass  # the key is there; the dummy token just does not decrypt
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
    return ModuleSnapshot(identity.module_id, balance.sequence, balance.balance)
