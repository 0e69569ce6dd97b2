"""The quick checks before any token is asked for (STYLE.md "check before you dispatch").

:func:`prepare` reads the store (operator, sales point, payment term, meter, customer,
contract, meter model), prices the sale, then asks the module three quick questions that
change nothing in it: who are you (``SM?ID``), how much credit (``SM?TS``), and do you hold
this meter's key (``SM?TV`` of a dummy token: code 40/45 means no). A refusal is a typed
:class:`~starpos.vending.errors.VendRefusedError` (or the pricing's own
:class:`~starpos.errors.PricingError`); the only thing written is its audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from starpos import permissions, pricing
from starpos.audit import Actor, AuditKind, append
from starpos.db import Database
from starpos.db.models import (
    Branch,
    Meter,
    Operator,
    OperatorRole,
    PaymentTerm,
    RolePermission,
    SalesPoint,
    TariffVersion,
    Terminal,
)
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
from starpos.pricing_inputs import (
    MeterHasNoTariffError,
    customer_type_rules,
    pricing_rules,
    purchase_history,
)
from starpos.sts.errors import StsError
from starpos.vending import errors
from starpos.vending.meter_check import SaleCustomer, SaleMeter, check_meter
from starpos.vending.sale import ModuleSnapshot, PreparedVend, VendRequest
from starpos.vending.tariff_cache import tariff_for_sale
from starpos.vending.tids import TidUnavailable, next_tid
from starpos.vending.timing import StepTimer, timed

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


def audit_refusal(
    database: Database, request: VendRequest, refusal: BaseException, actor: Actor | None = None
) -> None:
    """The one thing a refusal writes: an audit entry with what was asked and why not."""
    with database.unit_of_work() as uow:
        append(
            uow.session,
            AuditKind.VEND_REFUSED,
            subject=f"meter:{request.meter}"[:80],
            details={
                "code": getattr(refusal, "code", type(refusal).__name__),
                "params": {k: str(v) for k, v in getattr(refusal, "params", {}).items()},
                "net": str(request.net),
                "payment": request.payment,
            },
            actor=actor
            or Actor(request.operator_code, request.sales_point_code, request.terminal_code),
        )
        uow.commit()


def _check_store(session: Session, request: VendRequest, now: datetime) -> dict[str, Any]:
    # Held for the whole check: the session's identity map is weak, and the clock and the
    # pricing read these parameters many times; kept alive, each read is a map hit, not SQL.
    parameters = system_parameters(session)
    seller = _check_operator(session, request)
    terminal = _terminal(session, request)
    payment = _payment_term(session, request.payment)
    meter = check_meter(session, request.meter)
    local = to_local(session, now)
    sale, tariff_version_id = _sale_context(session, meter, local)
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


def _sale_context(
    session: Session, meter: SaleMeter, sale_time: datetime
) -> tuple[pricing.SaleContext, int | None]:
    """:func:`starpos.pricing_inputs.sale_context` with the tariff from the process cache,
    and the id of the tariff version in force (``sale_time``: local, naive)."""
    if meter.tariff_scheme_id is None:
        raise MeterHasNoTariffError(number=meter.number)
    customer = meter.customer
    assert customer is not None  # _check_meter refused meters without one
    tariff, version_id = tariff_for_sale(session, meter.tariff_scheme_id, sale_time)
    sale = pricing.SaleContext(
        rules=pricing_rules(session),
        customer_type=customer_type_rules(session, customer.customer_type),
        tariff=tariff,
        history=purchase_history(session, meter, sale_time),
        at=sale_time,
        meter=pricing.MeterRules(preinstalled_amount=meter.model.preinstalled_amount),
    )
    return sale, version_id


@dataclass(frozen=True)
class _Seller:
    """Who sells and where, as plain values (read with Core: this runs on every sale)."""

    operator_id: int
    operator_code: str
    sales_point_id: int
    sales_point_code: str
    branch_code: str


# The checks run on every sale: plain Core statements built once (their compiled form is
# cached by SQLAlchemy), run on the session's connection without the ORM's per-query work.
_OPERATORS = cast(Table, Operator.__table__)
_POINTS = cast(Table, SalesPoint.__table__)
_BRANCHES = cast(Table, Branch.__table__)
_GRANTS = cast(Table, RolePermission.__table__)
_ROLES = cast(Table, OperatorRole.__table__)
_TERMS = cast(Table, PaymentTerm.__table__)
_READ_OPERATOR = (
    select(
        _OPERATORS.c.id,
        _OPERATORS.c.code,
        _OPERATORS.c.forbid_login,
        _OPERATORS.c.is_superuser,
        _OPERATORS.c.may_login_other_sales_points,
        _POINTS.c.id,
        _POINTS.c.code,
    )
    .select_from(_OPERATORS.outerjoin(_POINTS, _POINTS.c.id == _OPERATORS.c.sales_point_id))
    .where(_OPERATORS.c.code == bindparam("code"))
)
_READ_GRANT = (
    select(_GRANTS.c.role_id)
    .join(_ROLES, _ROLES.c.role_id == _GRANTS.c.role_id)
    .where(
        _ROLES.c.operator_id == bindparam("operator_id"),
        _GRANTS.c.permission == bindparam("permission"),
    )
    .limit(1)
)
_READ_SALES_POINT = (
    select(_POINTS.c.id, _POINTS.c.code, _POINTS.c.forbid_sales, _BRANCHES.c.code)
    .join(_BRANCHES, _BRANCHES.c.id == _POINTS.c.branch_id)
    .where(_POINTS.c.code == bindparam("code"))
)
_READ_TERMS = (
    select(_TERMS.c.id, _TERMS.c.code, _TERMS.c.kind)
    .where(_TERMS.c.active.is_(True))
    .order_by(_TERMS.c.code)
)


def _check_operator(session: Session, request: VendRequest) -> _Seller:
    connection = session.connection()
    operator = connection.execute(_READ_OPERATOR, {"code": request.operator_code}).first()
    if operator is None:
        raise errors.UnknownOperatorError(operator=request.operator_code)
    operator_id, code, forbid_login, superuser, anywhere, home_id, home_code = operator
    if forbid_login:
        raise errors.OperatorBlockedError(operator=code)
    if not superuser and not _role_grants(session, operator_id, permissions.VEND):
        raise errors.OperatorMayNotVendError(operator=code)
    wanted = request.sales_point_code or home_code or ""
    sales_point = connection.execute(_READ_SALES_POINT, {"code": wanted}).first()
    if sales_point is None:
        raise errors.UnknownSalesPointError(sales_point=wanted or "-")
    point_id, point_code, forbid_sales, branch_code = sales_point
    if home_id is not None and home_id != point_id and not anywhere:
        raise errors.OperatorWrongSalesPointError(
            operator=code, home=home_code, sales_point=point_code
        )
    if forbid_sales:
        raise errors.SalesForbiddenError(sales_point=point_code)
    return _Seller(operator_id, code, point_id, point_code, branch_code)


def _role_grants(session: Session, operator_id: int, permission: str) -> bool:
    """Whether one of the operator's roles grants ``permission`` (``starpos.auth`` rules)."""
    found = session.connection().execute(
        _READ_GRANT, {"operator_id": operator_id, "permission": permission}
    )
    return found.first() is not None


def _terminal(session: Session, request: VendRequest) -> Terminal | None:
    if not request.terminal_code:
        return None
    return session.scalars(select(Terminal).where(Terminal.code == request.terminal_code)).first()


def _payment_term(session: Session, wanted: str) -> int:
    """The id of the active payment term whose code or kind is ``wanted``."""
    terms = session.connection().execute(_READ_TERMS).all()
    for term_id, code, kind in terms:
        if wanted.casefold() in (code.casefold(), str(kind).casefold()):
            return int(term_id)
    raise errors.UnknownPaymentTermError(
        payment=wanted, known=", ".join(code for _, code, _ in terms) or "-"
    )


def _tariff_version(session: Session, meter: Meter, local: datetime) -> int | None:
    """The id of ``meter``'s tariff version in force at ``local`` (card sales use it; a
    token vend gets it with the tariff stamp, :func:`tariff_for_sale`)."""
    return session.scalar(
        select(TariffVersion.id)
        .where(
            TariffVersion.scheme_id == meter.tariff_scheme_id,
            TariffVersion.effective_from <= local,
        )
        .order_by(TariffVersion.effective_from.desc())
        .limit(1)
    )


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
    seller: _Seller = found["seller"]
    terminal: Terminal | None = found["terminal"]
    meter: SaleMeter = found["meter"]
    customer: SaleCustomer = found["customer"]
    breakdown: pricing.Breakdown = found["breakdown"]
    tendered: Decimal = found["tendered"]
    return PreparedVend(
        request=request,
        actor=Actor(
            seller.operator_code, seller.sales_point_code, terminal.code if terminal else None
        ),
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
