"""AES-CMAC sealed slots and the A/B choice, on bytes."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import cmac
from cryptography.hazmat.primitives.ciphers import algorithms

from starpos.devices.card.layout import CREDIT_FILE, RETURN_FILE
from starpos.devices.card.sealing import (
    SlotState,
    derive_card_key,
    key_check_value,
    open_slot,
    read_file_slots,
    seal,
)

MASTER = bytes(range(16))
SERIAL = bytes.fromhex("5354415200000001")


def test_card_keys_differ_per_card_and_per_master_key() -> None:
    key = derive_card_key(MASTER, SERIAL)
    assert len(key) == 16
    assert key == derive_card_key(MASTER, SERIAL)
    assert key != derive_card_key(MASTER, bytes.fromhex("5354415200000002"))
    assert key != derive_card_key(bytes(16), SERIAL)
    assert len(derive_card_key(bytes(32), SERIAL)) == 16  # AES-256 master keys work too


def test_card_key_is_sp800_108_counter_mode_over_cmac() -> None:
    # One block: CMAC(master, [i=1]_4 || label || 00 || context || [L=128]_4).
    fixed = b"\x00\x00\x00\x01" + b"STARPOS SUN CARD KEY" + b"\x00" + SERIAL + b"\x00\x00\x00\x80"
    mac = cmac.CMAC(algorithms.AES(MASTER))
    mac.update(fixed)
    assert derive_card_key(MASTER, SERIAL) == mac.finalize()


def test_a_sealed_slot_opens_and_names_its_generation() -> None:
    key = derive_card_key(MASTER, SERIAL)
    raw = seal(key, CREDIT_FILE, 7, b"body")
    assert len(raw) == CREDIT_FILE.slot_size
    state, slot = open_slot(key, CREDIT_FILE, 1, raw)
    assert state == SlotState.SEALED
    assert slot is not None and (slot.index, slot.generation, slot.body) == (1, 7, b"body")
    assert key_check_value(key) != key_check_value(derive_card_key(bytes(16), SERIAL))


def test_every_single_byte_change_breaks_the_seal() -> None:
    key = derive_card_key(MASTER, SERIAL)
    raw = seal(key, CREDIT_FILE, 1, b"x" * 36)
    used = 10 + 36 + 16
    for position in range(used):
        altered = bytearray(raw)
        altered[position] ^= 0x01
        state = open_slot(key, CREDIT_FILE, 0, bytes(altered))[0]
        # A changed commit marker makes the slot uncommitted: ignored, never accepted.
        expected = SlotState.UNCOMMITTED if position < 2 else SlotState.BROKEN
        assert state == expected, position


def test_a_slot_sealed_for_another_file_or_key_is_refused() -> None:
    key = derive_card_key(MASTER, SERIAL)
    raw = seal(key, CREDIT_FILE, 1, b"x")
    assert open_slot(key, RETURN_FILE, 0, raw.ljust(RETURN_FILE.slot_size, b"\0"))[0] == "broken"
    other = derive_card_key(bytes(16), SERIAL)
    assert open_slot(other, CREDIT_FILE, 0, raw)[0] == SlotState.BROKEN


def test_writes_alternate_slots_and_the_newest_valid_wins() -> None:
    key = derive_card_key(MASTER, SERIAL)
    size = CREDIT_FILE.slot_size
    file = bytearray(CREDIT_FILE.size)
    reading = read_file_slots(key, CREDIT_FILE, bytes(file))
    assert reading.blank and not reading.unverifiable
    for n in range(1, 6):
        index, generation = reading.next_write()
        assert generation == n and index == (n - 1) % 2
        file[index * size : (index + 1) * size] = seal(key, CREDIT_FILE, generation, b"r%d" % n)
        reading = read_file_slots(key, CREDIT_FILE, bytes(file))
        assert reading.current is not None and reading.current.body == b"r%d" % n


def _torn_write(file: bytearray, index: int, new: bytes, kept: int) -> None:
    """The driver's write order (marker cleared, body, marker set), cut after ``kept``
    bytes of the body."""
    size = CREDIT_FILE.slot_size
    file[index * size : index * size + 2] = b"\0\0"
    file[index * size + 2 : index * size + 2 + kept] = new[2 : 2 + kept]


@pytest.mark.parametrize("kept", range(0, 63, 3))
def test_a_torn_write_leaves_the_previous_record(kept: int) -> None:
    key = derive_card_key(MASTER, SERIAL)
    size = CREDIT_FILE.slot_size
    file = bytearray(CREDIT_FILE.size)
    file[:size] = seal(key, CREDIT_FILE, 1, b"old")
    file[size:] = seal(key, CREDIT_FILE, 2, b"newest-so-far")  # then slot 0 gets written
    index, generation = read_file_slots(key, CREDIT_FILE, bytes(file)).next_write()
    _torn_write(file, index, seal(key, CREDIT_FILE, generation, b"new"), kept)
    reading = read_file_slots(key, CREDIT_FILE, bytes(file))
    assert reading.current is not None and reading.current.body == b"newest-so-far"
    assert reading.states[index] == SlotState.UNCOMMITTED and not reading.unverifiable


def test_a_tombstone_makes_the_file_blank() -> None:
    key = derive_card_key(MASTER, SERIAL)
    file = seal(key, CREDIT_FILE, 1, b"credit") + seal(key, CREDIT_FILE, 2, b"")
    reading = read_file_slots(key, CREDIT_FILE, file)
    assert reading.blank and reading.next_write() == (0, 3)


def test_an_altered_committed_slot_makes_the_file_unverifiable() -> None:
    key = derive_card_key(MASTER, SERIAL)
    file = bytearray(seal(key, CREDIT_FILE, 1, b"credit") + bytes(CREDIT_FILE.slot_size))
    file[20] ^= 0xFF
    assert read_file_slots(key, CREDIT_FILE, bytes(file)).unverifiable
    # even next to a valid slot: falling back would hide the altered (newer) data
    file[CREDIT_FILE.slot_size :] = seal(key, CREDIT_FILE, 2, b"credit 2")
    assert read_file_slots(key, CREDIT_FILE, bytes(file)).unverifiable


def test_a_torn_first_write_reads_as_blank_not_as_forgery() -> None:
    key = derive_card_key(MASTER, SERIAL)
    file = bytearray(CREDIT_FILE.size)
    _torn_write(file, 0, seal(key, CREDIT_FILE, 1, b"first"), 40)
    reading = read_file_slots(key, CREDIT_FILE, bytes(file))
    assert reading.blank and not reading.unverifiable
    assert reading.next_write() == (0, 1)
