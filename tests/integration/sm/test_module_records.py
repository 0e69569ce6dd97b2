"""The driver reads what the module remembers for the store, over a real pty and TCP:
counters for its whole life, every credit update, its store binding and audit anchor."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from starpos.devices.sm import kmc
from starpos.devices.sm.errors import (
    SmAuditHeadBehindError,
    SmNoRecordError,
    SmNotTrainingModuleError,
    SmRequestError,
)
from starpos.devices.sm.messages import MeterKeyRef
from starpos.devices.sm.records import AuditAnchor, StoreStanding

KEY = MeterKeyRef("600727121234567876", 1, "123456", 1, 1, 255)
TID = 6_000_000
STORE = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"


def block(emulator: Any, sequence: int, operation: str, tenths: int) -> bytes:
    return kmc.make_credit_block("10203040", sequence, operation, tenths, emulator.kmc_dir)


def test_counters_and_credit_updates_cover_the_modules_whole_life(emulator: Any) -> None:
    with emulator.module() as module:
        kmc.provision(module, [kmc.development_key(1)], 1000, emulator.kmc_dir)
        module.issue_credit_token(KEY, 0, TID, 250)
        module.credit_update(block(emulator, 2, "replace", 500))  # 75.0 -> 50.0 kWh
        module.issue_credit_token(KEY, 0, TID + 1, 100)
        module.issue_management_token(KEY, 5, TID + 2, 0)
        counters = module.counters()
        updates = module.credit_updates()
        with pytest.raises(SmNoRecordError):
            module.credit_update_record(3)
    assert (counters.total_credited, counters.total_debited) == (Decimal("100.0"), Decimal("25.0"))
    assert (counters.total_issued, counters.balance) == (Decimal("35.0"), Decimal("40.0"))
    assert (counters.credit_tokens, counters.management_tokens, counters.last_tid) == (
        2, 1, TID + 2,
    )  # fmt: skip
    assert counters.consistent
    assert [(u.sequence, u.operation, u.change_tenths) for u in updates] == [
        (1, "add", 1000),
        (2, "replace", -250),
    ]

    emulator.stop()  # counters survive a restart (the journal)
    emulator.start()
    with emulator.module() as module:
        assert module.counters() == counters
        assert module.credit_updates() == updates


@pytest.mark.parametrize("options", [("--pty",), ("--listen", "127.0.0.1:0")])
def test_a_store_binds_the_module_and_anchors_its_audit_head(
    emulator_factory: Any, options: tuple[str, ...]
) -> None:
    emulator = emulator_factory(*options)
    head = AuditAnchor.of("C0FFEE" + "0" * 58, 7)
    with emulator.module() as module:
        assert module.store_check(STORE).standing is StoreStanding.FRESH
        kmc.provision(module, [kmc.development_key(1)], 1000, emulator.kmc_dir)
        check = module.store_check(STORE)
        assert check.standing is StoreStanding.UNBOUND_WITH_HISTORY and not check.may_sell

        bound = module.bind_store(STORE, head)
        assert (bound.number, bound.store_id, bound.anchor) == (1, STORE, head)
        assert module.store_check(STORE).may_sell
        assert module.store_check("some-other-store").standing is StoreStanding.OTHER_STORE

        later = AuditAnchor.of("AB" * 32, 9)
        module.issue_credit_token(KEY, 0, TID, 100, anchor=later)
        assert module.audit_anchor() == later
        binding = module.binding()
        assert (binding.credit_tokens, binding.issued, binding.last_tid) == (
            1,
            Decimal("10.0"),
            TID,
        )

        with pytest.raises(SmAuditHeadBehindError) as caught:
            module.issue_credit_token(KEY, 0, TID + 1, 100, anchor=head)  # a cut history
        assert caught.value.params["anchored_count"] == 9
        assert "entry 9" in caught.value.message
        assert module.counters().credit_tokens == 1 and module.audit_anchor() == later

        rebound = module.bind_store(STORE, head)  # a recorded re-bind after a restore
        assert (rebound.number, rebound.anchor, rebound.credit_tokens) == (2, head, 0)
        with pytest.raises(SmRequestError):
            module.bind_store("not a store id")
    events = [e for e in emulator.events() if e["event"] == "store_bound"]
    assert [(e["store_id"], e["previous_store_id"]) for e in events] == [
        (STORE, ""),
        (STORE, STORE),
    ]


def test_a_module_says_whether_it_is_in_training_mode(emulator_factory: Any) -> None:
    production = emulator_factory()
    with production.module() as module:
        assert module.identify().training is False
        assert module.identify().protocol == 2
        with pytest.raises(SmNotTrainingModuleError) as caught:
            module.require_training()
        assert "10203040 is a production module" in caught.value.message
    training = emulator_factory("--pty", "--training", name="training")
    with training.module() as module:
        assert module.identify().training is True
        assert module.require_training().module_id == "10203040"
    training.stop()
    training.start("--pty")  # a training module stays one
    with training.module() as module:
        assert module.identify().training is True
