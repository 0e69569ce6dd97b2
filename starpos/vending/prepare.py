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
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from starpos import pricing
from starpos.db import Database
from starpos.db.models import Terminal
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
from starpos.master_data import system_parameters, to_local
from starpos.sts.errors import StsError
from starpos.vending import errors
from starpos.vending.meter_check import SaleCustomer, SaleMeter, check_meter
from starpos.vending.sale import ModuleSnapshot, PreparedVend, VendRequest
from starpos.vending.sale_checks import (
    Seller,
    audit_refusal,
    check_seller,
    find_terminal,
    payment_term_id,
    sale_context,
    seller_actor,
)
from starpos.vending.tids import TidUnavailable, next_tid
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
            found = _check_store(session, request, now)
        with timed(timer, "module_checks"):
            snapshot = _check_module(module, found)
    except (StarposError, StsError) as refusal:
        audit_refusal(database, request, refusal)
        raise
    return _prepared(found, snapshot)


def _check_store(session: Session, request: VendRequest, now: datetime) -> dict[str, Any]:
    # Held for the whole check: the session's identity map is weak, and the clock and the
    # pricing read these parameters many times; kept alive, each read is a map hit, not SQL.
    parameters = system_parameters(session)
    seller = check_seller(session, request)
    terminal = find_terminal(session, request)
    payment = payment_term_id(session, request.payment)
    meter = check_meter(session, request.meter)
    local = to_local(session, now)
    sale, tariff_version_id = sale_context(session, meter, local)
    breakdown = pricing.price_from_net(request.net, sale)
    tendered = request.net if request.tendered is None else request.tendered
    if tendered < breakdown.net:
        raise errors.TenderedTooLittleError(tendered=tendered, net=breakdown.net)
    if meter.key_register is None or not meter.key_register.strip().isdigit():
        raise errors.KeyMissingError(
            number=meter.number, sgc=meter.sgc, krn=meter.krn, register=meter.key_register or "-"
        )
    try:
        next_tid(local, meter.tid_base_year, meter.last_tid, meter.ken)
    except TidUnavailable as error:
        raise errors.KeyExpiredError(number=meter.number, ken=meter.ken) from error
    customer = meter.customer
    assert customer is not None
    return {
        "parameters": parameters,
        "request": request,
        "seller": seller,
        "terminal": terminal,
        "payment": payment,
        "meter": meter,
        "customer": customer,
        "breakdown": breakdown,
        "sale": sale,
        "tendered": tendered,
        "local": local,
        "tariff_version_id": tariff_version_id,
        "key_ref": MeterKeyRef(
            meter.pan, int(meter.key_register), meter.sgc, meter.ti, meter.krn, meter.ken
        ),
    }


def _check_module(module: SecureModule, found: dict[str, Any]) -> ModuleSnapshot:
    meter: SaleMeter = found["meter"]
    breakdown: pricing.Breakdown = found["breakdown"]
    key_ref: MeterKeyRef = found["key_ref"]
    try:
        identity = module.identify()
        balance = module.balance()
    except SmError as error:
        raise errors.ModuleOfflineError(**errors.reason(error)) from error
    if balance.balance < breakdown.token_kwh:
        raise errors.ModuleCreditTooLowError(balance=balance.balance, needed=breakdown.token_kwh)
    try:
        module.verify_token(PROBE_TOKEN, *_key_fields(key_ref))
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


def _key_fields(ref: MeterKeyRef) -> tuple[str, int, str, int, int, int]:
    return (ref.pan, ref.key_register, ref.sgc, ref.ti, ref.krn, ref.ken)


def _prepared(found: dict[str, Any], snapshot: ModuleSnapshot) -> PreparedVend:
    request: VendRequest = found["request"]
    seller: Seller = found["seller"]
    terminal: Terminal | None = found["terminal"]
    meter: SaleMeter = found["meter"]
    customer: SaleCustomer = found["customer"]
    breakdown: pricing.Breakdown = found["breakdown"]
    tendered: Decimal = found["tendered"]
    return PreparedVend(
        request=request,
        actor=seller_actor(seller, terminal),
        operator_id=seller.operator_id,
        sales_point_id=seller.sales_point_id,
        branch_code=seller.branch_code,
        terminal_id=terminal.id if terminal else None,
        payment_term_id=found["payment"],
        meter_id=meter.id,
        meter_number=meter.number,
        customer_id=customer.id,
        customer_code=customer.code,
        customer_name=customer.name,
        tariff_version_id=found["tariff_version_id"],
        key_ref=found["key_ref"],
        tid_base_year=meter.tid_base_year,
        ken=meter.ken,
        breakdown=breakdown,
        sale=found["sale"],
        tendered=tendered,
        change=tendered - breakdown.net,
        module=snapshot,
        local_time=found["local"],
    )
