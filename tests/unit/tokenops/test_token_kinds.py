"""What each kind's token carries, and the lists of meters a batch reads (no store needed)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from starpos.db.enums import TokenOperationKind as Kind
from starpos.operators import permissions
from starpos.tokenops import errors, kinds
from starpos.tokenops.kinds import KeyTarget, NewKey, Order, carried
from starpos.tokenops.targets import MAX_BATCH, MeterList, TypedMeter, meters_from_file


@pytest.mark.parametrize(
    ("order", "module_value", "text", "energy"),
    [
        (Order(Kind.SET_POWER_LIMIT, 5000), 5000, "5000", "0.0"),
        (Order(Kind.SET_POWER_LIMIT, 16384), 16384, "16384", "0.0"),
        (Order(Kind.SET_POWER_LIMIT, 16385), 16394, "16394", "0.0"),  # steps of 10 W
        (Order(Kind.SET_PHASE_UNBALANCE_LIMIT, 0), 0, "0", "0.0"),
        (Order(Kind.CLEAR_CREDIT), 0xFFFF, "65535", "0.0"),
        (Order(Kind.CLEAR_CREDIT, 0), 0, "0", "0.0"),
        (Order(Kind.SET_TARIFF_RATE, 65535), 65535, "65535", "0.0"),
        (Order(Kind.CLEAR_TAMPER), 0, "", "0.0"),
        (Order(Kind.FREE_CREDIT, Decimal("12.5")), 125, "12.5", "12.5"),
        (Order(Kind.FREE_CREDIT, Decimal("1638.5")), 16394, "1639.4", "1639.4"),  # 1 kWh steps
        (Order(Kind.TEST, 7), 7, "7", "0.0"),
    ],
)
def test_what_a_token_carries(order: Order, module_value: int, text: str, energy: str) -> None:
    result = carried(order)
    assert (result.module_value, result.text, result.energy_kwh) == (
        module_value,
        text,
        Decimal(energy),
    )
    if order.kind not in (Kind.TEST,):
        assert kinds.module_value(order.kind, result.text) == module_value


@pytest.mark.parametrize(
    ("order", "error"),
    [
        (Order(Kind.SET_POWER_LIMIT), errors.ValueMissingError),
        (Order(Kind.SET_POWER_LIMIT, kinds.MAX_WATTS + 1), errors.ValueOutOfRangeError),
        (Order(Kind.SET_TARIFF_RATE, 65536), errors.ValueOutOfRangeError),
        (Order(Kind.FREE_CREDIT), errors.ValueMissingError),
        (Order(Kind.FREE_CREDIT, Decimal("0")), errors.ValueOutOfRangeError),
        (Order(Kind.FREE_CREDIT, Decimal("0.05")), errors.ValueOutOfRangeError),
        (Order(Kind.FREE_CREDIT, kinds.MAX_FREE_KWH + 1), errors.ValueOutOfRangeError),
        (Order(Kind.TEST, -1), errors.ValueOutOfRangeError),
    ],
)
def test_a_value_out_of_range_is_refused(order: Order, error: type[Exception]) -> None:
    with pytest.raises(error):
        carried(order)


def test_the_largest_values_fit_the_module_request() -> None:
    assert carried(Order(Kind.SET_POWER_LIMIT, kinds.MAX_WATTS)).module_value <= 0xFFFFFF
    assert carried(Order(Kind.FREE_CREDIT, kinds.MAX_FREE_KWH)).module_value <= 0xFFFFFF


def test_every_kind_has_a_permission_a_label_and_a_module_rule() -> None:
    assert set(kinds.PERMISSION) == set(Kind) == set(kinds.LABELS)
    assert kinds.PERMISSION[Kind.FREE_CREDIT] == permissions.FREE_CREDIT_TOKENS
    assert kinds.PERMISSION[Kind.KEY_CHANGE] == permissions.KEY_CHANGE
    assert not kinds.uses_module(Kind.TEST)
    assert not kinds.carries_tid(Kind.KEY_CHANGE) and kinds.carries_tid(Kind.FREE_CREDIT)


def test_a_new_key_reads_back_from_its_text() -> None:
    key = NewKey(register=3, sgc="123456", ti=1, krn=2, ken=255, key_type=2, base_date=2014)
    assert NewKey.parse(key.text()) == key


@pytest.mark.parametrize(
    "target",
    [KeyTarget(register=100), KeyTarget(krn=0), KeyTarget(sgc="12345"), KeyTarget(base_date=2000)],
)
def test_a_key_target_out_of_range_is_refused(target: KeyTarget) -> None:
    with pytest.raises(errors.ValueOutOfRangeError):
        kinds.check_key_target(target)


def test_a_file_of_meters_plain_or_csv(tmp_path: Path) -> None:
    path = tmp_path / "meters.csv"
    path.write_bytes(
        '\ufeffMeter;Note\n\n# a comment\n01234567897;a\n"0000123456789",b\n  12\t3\n'.encode()
    )
    listed = meters_from_file(path)
    assert listed.meters == (
        TypedMeter("01234567897", "line 4"),
        TypedMeter("0000123456789", "line 5"),
        TypedMeter("12", "line 6"),
    )
    assert listed.source == "file meters.csv"


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(errors.MeterSourceError):
        meters_from_file(tmp_path / "missing.txt")
    (tmp_path / "latin.txt").write_bytes(b"\xe9\xff\n")
    with pytest.raises(errors.MeterSourceError):
        meters_from_file(tmp_path / "latin.txt")


def test_a_batch_has_a_limit() -> None:
    with pytest.raises(errors.BatchTooLargeError):
        MeterList(tuple(TypedMeter(str(n)) for n in range(MAX_BATCH + 1)), "file")
