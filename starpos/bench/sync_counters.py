"""The counters ``starpos server bench`` simulates: a terminal, its key and the audit chain
it pushes, made here, hashed and linked as a counter's audit log is
(:func:`starpos.audit.log.append`), every sale's facts by real codes so the head office
books it (docs/sync.md, "What an audit entry must carry").
"""

from __future__ import annotations

import random
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from starpos.audit.log import GENESIS_HASH, AuditKind, canonical_json, entry_hash
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.models import Customer, Meter, TariffScheme, TariffVersion
from starpos.sync.wire import PROTOCOL, WireEvent

SALES_POINT = "SP01"
OPERATOR = "CASH1"
SCHEME = "RES-STEP"


@dataclass
class SimulatedCounter:
    terminal: str
    key_id: str
    key: Ed25519PrivateKey
    events: list[dict[str, Any]]
    bodies: list[bytes]
    #: The rest of the chain, in small batches, for the run at an offered load.
    paced_events: list[dict[str, Any]] = field(default_factory=list)
    paced: list[bytes] = field(default_factory=list)


def make_chains(
    database: Database,
    simulated: list[SimulatedCounter],
    meters: list[str],
    sales: int,
    batch: int,
    rng: random.Random,
    paced_sales: int = 0,
    paced_batch: int = 1,
) -> None:
    """Each counter's audit chain: three entries a sale, every fact by code, hashed and
    linked as ``starpos.audit.log.append`` does. The first ``sales`` sales go into pushes
    of ``batch`` events (``bodies``), the ``paced_sales`` after them into pushes of
    ``paced_batch`` (``paced``)."""
    with database.reading() as session:
        customer_of = dict(
            session.execute(
                select(Meter.number, Customer.code).join(Customer, Customer.id == Meter.customer_id)
            ).all()
        )
        effective_from = session.scalar(
            select(func.max(TariffVersion.effective_from))
            .join(TariffScheme, TariffScheme.id == TariffVersion.scheme_id)
            .where(TariffScheme.code == SCHEME)
        )
    assert effective_from is not None
    tid = 0
    at = utc_now().replace(microsecond=0) - timedelta(hours=1)
    for counter in simulated:
        previous = GENESIS_HASH
        for number in range(1, sales + paced_sales + 1):
            tid += 1
            meter = meters[rng.randrange(len(meters))]
            bill = f"{counter.terminal}-{number:06d}"
            net = Decimal(rng.choice((5, 10, 20, 50, 100)))
            steps = _sale_entries(bill, meter, customer_of[meter], net, tid, effective_from, rng)
            for kind, details in steps:
                event = WireEvent(
                    id=len(counter.events) + 1,
                    event_id=str(uuid.uuid4()),
                    occurred_at=at.astimezone(UTC),
                    kind=kind,
                    operator_code=OPERATOR,
                    sales_point_code=SALES_POINT,
                    terminal_code=counter.terminal,
                    subject=f"vend:{bill}",
                    details=canonical_json(details),
                    previous_hash=previous,
                    entry_hash="",
                )
                hashed = WireEvent(**{**asdict(event), "entry_hash": entry_hash(event)})
                previous = hashed.entry_hash
                counter.events.append(hashed.as_json())
        counter.events, counter.paced_events = (
            counter.events[: 3 * sales],
            counter.events[3 * sales :],
        )
        counter.bodies = _bodies(counter.events, batch)
        counter.paced = _bodies(counter.paced_events, paced_batch)


def _bodies(events: list[dict[str, Any]], batch: int) -> list[bytes]:
    """The pushes' JSON bodies, ``batch`` events each, encoded before any clock starts."""
    return [
        canonical_json({"protocol": PROTOCOL, "events": events[start : start + batch]}).encode()
        for start in range(0, len(events), batch)
    ]


def _sale_entries(
    bill: str,
    meter: str,
    customer: str,
    net: Decimal,
    tid: int,
    effective_from: datetime,
    rng: random.Random,
) -> list[tuple[str, dict[str, Any]]]:
    charge = Decimal("1.50")
    vat = Decimal("0.11")
    amount = net - charge - vat
    energy = (amount / Decimal("0.12")).quantize(Decimal("0.1"))
    pending = {
        "step": "pending",
        "request_id": str(uuid.UUID(int=rng.getrandbits(128))),
        "medium": "keypad",
        "meter": meter,
        "customer": customer,
        "payment": "CASH",
        "tariff": [SCHEME, effective_from.isoformat()],
        "tendered": net,
        "change": Decimal("0.00"),
        "net_amount": net,
        "amount": amount,
        "amount_rounding": Decimal("0.00"),
        "taxed_charges": charge,
        "untaxed_charges": Decimal("0.00"),
        "vat_rate": Decimal("7.5"),
        "vat": vat,
        "debt_repayment": Decimal("0.00"),
        "debt_after": Decimal("0.00"),
        "preinstalled": Decimal("0.00"),
        "prearrange": Decimal("0.00"),
        "energy_kwh": energy,
        "fbe_kwh": Decimal("0.0"),
        "token_kwh": energy,
        "first_purchase": False,
        "charges": [["SVC", "Monthly service charge", "monthly", charge, True]],
        "tid": tid,
        "module": "08123734",
        "key_ref": "1,02,07,123456,01,1,255,2",
        "request_digest": f"{rng.getrandbits(32):08x}",
        "module_sequence": tid,
        "module_balance": Decimal("100000.0"),
    }
    token = f"{rng.randrange(10**20):020d}"
    return [
        (AuditKind.VEND.value, pending),
        (AuditKind.VEND.value, {"step": "issued", "tid": tid, "token": token, "token_kwh": energy}),
        (AuditKind.VEND.value, {"step": "printed", "print_count": 1}),
    ]
