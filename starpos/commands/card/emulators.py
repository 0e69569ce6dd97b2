"""``starpos card virtual`` and ``starpos card meter``: the card and meter emulators."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from types import FrameType
from typing import Any

from starpos.commands._output import NumberRule, UsageError, number, show, whole
from starpos.commands.card.common import SGC, UTILITY_ID, return_dict
from starpos.devices.card.keys import load_master_key
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.records import TamperKind, to_seconds
from starpos.devices.card.sun_card import SunCard
from starpos.devices.card.virtual_card import CardState, VirtualCard
from starpos.devices.card.virtual_meter import MeterState, VirtualMeter
from starpos.devices.card.vpcd_link import DEFAULT_PORT, VpcdCardLink

#: A meter's constant load in kW (three decimals: watts), up to a large three-phase supply.
LOAD_KW = NumberRule(decimals=3, minimum=Decimal(0), maximum=Decimal(1000))
#: Simulated time moves at most ten years at once (the meter clock is 32-bit seconds).
DAYS = whole(0, 3_660)
HOURS = whole(0, 87_600)


def register(actions: Any) -> None:
    virtual = actions.add_parser(
        "virtual",
        help="a virtual SUN card in a vpcd reader (SIGUSR1 removes it, SIGUSR2 inserts it)",
    )
    virtual.add_argument("--state", type=Path, required=True, help="card state file (JSON)")
    virtual.add_argument("--port", type=whole(1, 65535), default=DEFAULT_PORT, help="vpcd port")
    virtual.add_argument("--host", default="127.0.0.1")
    virtual.add_argument("--serial", help="16 hex digits for a new card (default: random)")
    virtual.add_argument("--removed", action="store_true", help="start out of the reader")
    virtual.add_argument(
        "--tear-at", type=whole(1, 1_000_000), help="cut the Nth UPDATE BINARY short (fault)"
    )
    virtual.add_argument(
        "--tear-keep", type=whole(0, 255), help="bytes of the torn UPDATE kept (default: half)"
    )
    virtual.set_defaults(handler=_virtual)

    meter = actions.add_parser("meter", help="a virtual SUN meter")
    meter.add_argument("--state", type=Path, required=True, help="meter state file (JSON)")
    meter.add_argument("--json", action="store_true")
    steps = meter.add_subparsers(dest="step", required=True, metavar="STEP")
    init = steps.add_parser("init", help="install a new meter")
    init.add_argument("--meter", required=True, help="meter number")
    init.add_argument("--sgc", type=SGC, required=True)
    init.add_argument("--utility-id", type=UTILITY_ID, default=1)
    init.add_argument("--key-file", type=Path, required=True, help="card master key file")
    init.add_argument("--clock", help="meter clock, ISO 8601 UTC (default: now)")
    insert = steps.add_parser("insert", help="insert the card in READER into the meter")
    insert.add_argument("--reader", help="PC/SC reader holding the card")
    advance = steps.add_parser("advance", help="consume energy over simulated days")
    advance.add_argument("--days", type=DAYS, required=True)
    advance.add_argument(
        "--load", type=number(LOAD_KW), required=True, help="constant load in kW, e.g. 0.8"
    )
    tamper = steps.add_parser("tamper", help="raise a tamper event")
    tamper.add_argument("kind", choices=[k.name.lower().replace("_", "-") for k in TamperKind])
    steps.add_parser("overload", help="raise an overload event")
    cut = steps.add_parser("power-cut", help="a supply outage")
    cut.add_argument("--hours", type=HOURS, default=1)
    steps.add_parser("show", help="print the meter's state and return data")
    meter.set_defaults(handler=_meter)


def _virtual(args: argparse.Namespace) -> int:
    try:
        serial = bytes.fromhex(args.serial) if args.serial else None
    except ValueError:
        serial = b""
    if serial is not None and len(serial) != 8:
        raise UsageError(f"--serial must be 16 hex digits: {args.serial!r}")
    state = CardState.load_or_create(args.state, serial)
    updates = 0

    def before_update(fid: int, offset: int, data: bytes) -> bytes | None:
        nonlocal updates
        updates += 1
        if args.tear_at is not None and updates == args.tear_at:
            keep = len(data) // 2 if args.tear_keep is None else args.tear_keep
            return data[:keep]
        return None

    card = VirtualCard(state, on_change=lambda s: s.save(args.state), before_update=before_update)
    link = VpcdCardLink(card, args.host, args.port)
    if args.removed:
        link.remove()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if signum == signal.SIGUSR1:
            link.remove()
        elif signum == signal.SIGUSR2:
            link.insert()
        else:
            link.stop()

    for signum in (signal.SIGUSR1, signal.SIGUSR2, signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, on_signal)
    print(json.dumps({"serial": state.serial.hex().upper(), "port": args.port}), flush=True)
    worker = threading.Thread(target=link.run, name="vpcd-link", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.2)  # the main thread stays free to run the signal handlers
    return 0


def _meter(args: argparse.Namespace) -> int:
    if args.step == "init":
        key = load_master_key(args.key_file)
        try:
            clock = datetime.fromisoformat(args.clock) if args.clock else datetime.now(UTC)
        except ValueError:
            raise UsageError(f"--clock is not an ISO 8601 time: {args.clock!r}") from None
        if clock.tzinfo is None:
            clock = clock.replace(tzinfo=UTC)
        state = MeterState(args.meter, args.sgc, args.utility_id, key.hex(), to_seconds(clock))
        args.state.parent.mkdir(parents=True, exist_ok=True)
        state.save(args.state)
        return _show(args, VirtualMeter(state), {})
    meter = VirtualMeter(MeterState.load(args.state))
    extra: dict[str, Any] = {}
    if args.step == "insert":
        extra = _insert(args, meter)
    elif args.step == "advance":
        extra = {"consumed_kwh": meter.advance(args.days, args.load)}
    elif args.step == "tamper":
        meter.tamper(TamperKind[args.kind.upper().replace("-", "_")])
    elif args.step == "overload":
        meter.overload()
    elif args.step == "power-cut":
        meter.power_cut(args.hours)
    if args.step != "show":
        meter.state.save(args.state)
    return _show(args, meter, extra)


def _insert(args: argparse.Namespace, meter: VirtualMeter) -> dict[str, Any]:
    service = PcscReaders()
    try:
        with service.connect(args.reader) as connection:
            card = SunCard(connection, bytes.fromhex(meter.state.master_key))
            outcome = meter.load_card(card, commit=lambda: meter.state.save(args.state))
            return {
                "card": card.serial,
                "status": outcome.status,
                "sequence": outcome.sequence,
                "energy_kwh": outcome.energy_kwh,
            }
    finally:
        service.close()


def _show(args: argparse.Namespace, meter: VirtualMeter, extra: dict[str, Any]) -> int:
    s = meter.state
    value = {
        "meter_number": s.meter_number,
        "credit_kwh": meter.return_record().remaining_kwh,
        "last_loaded_sequence": s.last_loaded_sequence,
        "return": return_dict(meter.return_record()),
        **extra,
    }
    show(args, value)
    sys.stdout.flush()
    return 0
