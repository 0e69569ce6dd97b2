"""The key registry on the wire (``SM?KI``) and what the manager makes of it: expiry by
issued-until or by KEN, warnings ahead of it, and the CP210x bridge named by its USB ids."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from starpos.devices.discovery.serial_ports import SerialPort
from starpos.devices.sm.frames import FrameError
from starpos.devices.sm.key_registry import KeyRegistry, format_registry, parse_registry
from starpos.devices.sm.kmf import KeyInfo
from starpos.module_admin.key_standing import Standing, key_standings, tid_expiry, warnings

KMC = "AB" * 32


def _key(register: int = 1, **changes: object) -> KeyInfo:
    fields: dict[str, object] = {
        "register": register,
        "sgc": "123456",
        "krn": 1,
        "key_type": 2,
        "ken": 255,
        "dkga": 2,
        "ea": 7,
        "base_date": 2014,
        "usage": "credit",
        "activation": date(2026, 1, 1),
        "issued_until": date(2027, 6, 30),
        "credit_limit_tenths": 18_000_000,
    }
    fields.update(changes)
    return KeyInfo(**fields)  # type: ignore[arg-type]


def test_the_registry_round_trips_without_key_bytes() -> None:
    registry = KeyRegistry(KMC, (_key(1), _key(7, usage="key-change-only", ea=11, dkga=4)))
    wire = format_registry(registry)
    assert wire.startswith(KMC + ";01,123456,1,2,FF,02,07,2014,C,20260101,20270630,")
    assert parse_registry(wire) == registry
    assert parse_registry(KMC) == KeyRegistry(KMC, ())


@pytest.mark.parametrize(
    "wire",
    ["XYZ", KMC + ";01,123456", KMC + ";01,123456,1,2,FF,02,07,2015,C,20260101,20270630,00000001"],
)
def test_a_malformed_registry_is_refused(wire: str) -> None:
    with pytest.raises(FrameError):
        parse_registry(wire)


def test_expiry_is_the_earlier_of_issued_until_and_the_ken_limit() -> None:
    # KEN 2 on base date 2014: 2 x 65535 minutes = 91 days and 30 minutes.
    assert tid_expiry(_key(ken=2)) == datetime(2014, 4, 2, 0, 30)
    early = key_standings(KeyRegistry(KMC, (_key(ken=2),)), date(2026, 6, 1), 30)[0]
    assert early.expires_on == tid_expiry(_key(ken=2)).date()
    assert early.standing is Standing.EXPIRED


def test_warnings_ahead_of_expiry() -> None:
    registry = KeyRegistry(
        KMC,
        (_key(1), _key(2, issued_until=date(2026, 7, 10)), _key(3, issued_until=date(2026, 5, 1))),
    )
    today = date(2026, 6, 20)
    standings = key_standings(registry, today, warn_days=30)
    assert [s.standing for s in standings] == [Standing.GOOD, Standing.DUE, Standing.EXPIRED]
    assert [s.info.register for s in warnings(standings)] == [3, 2]  # soonest first
    assert standings[1].days_left == 20
    assert key_standings(registry, date(2025, 12, 31), 30)[0].standing is Standing.NOT_YET


def test_the_cp210x_bridge_is_named_by_its_usb_ids() -> None:
    port = SerialPort(
        "/dev/ttyUSB0", "CP2102 USB to UART Bridge Controller", vid=0x10C4, pid=0xEA60
    )
    assert port.bridge == "Silicon Labs CP210x USB to UART Bridge"
    assert port.label == "/dev/ttyUSB0 - Silicon Labs CP210x USB to UART Bridge (10c4:ea60)"
    other = SerialPort("/dev/ttyACM0", "USB Serial", vid=0x2341, pid=0x0043)
    assert other.bridge is None and other.label == "/dev/ttyACM0 - USB Serial (2341:0043)"
    assert SerialPort("/dev/ttyS0", "n/a").label == "/dev/ttyS0"
