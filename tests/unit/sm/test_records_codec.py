"""Protocol 2 on bytes: sign-in frames, identity, counters, credit update records, binding,
audit anchors (docs/sm-protocol.md sections 3 and 10)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from starpos.devices.sm import messages, records, session
from starpos.devices.sm.frames import FrameError, Request
from starpos.devices.sm.records import (
    AuditAnchor,
    CreditUpdateRecord,
    ModuleCounters,
    StoreBinding,
    StoreStanding,
)

HEAD = "ab" * 32


def test_identity_of_protocol_2_says_version_and_mode_and_protocol_1_still_reads() -> None:
    public = "0F" * 32
    identity = messages.ModuleIdentity("10203040", "EMU-2.0", "1A2B3C4D", 3, public, 2, True)
    data = messages.format_identity(identity)
    assert data == f"10203040,EMU-2.0,1A2B3C4D,03,{public},02,T"
    assert messages.parse_identity(data) == identity
    old = messages.parse_identity(f"10203040,EMU-1.0,1A2B3C4D,03,{public}")
    assert (old.protocol, old.training) == (1, False)
    with pytest.raises(FrameError):
        messages.parse_identity(data[:-1] + "X")


def test_sign_in_frames_and_proofs() -> None:
    credential = session.ModuleCredential(bytes(range(32)))
    module_nonce, client_nonce = "A" * 32, "B" * 32
    assert session.parse_challenge(session.format_challenge("10203040", module_nonce)) == (
        "10203040",
        module_nonce,
    )
    proof = credential.proof(session.TERMINAL, "10203040", module_nonce, client_nonce)
    answer = credential.proof(session.MODULE, "10203040", module_nonce, client_nonce)
    assert len(proof) == 64 and proof != answer  # each side proves under its own label
    assert credential.verifies(proof, session.TERMINAL, "10203040", module_nonce, client_nonce)
    assert not credential.verifies(proof, session.TERMINAL, "10203040", "C" * 32, client_nonce)
    other = session.ModuleCredential(bytes(32))
    assert not other.verifies(proof, session.TERMINAL, "10203040", module_nonce, client_nonce)
    params = session.sign_in_params(client_nonce, proof)
    assert Request("SM", "AU", params).encode().startswith(b"SM?AU" + client_nonce.encode())
    assert session.parse_sign_in(params) == (client_nonce, proof)
    assert "secret" not in repr(credential) and bytes(range(32)).hex() not in repr(credential)
    for bad in ("", params[:-1], params.lower()):
        with pytest.raises(FrameError):
            session.parse_sign_in(bad)


def test_an_anchor_rides_at_the_end_of_an_acting_request() -> None:
    anchor = AuditAnchor.of(HEAD.upper(), 1234)
    assert anchor.head_hash == HEAD
    request = records.acting_request("TC", "PARAMS", anchor)
    assert request.params == "PARAMS@" + HEAD.upper() + "000004D2"
    assert records.split_anchor(request.params) == ("PARAMS", anchor)
    assert records.split_anchor("PARAMS") == ("PARAMS", None)
    assert records.acting_request("TC", "PARAMS").digest() == Request("SM", "TC", "PARAMS").digest()
    with pytest.raises(FrameError):
        records.split_anchor("PARAMS@" + HEAD.upper())  # no entry count
    with pytest.raises(ValueError):
        AuditAnchor("xyz", 1)
    with pytest.raises(ValueError):
        AuditAnchor(HEAD, -1)


def test_counters_have_a_fixed_layout_and_say_whether_they_add_up() -> None:
    counters = ModuleCounters(3, 7_245, 9_000, 1_000, 755, 4, 1, 2, 0x5B9D70, 0)
    data = records.format_counters(counters)
    assert data == (
        "00000003" "00001C4D" "000000002328" "0000000003E8" "0000000002F3"
        "00000004" "00000001" "00000002" "5B9D70" "00000000"
    )  # fmt: skip
    assert records.parse_counters(data) == counters
    assert counters.consistent and counters.has_history and counters.token_count == 5
    assert counters.total_issued == Decimal("75.5")
    fresh = records.parse_counters(records.format_counters(ModuleCounters(*[0] * 8, None, 0)))
    assert fresh.last_tid is None and not fresh.has_history
    with pytest.raises(FrameError):
        records.parse_counters(data[:-1])


def test_credit_update_records_name_the_operation_and_the_block() -> None:
    record = CreditUpdateRecord(2, "decrease", 500, 1_500, 1_000, "0123456789ABCDEF")
    data = records.format_credit_update(record)
    assert data == "00000002D000001F4000005DC000003E80123456789ABCDEF"
    assert records.parse_credit_update(data) == record
    assert record.change_tenths == -500
    assert records.credit_update_params(2) == "00000002"
    with pytest.raises(ValueError):
        records.credit_update_params(0)
    with pytest.raises(FrameError):
        records.parse_credit_update(data.replace("D", "X"))


def test_binding_data_and_store_standing() -> None:
    anchor = AuditAnchor(HEAD, 42)
    binding = StoreBinding(1, "store-7f3a:01", 2, 5, 1, 300, 0x00ABCD, anchor)
    data = records.format_binding(binding)
    assert (
        data == f"0001,store-7f3a:01,00000002,00000005,00000001,00000000012C,00ABCD,{anchor.wire()}"
    )
    assert records.parse_binding(data) == binding
    never = StoreBinding(0, "", 0, 0, 0, 0, None, None)
    assert records.format_binding(never) == "0000,,00000000,00000000,00000000,000000000000,,"
    assert records.parse_binding(records.format_binding(never)) == never
    with pytest.raises(FrameError):
        records.parse_binding("0001,,00000000,00000000,00000000,000000000000,,")  # no store id
    with pytest.raises(ValueError):
        records.bind_params("no spaces allowed")
    with pytest.raises(ValueError):
        records.bind_params("x" * 65)

    used = ModuleCounters(1, 10, 10, 0, 0, 0, 0, 0, None, 0)
    fresh = ModuleCounters(*[0] * 8, None, 0)
    assert records.standing_of("store-7f3a:01", binding, used) is StoreStanding.BOUND_HERE
    assert records.standing_of("another", binding, used) is StoreStanding.OTHER_STORE
    assert records.standing_of("another", never, used) is StoreStanding.UNBOUND_WITH_HISTORY
    assert records.standing_of("another", never, fresh) is StoreStanding.FRESH
