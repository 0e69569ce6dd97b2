"""What the emulated module remembers for the store, on bytes: counters that never decrease,
every credit update, the store it is bound to, and the audit head that store anchored."""

from __future__ import annotations

from pathlib import Path

from starpos.devices.sm import kmc, messages, records
from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.emulator.state import STATE_FILE, ModuleState
from starpos.devices.sm.frames import Request, Response, parse_response
from starpos.devices.sm.messages import MeterKeyRef
from starpos.devices.sm.records import AuditAnchor, acting_request
from tests.unit.sm.sign_in import sign_in

KEY = MeterKeyRef("600727121234567876", 1, "123456", 1, 1, 255)
TID = 6_000_000
HEAD_A, HEAD_B = "aa" * 32, "bb" * 32


def ask(module: EmulatedModule, request: Request) -> Response:
    return parse_response(module.handle(request.encode()))


def credit(
    module: EmulatedModule, kmc_dir: Path, sequence: int, operation: str, tenths: int
) -> str:
    block = kmc.make_credit_block("10203040", sequence, operation, tenths, kmc_dir)
    answer = ask(module, Request("SM", "TU", block.hex().upper()))
    assert answer.ok, answer
    return block.hex().upper()


def token(
    module: EmulatedModule, tid: int, tenths: int, anchor: AuditAnchor | None = None
) -> Response:
    params = messages.credit_token_params(KEY, 0, tid, tenths)
    return ask(module, acting_request("TC", params, anchor))


def counters(module: EmulatedModule) -> records.ModuleCounters:
    return records.parse_counters(ask(module, Request("SM", "CI")).data)


def binding(module: EmulatedModule) -> records.StoreBinding:
    return records.parse_binding(ask(module, Request("SM", "SR")).data)


def load_key(module: EmulatedModule, kmc_dir: Path) -> None:
    identity = messages.parse_identity(ask(module, Request("SM", "ID")).data)
    kmf = kmc.make_kmf(
        identity.module_id, identity.public_key_hex, [kmc.development_key(1)], kmc_dir
    )
    assert ask(module, Request("SM", "KL", kmf.hex().upper())).ok


def test_counters_add_up_over_every_kind_of_credit_update_and_token(
    emulated: EmulatedModule, kmc_dir: Path
) -> None:
    load_key(emulated, kmc_dir)
    assert counters(emulated) == records.ModuleCounters(0, 0, 0, 0, 0, 0, 0, 0, None, 0)
    credit(emulated, kmc_dir, 1, "add", 1000)
    assert token(emulated, TID, 250).ok
    credit(emulated, kmc_dir, 2, "decrease", 100)
    credit(emulated, kmc_dir, 3, "replace", 400)  # 650 -> 400: a fall of 250
    credit(emulated, kmc_dir, 4, "replace", 900)  # a rise of 500
    assert token(emulated, TID + 1, 100).ok
    management = messages.management_token_params(KEY, 5, TID + 2, 0)
    assert ask(emulated, Request("SM", "TM", management)).ok
    assert ask(emulated, Request("SM", "TK", messages.key_change_params(KEY, KEY, False))).ok
    assert token(emulated, TID + 3, 5000).code == 31  # a refusal counts nothing
    now = counters(emulated)
    assert now == records.ModuleCounters(4, 800, 1500, 350, 350, 2, 1, 1, TID + 2, 0)
    assert now.consistent


def test_every_credit_update_is_on_record_with_the_block_that_made_it(
    emulated: EmulatedModule, kmc_dir: Path
) -> None:
    import hashlib

    sent = credit(emulated, kmc_dir, 1, "add", 1000)
    credit(emulated, kmc_dir, 2, "decrease", 300)
    first = records.parse_credit_update(ask(emulated, Request("SM", "CU", "00000001")).data)
    second = records.parse_credit_update(ask(emulated, Request("SM", "CU", "00000002")).data)
    assert (first.operation, first.amount_tenths, first.balance_after_tenths) == ("add", 1000, 1000)
    assert first.block_digest == hashlib.sha256(bytes.fromhex(sent)).hexdigest()[:16].upper()
    assert (second.operation, second.change_tenths) == ("decrease", -300)
    assert ask(emulated, Request("SM", "CU", "00000003")).code == 54
    assert ask(emulated, Request("SM", "CU", "3")).code == 2


def test_binding_remembers_the_store_and_what_was_done_since(
    emulated: EmulatedModule, kmc_dir: Path
) -> None:
    load_key(emulated, kmc_dir)
    credit(emulated, kmc_dir, 1, "add", 1000)
    assert token(emulated, TID, 100).ok  # before any store
    assert binding(emulated) == records.StoreBinding(0, "", 0, 1, 0, 100, TID, None)
    bound = records.parse_binding(ask(emulated, Request("SM", "SB", "store-one")).data)
    assert (bound.number, bound.store_id, bound.credit_tokens, bound.last_tid) == (
        1, "store-one", 0, None,
    )  # fmt: skip
    assert token(emulated, TID + 1, 200, AuditAnchor(HEAD_A, 10)).ok
    now = binding(emulated)
    assert (now.credit_tokens, now.issued_tenths, now.last_tid) == (1, 200, TID + 1)
    assert now.anchor == AuditAnchor(HEAD_A, 10)
    rebound = records.parse_binding(
        ask(emulated, acting_request("SB", "store-two", AuditAnchor(HEAD_B, 3))).data
    )
    assert (rebound.number, rebound.store_id, rebound.credit_tokens) == (2, "store-two", 0)
    assert rebound.anchor == AuditAnchor(HEAD_B, 3)  # a new binding starts from its own head
    assert emulated.state.history("bindings")[0]["store_id"] == "store-one"
    assert ask(emulated, Request("SM", "SB", "not a store id")).code == 2


def test_an_audit_head_behind_the_anchored_one_is_refused_and_not_recorded(
    emulated: EmulatedModule, kmc_dir: Path
) -> None:
    load_key(emulated, kmc_dir)
    credit(emulated, kmc_dir, 1, "add", 1000)
    ask(emulated, Request("SM", "SB", "store-one"))
    assert token(emulated, TID, 100, AuditAnchor(HEAD_A, 10)).ok
    for forged in (AuditAnchor(HEAD_A, 9), AuditAnchor(HEAD_B, 10)):  # cut, or rewritten
        refused = token(emulated, TID + 1, 100, forged)
        assert (refused.code, refused.data) == (55, AuditAnchor(HEAD_A, 10).wire())
    assert counters(emulated).credit_tokens == 1  # no token for a store that disagrees
    assert binding(emulated).anchor == AuditAnchor(HEAD_A, 10)  # the evidence stays
    assert token(emulated, TID + 1, 100, AuditAnchor(HEAD_A, 10)).ok  # same head: fine
    # A refusal for another reason still records the store's (valid) head.
    assert token(emulated, TID + 2, 10_000, AuditAnchor(HEAD_B, 12)).code == 31
    assert binding(emulated).anchor == AuditAnchor(HEAD_B, 12)
    assert ask(emulated, Request("SM", "TC", "X@" + "0" * 10)).code == 2  # a malformed anchor


def test_records_survive_a_restart_and_a_token_adds_one_small_line(
    emulated: EmulatedModule, kmc_dir: Path, credential: object
) -> None:
    load_key(emulated, kmc_dir)
    for sequence in range(1, 6):
        credit(emulated, kmc_dir, sequence, "add", 100)
    ask(emulated, Request("SM", "SB", "store-one"))
    ask(emulated, Request("SM", "SB", "store-two"))
    journal = emulated.state.folder / STATE_FILE
    size = journal.stat().st_size
    assert token(emulated, TID, 100).ok
    line = journal.read_bytes()[size:]
    assert line.count(b"\n") == 1 and b"credit_updates" not in line  # no history in it
    before = (counters(emulated), binding(emulated))
    emulated.state.close()

    reopened = ModuleState.open(emulated.state.folder, kmc_public_key_hex=None)
    module = EmulatedModule(reopened, emulated.tokens)
    assert (counters(module), binding(module)) == before
    assert [e["sequence"] for e in reopened.history("credit_updates")] == [1, 2, 3, 4, 5]
    assert [b["store_id"] for b in reopened.history("bindings")] == ["store-one"]
    assert journal.read_text().count("\n") == 1  # rewritten as one line at start
    sign_in(module, credential, module.port_session)  # type: ignore[arg-type]
    assert token(module, TID + 1, 100).ok
