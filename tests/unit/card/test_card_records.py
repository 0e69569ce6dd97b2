"""The record bodies, checked on bytes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from starpos.devices.card.records import (
    CardKind,
    CreditRecord,
    IdentityRecord,
    RecordFormatError,
    ReturnRecord,
    TamperEvent,
    TamperKind,
)

NOW = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)


def a_return_record(**changes: object) -> ReturnRecord:
    values: dict[str, object] = {
        "last_loaded_sequence": 7,
        "remaining_kwh": Decimal("12.3"),
        "cumulative_kwh": Decimal("4567.8"),
        "monthly_kwh": tuple(Decimal(m) for m in ("101.5", "99.0", "0.0", "0.1", "250.0", "7.7")),
        "relay_open": True,
        "relay_open_count": 3,
        "power_cut_count": 2,
        "last_power_cut": NOW - timedelta(days=3),
        "tamper_count": 5,
        "tamper_events": (
            TamperEvent(TamperKind.MAGNETIC_FIELD, NOW - timedelta(hours=1)),
            TamperEvent(TamperKind.COVER_OPEN, NOW - timedelta(days=10)),
        ),
        "overload_count": 1,
        "warning_level": 2,
        "overdraft_used_kwh": Decimal("2.5"),
        "meter_clock": NOW,
        "firmware": "SUN-2.1",
    }
    values.update(changes)
    return ReturnRecord(**values)  # type: ignore[arg-type]


def test_credit_body_layout() -> None:
    record = CreditRecord(258, Decimal("25.5"), "V-1", NOW)
    body = record.encode()
    assert body[:4] == bytes.fromhex("00000102")  # sequence 258
    assert body[4:8] == (255).to_bytes(4, "big")  # 25.5 kWh = 255 tenths
    assert body[8:32] == b"V-1" + bytes(21)
    assert body[32:] == int(NOW.timestamp()).to_bytes(4, "big")
    assert CreditRecord.decode(body) == record


def test_identity_body_layout() -> None:
    record = IdentityRecord(CardKind.INSTALLER, 9, 123456, "04123456789", 2, NOW, 41)
    body = record.encode()
    assert body[0] == 2
    assert body[5:9] == (123456).to_bytes(4, "big")
    assert body[15:35].rstrip(b"\x00") == b"04123456789"
    assert body[35:] == (41).to_bytes(4, "big")
    assert IdentityRecord.decode(body) == record


def test_return_record_round_trip_keeps_every_field() -> None:
    record = a_return_record()
    body = record.encode()
    assert len(body) == ReturnRecord.SIZE
    assert ReturnRecord.decode(body) == record


def test_return_record_without_events_or_cut() -> None:
    record = a_return_record(tamper_events=(), last_power_cut=None, tamper_count=0)
    assert ReturnRecord.decode(record.encode()) == record


@pytest.mark.parametrize("energy", [Decimal("0.05"), Decimal("-1"), Decimal("429496729.6")])
def test_energy_outside_the_card_resolution_is_refused(energy: Decimal) -> None:
    with pytest.raises(RecordFormatError):
        CreditRecord(1, energy, "V", NOW).encode()


def test_a_float_never_reaches_the_card() -> None:
    with pytest.raises(RecordFormatError):
        CreditRecord(1, 1.5, "V", NOW).encode()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "record",
    [
        IdentityRecord(CardKind.CUSTOMER, 1, 1, "12AB", 1, NOW),
        IdentityRecord(CardKind.CUSTOMER, 1, 1_000_000, "1234", 1, NOW),
        IdentityRecord(CardKind.CUSTOMER, 1, 1, "1234", 0, NOW),
        CreditRecord(0, Decimal("1"), "V", NOW),
        CreditRecord(1, Decimal("1"), "", NOW),
        CreditRecord(1, Decimal("1"), "é", NOW),
        CreditRecord(1, Decimal("1"), "V", NOW.replace(tzinfo=None)),
    ],
)
def test_out_of_range_values_are_refused(record: IdentityRecord | CreditRecord) -> None:
    with pytest.raises(RecordFormatError):
        record.encode()


def test_wrong_size_and_unknown_codes_are_refused() -> None:
    with pytest.raises(RecordFormatError):
        CreditRecord.decode(bytes(35))
    body = bytearray(IdentityRecord(CardKind.TEST, 1, 1, "1", 1, NOW).encode())
    body[0] = 9
    with pytest.raises(RecordFormatError):
        IdentityRecord.decode(bytes(body))


tenths = st.integers(min_value=0, max_value=0xFFFFFFFF).map(lambda t: Decimal(t) / 10)
moments = st.integers(min_value=1, max_value=0xFFFFFFFF).map(
    lambda s: datetime.fromtimestamp(s, UTC)
)


@given(
    sequence=st.integers(1, 0xFFFFFFFF),
    remaining=tenths,
    months=st.lists(tenths, min_size=6, max_size=6),
    events=st.lists(st.builds(TamperEvent, st.sampled_from(list(TamperKind)), moments), max_size=4),
    clock=moments,
    warning=st.sampled_from([0, 1, 2]),
)
def test_any_return_record_survives_the_bytes(
    sequence: int,
    remaining: Decimal,
    months: list[Decimal],
    events: list[TamperEvent],
    clock: datetime,
    warning: int,
) -> None:
    record = a_return_record(
        last_loaded_sequence=sequence,
        remaining_kwh=remaining,
        monthly_kwh=tuple(months),
        tamper_events=tuple(events),
        meter_clock=clock,
        warning_level=warning,
    )
    decoded = ReturnRecord.decode(record.encode())
    assert decoded == record
    assert all(isinstance(m, Decimal) for m in decoded.monthly_kwh)
