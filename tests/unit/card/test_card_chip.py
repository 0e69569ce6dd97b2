"""The card's APDU command set, byte for byte."""

from __future__ import annotations

from pathlib import Path

from starpos.devices.card import layout as L
from starpos.devices.card.virtual_card import CardState, VirtualCard


def sw(response: bytes) -> int:
    return int.from_bytes(response[-2:], "big")


def test_atr_is_t1_with_a_valid_check_byte() -> None:
    assert L.ATR[0] == 0x3B and L.ATR[2] == 0x01
    check = 0
    for byte in L.ATR[1:]:
        check ^= byte
    assert check == 0
    assert L.ATR[3:-1] == b"STARSUN-V1"


def test_select_returns_an_fcp_with_the_file_size(chip: VirtualCard) -> None:
    response = chip.process(L.select(L.EF_CARD))
    assert sw(response) == L.SW_OK
    assert (
        response[0] == 0x62 and b"\x83\x02\x2f\x02" in response and b"\x80\x02\x00\x20" in response
    )
    assert sw(chip.process(L.select(L.DF_SUN))) == L.SW_OK
    response = chip.process(L.select(L.RETURN_FILE.fid))
    assert b"\x80\x02\x01\x80" in response  # 384 bytes: two 192-byte slots


def test_files_are_found_only_in_their_folder(chip: VirtualCard) -> None:
    assert sw(chip.process(L.select(L.CREDIT_FILE.fid))) == L.SW_NOT_FOUND  # still in the MF
    chip.process(L.select(L.DF_SUN))
    assert sw(chip.process(L.select(0x1234))) == L.SW_NOT_FOUND


def test_read_and_update_binary(chip: VirtualCard) -> None:
    chip.process(L.select(L.DF_SUN))
    chip.process(L.select(L.CREDIT_FILE.fid))
    assert sw(chip.process(L.update_binary(10, b"hello"))) == L.SW_OK
    assert chip.process(L.read_binary(8, 9)) == b"\0\0hello\0\0" + b"\x90\x00"
    short = chip.process(L.read_binary(120, 16))
    assert sw(short) == L.SW_END_OF_FILE and len(short) == 2 + 8
    assert sw(chip.process(L.read_binary(128, 1))) == L.SW_WRONG_P1P2
    assert sw(chip.process(L.update_binary(126, b"xyz"))) == L.SW_WRONG_P1P2


def test_manufacturer_data_is_read_only(chip: VirtualCard) -> None:
    chip.process(L.select(L.EF_CARD))
    assert sw(chip.process(L.update_binary(0, b"X"))) == L.SW_SECURITY
    assert chip.process(L.read_binary(0, 7))[:-2] == L.CARD_MAGIC


def test_unknown_commands(chip: VirtualCard) -> None:
    assert sw(chip.process(b"\x80\xa4\x00\x00")) == L.SW_CLA
    assert sw(chip.process(b"\x00\x84\x00\x00\x08")) == L.SW_INS
    assert sw(chip.process(L.read_binary(0, 1))) == L.SW_NO_EF
    assert sw(chip.process(b"\x00")) == L.SW_WRONG_LENGTH


def test_deactivation_locks_the_application(chip: VirtualCard) -> None:
    chip.process(L.select(L.DF_SUN))
    assert sw(chip.process(L.deactivate_application())) == L.SW_OK
    assert sw(chip.process(L.select(L.DF_SUN))) == L.SW_DEACTIVATED
    chip.process(L.select(L.CREDIT_FILE.fid))
    assert sw(chip.process(L.read_binary(0, 4))) == L.SW_NOT_ALLOWED


def test_state_survives_a_restart_and_is_saved_whole(tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    path = folder / "card.json"
    state = CardState.load_or_create(path, bytes.fromhex("0102030405060708"))
    chip = VirtualCard(state, on_change=lambda s: s.save(path))
    chip.process(L.select(L.DF_SUN))
    chip.process(L.select(L.IDENTITY_FILE.fid))
    chip.process(L.update_binary(0, b"kept"))
    again = CardState.load_or_create(path)
    assert again.serial == bytes.fromhex("0102030405060708")
    assert bytes(again.files[L.IDENTITY_FILE.fid][:4]) == b"kept"
    assert [p.name for p in folder.iterdir()] == ["card.json"]  # no temporary left behind


def test_a_torn_update_stores_part_and_goes_silent(card_state: CardState) -> None:
    chip = VirtualCard(card_state, before_update=lambda fid, offset, data: data[:3])
    chip.process(L.select(L.DF_SUN))
    chip.process(L.select(L.CREDIT_FILE.fid))
    assert chip.process(L.update_binary(0, b"abcdef")) == b""
    assert chip.torn
    assert bytes(card_state.files[L.CREDIT_FILE.fid][:6]) == b"abc\0\0\0"
