"""A journal write that fails leaves the module exactly as it was (issue 17, section 5).

The failures are real file errors from the kernel: the journal's descriptor pointed at
``/dev/full`` (ENOSPC on every write), and a file size limit (``RLIMIT_FSIZE``) that lets
half a line through and then refuses the rest (EFBIG).
"""

from __future__ import annotations

import json
import os
import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from starpos.devices.sm import kmc, messages, records
from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.emulator.state import STATE_FILE, ModuleState
from starpos.devices.sm.frames import Request, Response, parse_response
from starpos.devices.sm.messages import MeterKeyRef
from starpos.devices.sm.records import AuditAnchor, acting_request

KEY = MeterKeyRef("600727121234567876", 1, "123456", 1, 1, 255)
TID = 6_000_000


def ask(module: EmulatedModule, request: Request) -> Response:
    return parse_response(module.handle(request.encode()))


@pytest.fixture
def ready(emulated: EmulatedModule, kmc_dir: Path) -> EmulatedModule:
    identity = messages.parse_identity(ask(emulated, Request("SM", "ID")).data)
    kmf = kmc.make_kmf(
        identity.module_id, identity.public_key_hex, [kmc.development_key(1)], kmc_dir
    )
    assert ask(emulated, Request("SM", "KL", kmf.hex().upper())).ok
    block = kmc.make_credit_block("10203040", 1, "add", 1000, kmc_dir)
    assert ask(emulated, Request("SM", "TU", block.hex().upper())).ok
    return emulated


def snapshot(module: EmulatedModule) -> tuple[str, str, str, str]:
    """What the module answers about itself: balance, counters, binding, last answer."""
    return (
        ask(module, Request("SM", "TS")).data,
        ask(module, Request("SM", "CI")).data,
        ask(module, Request("SM", "SR")).data,
        ask(module, Request("GL", "RR")).data,
    )


def events(module: EmulatedModule) -> list[str]:
    path = module.state.folder / "events.log"
    return [json.loads(line)["event"] for line in path.read_text().splitlines()]


@contextmanager
def journal_on_dev_full(module: EmulatedModule) -> Iterator[None]:
    journal = module.state._journal
    assert journal._fd is not None  # open: the module committed before
    saved = os.dup(journal._fd)
    full = os.open("/dev/full", os.O_WRONLY)
    os.dup2(full, journal._fd)
    os.close(full)
    try:
        yield
    finally:
        if journal._fd is not None:
            os.dup2(saved, journal._fd)
        os.close(saved)


def token_request(tid: int, tenths: int, anchor: AuditAnchor | None = None) -> Request:
    return acting_request("TC", messages.credit_token_params(KEY, 0, tid, tenths), anchor)


def test_a_token_the_journal_cannot_hold_is_not_made(ready: EmulatedModule) -> None:
    journal = ready.state.folder / STATE_FILE
    before, journal_bytes = snapshot(ready), journal.read_bytes()
    with journal_on_dev_full(ready):
        answer = ask(ready, token_request(TID, 250, AuditAnchor("aa" * 32, 4)))
        assert (answer.code, answer.data) == (56, "")  # not saved: no token handed out
        assert snapshot(ready) == before  # balance, counters, anchor, last answer: unchanged
    assert journal.read_bytes() == journal_bytes
    assert "credit_token" not in events(ready)  # never logged as done
    assert events(ready)[-1] == "not_saved"

    assert ask(ready, token_request(TID + 1, 100)).ok  # the disk is back: it works again
    reopened = EmulatedModule(
        ModuleState.open(ready.state.folder, kmc_public_key_hex=None), ready.tokens
    )
    counters = records.parse_counters(ask(reopened, Request("SM", "CI")).data)
    assert (counters.balance_tenths, counters.credit_tokens, counters.last_tid) == (900, 1, TID + 1)


def test_a_line_cut_in_half_by_the_disk_is_taken_back(ready: EmulatedModule, kmc_dir: Path) -> None:
    journal = ready.state.folder / STATE_FILE
    before, size = snapshot(ready), journal.stat().st_size
    block = kmc.make_credit_block("10203040", 2, "add", 500, kmc_dir)
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 200, limits[1]))
    try:
        answer = ask(ready, Request("SM", "TU", block.hex().upper()))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, previous)
    assert answer.code == 56
    assert journal.stat().st_size == size  # the 200 bytes that got through were cut off
    assert snapshot(ready) == before
    assert ask(ready, Request("SM", "CU", "00000002")).code == 54

    assert ask(ready, Request("SM", "TU", block.hex().upper())).ok  # the same block, later
    assert ask(ready, token_request(TID, 100)).ok
    reopened = ModuleState.open(ready.state.folder, kmc_public_key_hex=None)
    assert (reopened.sequence, reopened.balance_tenths) == (2, 1400)
    assert [entry["sequence"] for entry in reopened.history("credit_updates")] == [1, 2]
