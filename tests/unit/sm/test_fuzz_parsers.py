"""Random and truncated frames against both sides' parsers: no crash, no hang, a format error."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from starpos.devices.sm import messages
from starpos.devices.sm.emulator.module import EmulatedModule
from starpos.devices.sm.exchange import last_response_from
from starpos.devices.sm.frames import (
    FrameError,
    FrameSplitter,
    Request,
    Response,
    parse_request,
    parse_response,
)

VALID = [
    Request("SM", "TS").encode(),
    Request("GL", "EC", "PING").encode(),
    Request(
        "SM", "TC", "600727000000000009" + "01123456011FF" + "00" + "00ABCD" + "L0000FA"
    ).encode(),
    Response("SM", "TS", 0, "0000000100000FA0").encode(),
]

frames = st.one_of(
    st.binary(max_size=300),
    st.sampled_from(VALID).flatmap(
        lambda frame: st.integers(0, len(frame)).map(lambda cut: frame[:cut])
    ),  # truncated
    st.tuples(st.sampled_from(VALID), st.integers(0, 40), st.integers(0, 255)).map(
        lambda t: t[0][: t[1] % len(t[0])] + bytes([t[2]]) + t[0][t[1] % len(t[0]) + 1 :]
    ),  # one byte changed
    st.text(alphabet="GLSM?!0123456789ABCDEFTRSCKIVX", max_size=60).map(str.encode),
)


@settings(max_examples=400, deadline=None)
@given(frames)
def test_the_driver_side_parsers_only_raise_format_errors(frame: bytes) -> None:
    for parse in (parse_response, parse_request):
        with contextlib.suppress(FrameError):
            parse(frame)
    text = frame.decode("latin-1")
    for reader in (
        messages.parse_balance,
        messages.parse_identity,
        messages.parse_issued,
        messages.parse_issued_list,
        messages.parse_decoded,
        last_response_from,
    ):
        with contextlib.suppress(FrameError):
            reader(text)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(frames)
def test_the_emulator_answers_every_frame_with_a_well_formed_response(
    emulated: EmulatedModule, frame: bytes
) -> None:
    answer = parse_response(emulated.handle(frame))  # never raises: always a valid frame
    try:
        request = parse_request(frame)
    except FrameError as error:
        assert answer.name == "GL!ER"
        assert answer.code == (20 if error.checksum else 2)
    else:
        assert answer.klass == request.klass and answer.command == request.command


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=200), max_size=20))
def test_the_splitter_never_loses_a_frame_boundary(chunks: list[bytes]) -> None:
    splitter = FrameSplitter(max_length=256)
    stream = b"".join(chunks)
    out = []
    for chunk in chunks:
        out += splitter.feed(chunk)
    assert len(out) == stream.count(b"\r")
    assert all(frame.endswith(b"\r") and len(frame) <= 258 for frame in out)
