"""A module state folder written by protocol 1 (tests/data/sm/state-v1) loads today.

Its keys, credit, sequence and last answer are kept; its counters start at the migration;
the journal is rewritten in today's format, and the module goes on vending.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from starpos.devices.sm import kmc, messages, records
from starpos.devices.sm.emulator.journal import STATE_FORMAT, STATE_FORMAT_V1
from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.emulator.state import STATE_FILE, ModuleState
from starpos.devices.sm.emulator.tokens import TokenMaker
from starpos.devices.sm.exchange import last_response_from
from starpos.devices.sm.frames import Request, Response, parse_response
from starpos.devices.sm.messages import MeterKeyRef
from starpos.devices.sm.session import ModuleCredential
from tests.support.data_files import SAMPLE_TABLES
from tests.unit.sm.sign_in import sign_in

SAVED = Path(__file__).resolve().parents[2] / "data" / "sm" / "state-v1"
KEY = MeterKeyRef("600727121234567876", 1, "123456", 1, 1, 255)
V1_TOKEN = "19713991279760050204"


@pytest.fixture
def old_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "v1"
    shutil.copytree(SAVED, folder)
    (folder / "module" / "master.key").chmod(0o600)
    return folder


def ask(module: EmulatedModule, request: Request) -> Response:
    return parse_response(module.handle(request.encode()))


def test_the_saved_folder_is_really_protocol_1() -> None:
    lines = (SAVED / "module" / STATE_FILE).read_text().splitlines()
    assert len(lines) > 1
    assert all(json.loads(line)["format"] == STATE_FORMAT_V1 for line in lines)


def test_a_protocol_1_state_loads_keeps_everything_and_counts_from_now(old_folder: Path) -> None:
    folder = old_folder / "module"
    with (folder / STATE_FILE).open("a") as journal:
        journal.write('{"balance_tenths":0,"format":"starpos-sm')  # power lost mid-write
    credential = ModuleCredential.generate()
    state = ModuleState.open(folder, kmc_public_key_hex=None, credential=credential.secret)
    tables = SAMPLE_TABLES
    module = EmulatedModule(state, TokenMaker(tables, fixed_random=5))

    assert (state.module_id, state.sequence, state.balance_tenths) == ("31415926", 2, 7245)
    assert state.training is False
    counters = records.parse_counters(ask(module, Request("SM", "CI")).data)
    assert counters == records.ModuleCounters(2, 7245, 7245, 0, 0, 0, 0, 0, None, 2)
    assert counters.consistent and counters.has_history
    binding = records.parse_binding(ask(module, Request("SM", "SR")).data)
    assert (binding.number, binding.store_id, binding.sequence_at_bind) == (0, "", 2)
    assert ask(module, Request("SM", "CU", "00000001")).code == 54  # before the records

    lines = (folder / STATE_FILE).read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["format"] == STATE_FORMAT
    events = (folder / "events.log").read_text()
    assert '"state_migrated"' in events and '"credential_set"' in events

    sign_in(module, credential, module.port_session)
    last = last_response_from(ask(module, Request("GL", "RR")).data)
    assert last.issued_token is not None and last.issued_token.token == V1_TOKEN
    decoded = messages.parse_decoded(
        ask(module, Request("SM", "TV", messages.verify_params(KEY, V1_TOKEN))).data
    )
    assert (decoded.tid, decoded.amount) == (6004080, Decimal("25.5"))

    block = kmc.make_credit_block("31415926", 3, "add", 55, old_folder / "kmc")
    assert ask(module, Request("SM", "TU", block.hex().upper())).ok  # the KMC it trusted
    params = messages.credit_token_params(KEY, 0, 6004081, 100)
    assert ask(module, Request("SM", "TC", params)).ok
    after = records.parse_counters(ask(module, Request("SM", "CI")).data)
    assert after == records.ModuleCounters(3, 7200, 7300, 0, 100, 1, 0, 0, 6004081, 2)
    assert after.consistent
    state.close()

    again = ModuleState.open(folder, kmc_public_key_hex=None)  # now a protocol 2 journal
    assert (again.sequence, again.balance_tenths, again.credential()) == (
        3, 7200, credential.secret,
    )  # fmt: skip
    assert [entry["sequence"] for entry in again.history("credit_updates")] == [3]


def test_training_mode_cannot_be_asked_of_an_existing_production_module(
    old_folder: Path,
) -> None:
    from starpos.devices.sm.emulator.state import StateError

    with pytest.raises(StateError, match="training mode is chosen when a module is made"):
        ModuleState.open(old_folder / "module", kmc_public_key_hex=None, training=True)
