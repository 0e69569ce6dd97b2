"""The driver against the emulator process over a real pty: identity, keys, credit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from starpos.devices.sm import kmc
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.errors import (
    SmCreditOverflowError,
    SmInsufficientCreditError,
    SmInvalidModuleIdError,
    SmKeyExpiredError,
    SmNotConnectedError,
    SmSignatureError,
    SmUpdateSequenceError,
)


def test_identification_names_the_module_and_its_identity_key(emulator: Any) -> None:
    assert emulator.url.startswith("/dev/pts/")
    with SecureModule(emulator.url) as module:
        identity = module.identify()
        assert module.echo("HELLO 123") == "HELLO 123"
    assert identity.module_id == "10203040"
    assert identity.key_count == 0 and identity.key_check == "00000000"
    assert len(identity.public_key_hex) == 64


def test_the_emulator_survives_the_client_closing_and_reopening(emulator: Any) -> None:
    for _ in range(3):
        with SecureModule(emulator.url) as module:
            assert module.balance().sequence == 0


def test_the_port_is_locked_for_a_second_program(emulator: Any) -> None:
    with SecureModule(emulator.url) as module:
        module.identify()
        with pytest.raises(SmNotConnectedError) as caught:
            SecureModule(emulator.url).open()
    assert "lock" in caught.value.params["native"]


def test_a_kmf_for_this_module_loads_and_changes_the_key_check(
    emulator: Any,
) -> None:
    with emulator.module() as module:
        identity = module.identify()
        keys = [kmc.development_key(1), kmc.development_key(2, usage="key-change-only", krn=2)]
        kmf = kmc.make_kmf(identity.module_id, identity.public_key_hex, keys, emulator.kmc_dir)
        loaded, key_check = module.load_kmf(kmf)
        after = module.identify()
    assert loaded == 2
    assert after.key_count == 2 and after.key_check == key_check != "00000000"
    log = (emulator.state_dir / "events.log").read_text() + (
        emulator.state_dir / "module.journal"
    ).read_text()
    for key in keys:
        assert key.key.hex() not in log.lower()  # never in clear on disk


def test_kmf_files_for_another_module_forged_or_expired_are_refused(
    emulator: Any, tmp_path: Any
) -> None:
    from datetime import date, timedelta

    with emulator.module() as module:
        identity = module.identify()
        other = kmc.make_kmf(
            "99999999", identity.public_key_hex, [kmc.development_key(1)], emulator.kmc_dir
        )
        with pytest.raises(SmInvalidModuleIdError):
            module.load_kmf(other)
        forged = kmc.make_kmf(
            identity.module_id,
            identity.public_key_hex,
            [kmc.development_key(1)],
            tmp_path / "rogue-kmc",
        )
        with pytest.raises(SmSignatureError):
            module.load_kmf(forged)
        yesterday = date.today() - timedelta(days=1)
        expired_key = kmc.development_key(
            1, activation=yesterday - timedelta(days=10), issued_until=yesterday
        )
        expired = kmc.make_kmf(
            identity.module_id, identity.public_key_hex, [expired_key], emulator.kmc_dir
        )
        with pytest.raises(SmKeyExpiredError):
            module.load_kmf(expired)
        assert module.identify().key_count == 0


def test_credit_updates_apply_once_in_sequence(emulator: Any, tmp_path: Any) -> None:
    module_id = "10203040"

    def block(sequence: int, operation: str, tenths: int, folder: Any = None) -> bytes:
        return kmc.make_credit_block(
            module_id, sequence, operation, tenths, folder or emulator.kmc_dir
        )

    with emulator.module() as module:
        first = block(1, "replace", 1_000_000)
        assert module.credit_update(first).balance == Decimal("100000.0")
        with pytest.raises(SmUpdateSequenceError):
            module.credit_update(first)  # replayed
        with pytest.raises(SmSignatureError):
            module.credit_update(block(2, "add", 10, tmp_path / "rogue-kmc"))  # forged
        with pytest.raises(SmCreditOverflowError):
            module.credit_update(block(2, "add", 17_000_001))
        with pytest.raises(SmInsufficientCreditError):
            module.credit_update(block(2, "decrease", 1_000_001))
        assert module.credit_update(block(2, "add", 5)).balance == Decimal("100000.5")
        assert module.credit_update(block(3, "decrease", 500_000)).balance == Decimal("50000.5")
        status = module.balance()
    assert (status.sequence, status.balance) == (3, Decimal("50000.5"))


def test_state_survives_a_restart(emulator: Any) -> None:
    with emulator.module() as module:
        module.credit_update(kmc.make_credit_block("10203040", 1, "add", 1234, emulator.kmc_dir))
    emulator.stop()
    emulator.start()
    with emulator.module() as module:
        status = module.balance()
        last = module.resend_last()
    assert (status.sequence, status.balance) == (1, Decimal("123.4"))
    assert last.command == "SM!TU" and last.code == 0


def test_the_same_module_over_tcp(emulator_factory: Any) -> None:
    emulator = emulator_factory("--listen", "127.0.0.1:0", name="tcp")
    assert emulator.url.startswith("socket://127.0.0.1:")
    for _ in range(2):  # close and reconnect
        with SecureModule(emulator.url) as module:
            assert module.identify().module_id == "10203040"


def test_device_io_refuses_to_run_off_its_worker_thread(emulator: Any) -> None:
    from starpos.devices.sm.frames import Request

    with SecureModule(emulator.url) as module:
        with pytest.raises(RuntimeError, match="worker thread"):
            module._exchange(Request("SM", "TS"), False)
        assert module.balance().sequence == 0
