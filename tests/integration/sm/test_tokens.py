"""Tokens made inside the emulated module, over a real pty, decoded by the meter model."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from starpos.devices.sm import kmc
from starpos.devices.sm.errors import (
    SmAmountAboveKeyLimitError,
    SmAmountNotRepresentableError,
    SmConnectionLostError,
    SmError,
    SmInsufficientCreditError,
    SmKeyExpiredError,
    SmKeyMismatchError,
    SmKeyMissingError,
    SmKeyNotActiveError,
    SmKeyNotForCreditError,
    SmTokenNotValidError,
)
from starpos.devices.sm.kmf import VendingKey
from starpos.devices.sm.messages import MeterKeyRef
from starpos.sts.meter_model import MeterModel, MeterResponse
from starpos.sts.meter_number import make_meter_number
from starpos.sts.request import TokenRequest
from starpos.sts.tables import load_sta_tables
from starpos.sts.tid import tid_for
from tests.support.data_files import SAMPLE_TABLES

PAN = make_meter_number("600727", "12", "12345678").pan
SGC = "123456"
CREDIT = kmc.development_key(1, sgc=SGC, krn=1, vending_key_hex="0ABC12DEF3456789")
KEY_CHANGE_ONLY = kmc.development_key(2, sgc=SGC, krn=2, usage="key-change-only")
NEW_KEY = kmc.development_key(3, sgc=SGC, krn=2)
MISTY_KEY = kmc.development_key(4, sgc="654321", krn=1, dkga=4, ea=11)
MISTY_NEW = kmc.development_key(5, sgc="654321", krn=2, dkga=4, ea=11)
LIMITED = kmc.development_key(6, sgc="222222", credit_limit_tenths=100)
NOT_YET = kmc.development_key(7, sgc="333333", activation=date.today() + timedelta(days=2))


def meter_for(key: VendingKey, tables: Any, ti: int = 1) -> MeterModel:
    """A keypad meter holding the decoder key that ``key`` derives for ``PAN``."""
    info = key.info
    request = TokenRequest.from_mapping(
        {
            "dkga": f"{info.dkga:02d}",
            "ea": f"{info.ea:02d}",
            "vending_key_hex": key.key.hex(),
            "key_type": info.key_type,
            "sgc": info.sgc,
            "ti": ti,
            "krn": info.krn,
            "ken": info.ken,
            "base_date": info.base_date,
            "pan": PAN,
            "token_class": 0,
            "token_subclass": 0,
        }
    )
    return MeterModel(request.decoder_key(), f"{info.ea:02d}", tables, ken=info.ken)


def ref(key: VendingKey, ti: int = 1) -> MeterKeyRef:
    info = key.info
    return MeterKeyRef(PAN, info.register, info.sgc, ti, info.krn, info.ken)


def now_tid(minutes_later: int = 0) -> int:
    return int(tid_for(datetime.now(), 2014)) + minutes_later


@pytest.fixture
def tables() -> Any:
    return load_sta_tables(SAMPLE_TABLES)


@pytest.fixture
def provisioned(emulator: Any) -> Any:
    with emulator.module() as module:
        keys = [CREDIT, KEY_CHANGE_ONLY, NEW_KEY, MISTY_KEY, MISTY_NEW, LIMITED, NOT_YET]
        kmc.provision(module, keys, 1000, emulator.kmc_dir)
    return emulator


def test_a_credit_token_decodes_on_the_meter_and_costs_exactly_its_amount(
    provisioned: Any, tables: Any
) -> None:
    meter = meter_for(CREDIT, tables)
    with provisioned.module() as module:
        before = module.balance().balance
        token = module.issue_credit_token(ref(CREDIT), 0, now_tid(), 255)
        after = module.balance().balance
        checked = module.verify_token(token.token, ref(CREDIT))
    assert before - after == Decimal("25.5")
    assert int(token.token66_hex, 16) == int(token.token)
    result = meter.enter(token.token)
    assert result.response is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("25.5")
    assert (checked.token_class, checked.token_subclass, checked.amount) == (0, 0, Decimal("25.5"))


def test_the_balance_runs_down_to_a_refusal(provisioned: Any, tables: Any) -> None:
    meter = meter_for(CREDIT, tables)
    with provisioned.module() as module:
        module.issue_credit_token(ref(CREDIT), 0, now_tid(1), 600)
        token = module.issue_credit_token(ref(CREDIT), 0, now_tid(2), 400)
        assert module.balance().balance == Decimal("0.0")
        with pytest.raises(SmInsufficientCreditError):
            module.issue_credit_token(ref(CREDIT), 0, now_tid(3), 1)
        assert module.balance().balance == Decimal("0.0")
    assert meter.enter(token.token).response is MeterResponse.ACCEPTED


def test_management_tokens_use_no_credit_and_decode(provisioned: Any, tables: Any) -> None:
    meter = meter_for(CREDIT, tables)
    with provisioned.module() as module:
        token = module.issue_management_token(ref(CREDIT), 0, now_tid(), 5000)
        assert module.balance().balance == Decimal("100.0")
        checked = module.verify_token(token.token, ref(CREDIT))
    assert (checked.token_class, checked.token_subclass, checked.value) == (2, 0, 5000)
    assert meter.enter(token.token).response is MeterResponse.ACCEPTED
    assert meter.state.max_power_limit_w == 5000


def test_key_change_tokens_move_the_meter_to_the_new_key(provisioned: Any, tables: Any) -> None:
    meter = meter_for(CREDIT, tables)
    with provisioned.module() as module:
        tokens = module.issue_key_change_tokens(ref(CREDIT), MeterKeyRef(PAN, 3, SGC, 1, 2, 255))
        assert len(tokens) == 2
        results = [meter.enter(t.token).response for t in tokens]
        assert results[-1] is MeterResponse.KEY_CHANGED
        credit = module.issue_credit_token(ref(NEW_KEY), 0, now_tid(), 100)
    assert meter.enter(credit.token).response is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("10.0")


def test_a_misty1_key_issues_tokens_its_meter_accepts(provisioned: Any, tables: Any) -> None:
    meter = meter_for(MISTY_KEY, tables)
    with provisioned.module() as module:
        token = module.issue_credit_token(ref(MISTY_KEY), 0, now_tid(), 123)
    assert meter.enter(token.token).response is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("12.3")


def test_the_module_refuses_what_it_must(provisioned: Any) -> None:
    with provisioned.module() as module:
        with pytest.raises(SmKeyMissingError):
            module.issue_credit_token(MeterKeyRef(PAN, 9, SGC, 1, 1, 255), 0, now_tid(), 10)
        with pytest.raises(SmKeyMismatchError):
            module.issue_credit_token(MeterKeyRef(PAN, 1, "999999", 1, 1, 255), 0, now_tid(), 10)
        with pytest.raises(SmKeyNotForCreditError):
            module.issue_credit_token(ref(KEY_CHANGE_ONLY), 0, now_tid(), 10)
        with pytest.raises(SmKeyExpiredError):
            module.issue_credit_token(ref(CREDIT), 0, 255 * 65535 + 1, 10)
        with pytest.raises(SmAmountNotRepresentableError) as caught:
            module.issue_credit_token(ref(CREDIT), 0, now_tid(), 16385)
        assert caught.value.params["carried"] == Decimal("1639.4")
        with pytest.raises(SmAmountAboveKeyLimitError):
            module.issue_credit_token(ref(LIMITED), 0, now_tid(), 101)
        with pytest.raises(SmKeyNotActiveError):
            module.issue_credit_token(ref(NOT_YET), 0, now_tid(), 10)
        assert module.balance().balance == Decimal("100.0")
        other_meter_token = module.issue_credit_token(ref(LIMITED), 0, now_tid(), 10)
        with pytest.raises(SmTokenNotValidError):
            module.verify_token(other_meter_token.token, ref(CREDIT))


def test_a_128_bit_key_change_is_four_tokens_the_meter_accepts(
    provisioned: Any, tables: Any
) -> None:
    meter = meter_for(MISTY_KEY, tables)
    with provisioned.module() as module:
        tokens = module.issue_key_change_tokens(
            ref(MISTY_KEY), MeterKeyRef(PAN, 5, "654321", 1, 2, 255)
        )
        assert len(tokens) == 4
        assert [meter.enter(t.token).response for t in tokens][-1] is MeterResponse.KEY_CHANGED
        credit = module.issue_credit_token(ref(MISTY_NEW), 0, now_tid(), 70)
    assert meter.enter(credit.token).response is MeterResponse.ACCEPTED
    assert meter.credit == Decimal("7.0")


@pytest.mark.slow
def test_a_token_whose_answer_was_lost_is_recovered_after_a_restart(
    emulator_factory: Any, tables: Any
) -> None:
    emulator = emulator_factory("--pty", "--delay-ms", "1500")
    with emulator.module(timeout_s=5.0) as module:
        kmc.provision(module, [CREDIT], 1000, emulator.kmc_dir)
    outcome: dict[str, Any] = {}
    tid = now_tid()

    def vend() -> None:
        try:
            with emulator.module(timeout_s=5.0) as module:
                outcome["token"] = module.issue_credit_token(ref(CREDIT), 0, tid, 200)
        except SmError as error:
            outcome["error"] = error

    worker = threading.Thread(target=vend)
    worker.start()
    issued = emulator.wait_for_event("credit_token")  # committed; the answer is still delayed
    emulator.kill()
    worker.join(timeout=15)
    assert isinstance(outcome.get("error"), SmConnectionLostError)

    emulator.start("--pty")
    with emulator.module() as module:
        assert module.balance().balance == Decimal("80.0")  # queries do not replace the answer
        last = module.resend_last()
        assert last.issued_token is not None
        checked = module.verify_token(last.issued_token.token, ref(CREDIT))
    assert last.issued_token.token == issued["token"]
    assert (checked.tid, checked.amount) == (tid, Decimal("20.0"))
    assert meter_for(CREDIT, tables).enter(last.issued_token.token).response is (
        MeterResponse.ACCEPTED
    )


def test_fixed_random_gives_reproducible_tokens(emulator_factory: Any) -> None:
    tokens = []
    for name in ("one", "two"):
        emulator = emulator_factory("--pty", "--fixed-random", "7", name=name)
        with emulator.module() as module:
            kmc.provision(module, [CREDIT], 100, emulator.kmc_dir)
            tokens.append(module.issue_credit_token(ref(CREDIT), 0, 1234567, 50).token)
    assert tokens[0] == tokens[1]


@pytest.mark.slow
def test_tokens_through_a_bad_line_are_each_issued_and_paid_once(
    emulator_factory: Any, tables: Any
) -> None:
    emulator = emulator_factory("--pty", "--drop-every", "3", "--corrupt-crc-every", "4")
    meter = meter_for(CREDIT, tables)
    with emulator.module(timeout_s=0.5, max_tries=4) as module:
        kmc.provision(module, [CREDIT], 1000, emulator.kmc_dir)
        tokens = [module.issue_credit_token(ref(CREDIT), 0, now_tid(i), 15) for i in range(6)]
        balance = module.balance().balance
    assert balance == Decimal("100.0") - 6 * Decimal("1.5")
    assert sum(e["event"] == "credit_token" for e in emulator.events()) == 6
    assert all(meter.enter(t.token).response is MeterResponse.ACCEPTED for t in tokens)
    assert meter.credit == Decimal("9.0")
