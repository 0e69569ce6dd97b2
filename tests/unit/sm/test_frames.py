"""The frame codec on bytes: CRC-16/ARC, requests, responses and stream splitting."""

from __future__ import annotations

import pytest

from starpos.devices.sm.frames import (
    MAX_FRAME_LENGTH,
    FrameError,
    FrameSplitter,
    Request,
    Response,
    crc16_arc,
    parse_request,
    parse_response,
)


def test_crc16_arc_matches_the_catalogue_check_value() -> None:
    # CRC-16/ARC check value from the CRC catalogue: "123456789" -> 0xBB3D.
    assert crc16_arc(b"123456789") == 0xBB3D
    assert crc16_arc(b"") == 0


def _crc_bit_by_bit(data: bytes) -> int:
    """The definition the table stands for: eight shifts a byte."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def test_the_crc_table_gives_the_bit_by_bit_crc_for_every_byte_and_length() -> None:
    every_byte = bytes(range(256))
    for length in range(0, 600, 7):
        data = (every_byte * 3)[length % 256 :][:length]
        assert crc16_arc(data) == _crc_bit_by_bit(data)


def test_every_byte_outside_printable_ascii_is_refused() -> None:
    for byte in (*range(0x20), *range(0x7F, 0x100)):
        body = b"SM?TS" + bytes([byte])
        with pytest.raises(FrameError, match="non-printable"):
            parse_request(body + b"%04X" % crc16_arc(body) + b"\r")


def test_request_frame_is_class_question_command_params_crc_cr() -> None:
    frame = Request("SM", "TS").encode()
    assert frame == b"SM?TS" + b"%04X" % crc16_arc(b"SM?TS") + b"\r"
    assert parse_request(frame) == Request("SM", "TS", "")


def test_response_frame_carries_two_digit_code_and_data() -> None:
    frame = Response("SM", "TS", 0, "0000000100000FA0").encode()
    assert frame.startswith(b"SM!TS000000000100000FA0")
    parsed = parse_response(frame)
    assert parsed.ok and parsed.code == 0 and parsed.data == "0000000100000FA0"
    assert parse_response(Response("SM", "TC", 31).encode()).code == 31


def test_a_damaged_crc_is_reported_as_a_checksum_error() -> None:
    frame = bytearray(Request("GL", "EC", "HELLO").encode())
    frame[6] ^= 0x01  # one bit of the parameters flips on the line
    with pytest.raises(FrameError) as caught:
        parse_request(bytes(frame))
    assert caught.value.checksum


@pytest.mark.parametrize(
    "frame",
    [
        b"",
        b"\r",
        b"SM?T\r",
        b"SM?TS00\r",  # CRC missing
        b"XX?TS" + b"%04X" % crc16_arc(b"XX?TS") + b"\r",
        b"SM-TS" + b"%04X" % crc16_arc(b"SM-TS") + b"\r",
        b"SM?ts" + b"%04X" % crc16_arc(b"SM?ts") + b"\r",
        b"SM?TS\x00\x01" + b"%04X" % crc16_arc(b"SM?TS\x00\x01") + b"\r",
        b"SM?TS" + b"%04x" % 0xABCD + b"\r",
    ],
)
def test_malformed_requests_are_format_errors(frame: bytes) -> None:
    with pytest.raises(FrameError) as caught:
        parse_request(frame)
    assert not caught.value.checksum


def test_a_response_code_must_be_two_digits() -> None:
    body = b"SM!TSX0"
    with pytest.raises(FrameError):
        parse_response(body + b"%04X" % crc16_arc(body))


def test_requests_are_not_responses_and_back() -> None:
    with pytest.raises(FrameError):
        parse_response(Request("SM", "TS").encode())
    with pytest.raises(FrameError):
        parse_request(Response("SM", "TS", 0).encode())


def test_digest_identifies_the_exact_request() -> None:
    one, two = Request("SM", "TC", "A"), Request("SM", "TC", "B")
    assert len(one.digest()) == 8 and one.digest() != two.digest()
    assert one.digest() == Request("SM", "TC", "A").digest()


def test_splitter_rejoins_frames_cut_anywhere() -> None:
    stream = Request("SM", "ID").encode() + Request("GL", "EC", "X").encode()
    splitter = FrameSplitter()
    frames = []
    for byte in stream:
        frames += splitter.feed(bytes([byte]))
    assert [parse_request(f).name for f in frames] == ["SM?ID", "GL?EC"]


def test_splitter_bounds_a_frame_that_never_ends() -> None:
    splitter = FrameSplitter()
    assert splitter.feed(b"A" * (MAX_FRAME_LENGTH * 3)) == []
    (oversize,) = splitter.feed(b"\r")
    with pytest.raises(FrameError):
        parse_request(oversize)
    (next_frame,) = splitter.feed(Request("SM", "TS").encode())
    assert parse_request(next_frame).name == "SM?TS"
