"""The emulated module on bytes: resend semantics, unknown commands, its durable journal."""

from __future__ import annotations

from pathlib import Path

from starpos.devices.sm import kmc, messages
from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.emulator.state import STATE_FILE, ModuleState
from starpos.devices.sm.exchange import last_response_from
from starpos.devices.sm.frames import Request, Response, parse_response


def ask(module: EmulatedModule, request: Request) -> Response:
    return parse_response(module.handle(request.encode()))


def test_resend_before_anything_acted_says_so(emulated: EmulatedModule) -> None:
    assert ask(emulated, Request("GL", "RR")).code == 48


def test_unknown_commands_and_stray_parameters(emulated: EmulatedModule) -> None:
    assert ask(emulated, Request("SM", "ZZ")).code == 51
    assert ask(emulated, Request("SM", "TS", "X")).code == 2
    assert ask(emulated, Request("SM", "TC", "1234")).code == 2


def test_resend_returns_the_last_acting_answer_not_the_last_query(
    emulated: EmulatedModule, kmc_dir: Path
) -> None:
    block = kmc.make_credit_block("10203040", 1, "add", 50, kmc_dir)
    update = Request("SM", "TU", block.hex().upper())
    answer = ask(emulated, update)
    ask(emulated, Request("SM", "TS"))  # a query in between
    last = last_response_from(ask(emulated, Request("GL", "RR")).data)
    assert (last.command, last.code, last.request_digest) == ("SM!TU", 0, update.digest())
    assert last.data == answer.data
    replay = ask(emulated, update)
    assert replay.code == 34  # a refusal is an answer too: it replaces the stored one
    assert last_response_from(ask(emulated, Request("GL", "RR")).data).code == 34


def test_state_survives_reopening_and_a_torn_journal_tail(
    emulated: EmulatedModule, kmc_dir: Path
) -> None:
    folder = emulated.state.folder
    ask(
        emulated,
        Request("SM", "TU", kmc.make_credit_block("10203040", 1, "add", 77, kmc_dir).hex().upper()),
    )
    emulated.state.close()
    with (folder / STATE_FILE).open("a", encoding="utf-8") as journal:
        journal.write('{"format": "starpos-sm-state/1", "balance_te')  # power lost mid-write
    reopened = ModuleState.open(folder, kmc_public_key_hex=None)
    assert (reopened.sequence, reopened.balance_tenths) == (1, 77)
    assert (folder / STATE_FILE).read_text().count("\n") == 1  # compacted at start
    status = messages.parse_balance(
        ask(EmulatedModule(reopened, emulated.tokens), Request("SM", "TS")).data
    )
    assert status.sequence == 1


def test_keys_never_appear_in_clear_in_the_state_folder(
    emulated: EmulatedModule, kmc_dir: Path
) -> None:
    identity = messages.parse_identity(ask(emulated, Request("SM", "ID")).data)
    key = kmc.development_key(1, vending_key_hex="0123456789ABCDEF")
    kmf = kmc.make_kmf(identity.module_id, identity.public_key_hex, [key], kmc_dir)
    assert ask(emulated, Request("SM", "KL", kmf.hex().upper())).ok
    for path in emulated.state.folder.iterdir():
        assert b"0123456789abcdef" not in path.read_bytes().lower()
        assert bytes.fromhex("0123456789ABCDEF") not in path.read_bytes()
