"""``starpos token``: issue, decode, batch-issue and benchmark STS tokens."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import suppress
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from starpos.commands._output import (
    TOKEN_ENERGY,
    echo,
    log_unexpected,
    number,
    print_json,
    show,
    whole,
)
from starpos.commands._token_cancel import register_cancel
from starpos.commands._token_replace import register_replace
from starpos.i18n import render_error, translate
from starpos.sts.errors import RequestFormatError, StsError

# The engine (cipher tables, cryptography) is imported by the handlers, not here: every
# ``starpos`` command imports this module to register ``token``.
if TYPE_CHECKING:
    from starpos.sts.line_decoder import LineDecoder
    from starpos.sts.request import TokenRequest
    from starpos.sts.request_reader import RequestReader
    from starpos.sts.tables import StaTables

#: A whole-number field of a token request, read under the command line's rule for numbers;
#: its range is the engine's, whose refusal names the field (the widest field has 36 bits).
_FIELD = whole(0, (1 << 36) - 1)


def _subclass_value(text: str) -> int | list[int]:
    """One subclass, or a key change set such as ``3,4``."""
    parts = [_FIELD(part) for part in text.split(",")]
    return parts if len(parts) > 1 else parts[0]


#: ``starpos token issue`` options: (flag, request field, help, reader of a number or None).
_ISSUE_OPTIONS: tuple[tuple[str, str, str, Callable[[str], Any] | None], ...] = (
    ("--dkga", "dkga", "decoder key generation algorithm: 02 or 04 (default 02)", None),
    ("--ea", "ea", "encryption algorithm: 07 (STA) or 11 (MISTY1) (default 07)", None),
    ("--vending-key", "vending_key_hex", "vending key in hex (64 bits for DKGA02, 160 for 04)",
     None),
    ("--key-type", "key_type", "key type 0-3 (default 2)", _FIELD),
    ("--sgc", "sgc", "supply group code, 6 digits", None),
    ("--ti", "ti", "tariff index 0-99 (default 1)", _FIELD),
    ("--krn", "krn", "key revision number 1-9 (default 1)", _FIELD),
    ("--ken", "ken", "key expiry number 0-255 (default 255)", _FIELD),
    ("--base-date", "base_date", "TID base date: 1993, 2014 or 2035 (default 2014)", _FIELD),
    ("--meter", "pan", "meter number (11 or 13 digits) or 18-digit PAN", None),
    ("--class", "token_class", "token class: 0 credit, 1 meter test, 2 management (default 0)",
     _FIELD),
    ("--subclass", "token_subclass", "token subclass; a key change set: 3,4 or 3,4,8,9",
     _subclass_value),
    ("--issued-at", "issued_at", "issue time, ISO 8601 (default: now, local wall clock)", None),
    ("--random", "random_no", "random number 0-15 (default: random)", _FIELD),
    ("--amount", "amount", "credit in the unit's natural unit (kWh, m3 ...)",
     number(TOKEN_ENERGY)),
    ("--register", "register", "clear credit: register (65535 = all)", _FIELD),
    ("--max-power-limit-w", "max_power_limit_w", "maximum power limit in watts", _FIELD),
    ("--mppul-w", "mppul_w", "maximum phase power unbalance limit in watts", _FIELD),
    ("--rate", "rate", "tariff rate field (16 bits)", _FIELD),
    ("--water-meter-factor", "water_meter_factor", "water meter factor field (16 bits)", _FIELD),
    ("--control", "control", "class 1: control field", _FIELD),
    ("--manufacturer-code", "manufacturer_code", "class 1: 2- or 4-digit manufacturer code",
     None),
    ("--new-vending-key", "new_vending_key_hex", "key change: new vending key in hex", None),
    ("--new-key-type", "new_key_type", "key change: new key type", _FIELD),
    ("--new-sgc", "new_sgc", "key change: new supply group code", None),
    ("--new-ti", "new_ti", "key change: new tariff index", _FIELD),
    ("--new-krn", "new_krn", "key change: new key revision number", _FIELD),
    ("--new-ken", "new_ken", "key change: new key expiry number", _FIELD),
    ("--new-base-date", "new_base_date", "key change: new base date", _FIELD),
    ("--rollover", "rollover", "key change: 1 to roll the meter to the new base date", _FIELD),
)  # fmt: skip
_ISSUE_DEFAULTS: dict[str, Any] = {
    "dkga": "02",
    "ea": "07",
    "key_type": 2,
    "ti": 1,
    "krn": 1,
    "ken": 255,
    "base_date": 2014,
    "token_class": 0,
    "token_subclass": 0,
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("token", help="issue and decode STS tokens")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    issue = actions.add_parser("issue", help="issue one token (or a key change set)")
    for flag, name, text, reader in _ISSUE_OPTIONS:
        issue.add_argument(flag, dest=name, help=text, type=reader)
    issue.add_argument("--sta-tables", help="STA tables JSON file (default: as configured)")
    issue.add_argument(
        "--show-decoder-key", action="store_true", help="also print the meter's decoder key"
    )
    issue.add_argument("--json", action="store_true", help="print a JSON object")
    issue.set_defaults(handler=_issue)

    decode = actions.add_parser("decode", help="decode a token as the meter would")
    decode.add_argument("token")
    decode.add_argument("--decoder-key", help="the meter's decoder key in hex (STS order)")
    decode.add_argument("--ea", default="07", help="07 (STA) or 11 (MISTY1)")
    decode.add_argument(
        "--base-date", type=whole(1993, 2035), help="show the issue time for this base date"
    )
    decode.add_argument("--sta-tables", help="STA tables JSON file (default: as configured)")
    decode.add_argument("--json", action="store_true", help="print a JSON object")
    decode.set_defaults(handler=_decode)

    register_cancel(actions)  # starpos token cancel: a sale's token (manual 4.5)
    register_replace(actions)  # a TID collision's replacement token (SYN-51)

    batch = actions.add_parser("batch", help="issue tokens for JSON Lines requests on stdin")
    batch.add_argument("--sta-tables", help="STA tables JSON file (default: as configured)")
    batch.set_defaults(handler=_batch)

    bench = actions.add_parser("bench", help="measure credit tokens per second")
    bench.add_argument(
        "--count", type=whole(1, 10_000_000), default=20000, help="tokens per algorithm"
    )
    bench.add_argument("--sta-tables", help="STA tables JSON file (default: as configured)")
    bench.add_argument("--json", action="store_true", help="print a JSON object")
    bench.set_defaults(handler=_bench)


def _issue(args: argparse.Namespace) -> int:
    from starpos.bootstrap.tables import sta_tables
    from starpos.sts.amount import token_amount
    from starpos.sts.request import TokenRequest, issue_tokens

    fields: dict[str, Any] = dict(_ISSUE_DEFAULTS)
    for _flag, name, _text, _reader in _ISSUE_OPTIONS:
        value = getattr(args, name)
        if value is not None:
            fields[name] = value
    if str(fields["token_class"]).strip() == "1":
        for name in ("dkga", "ea", "key_type", "ti", "krn", "ken", "base_date"):
            if getattr(args, name) is None:
                fields.pop(name, None)
    fields.setdefault("issued_at", datetime.now().replace(microsecond=0).isoformat())
    request = TokenRequest.from_mapping(fields)
    tables = sta_tables(args.sta_tables) if request.ea == "07" else None
    tokens = issue_tokens(request, tables)
    if args.json:
        result: dict[str, Any] = {"tokens": tokens}
        if request.amount is not None and request.token_class == 0:
            result["amount"] = token_amount(request.amount)
        if args.show_decoder_key and request.token_class != 1:
            result["decoder_key_hex"] = request.decoder_key().hex()
        print_json(result)
    else:
        for token in tokens:
            print(token)
        if args.show_decoder_key and request.token_class != 1:
            label = translate("sts", "decoder key")
            print(f"{label}: {request.decoder_key().hex()}", file=sys.stderr)
    return 0


def _decode(args: argparse.Namespace) -> int:
    from starpos.bootstrap.tables import sta_tables
    from starpos.sts.ciphers import check_ea
    from starpos.sts.decoder import decode_token
    from starpos.sts.fields import check_key_hex

    key = check_key_hex("decoder key", args.decoder_key) if args.decoder_key else None
    ea = check_ea(args.ea)
    tables = sta_tables(args.sta_tables) if ea == "07" else None
    decoded = decode_token(args.token, key, ea, tables)
    fields = decoded.as_dict()
    if args.base_date is not None and decoded.tid is not None:
        fields["issued_at"] = decoded.issued_at(args.base_date)
    return show(args, fields)


def batch_answer(
    line: str | bytes,
    tables: Callable[[], StaTables],
    reader: RequestReader,
    issue_tokens: Callable[[TokenRequest, StaTables | None], list[str]],
    decoder: LineDecoder | None = None,
) -> dict[str, Any]:
    """The answer to one request line: its tokens, or the error that stopped it.

    ``tables`` gives the STA tables (asked only for an EA07 request); ``decoder`` reads a
    plain line in one step and ``reader`` every other line, both remembering the values they
    have seen in the batch; ``issue_tokens`` is the engine's (passed in: an import here would
    cost every line a microsecond)."""
    request_id: Any = None
    try:
        request = decoder.read(line) if decoder is not None else None
        if request is None:  # not plain: read, and refused, as a single request is
            data = _request_data(line)
            request_id = data.get("id")
            request = reader.read(data)
        request_id = request.id
        sta = tables() if request.ea == "07" else None
        return {"id": request_id, "tokens": issue_tokens(request, sta)}
    except StsError as error:
        return {"id": request_id, "error": {"code": error.code, "message": render_error(error)}}
    except Exception as error:  # one broken line must never stop the batch
        with suppress(Exception):  # an error log that cannot be written: the answer says it
            log_unexpected(error)
        message = translate("sts", "internal error ({kind})").format(kind=type(error).__name__)
        return {"id": request_id, "error": {"code": "internal", "message": message}}


def _request_data(line: str | bytes) -> dict[str, Any]:
    """A request line's JSON object, or the :class:`RequestFormatError` that refuses it."""
    try:
        data = _read_line(line)
    except (ValueError, RecursionError) as error:  # RecursionError: nested too deep
        raise RequestFormatError(reason=echo(error, 200)) from error
    if not isinstance(data, dict):
        raise RequestFormatError(reason=type(data).__name__)
    return data


def answer_json(answer: dict[str, Any]) -> str:
    """``answer`` as one JSON line (Decimals in an id as text, never floats)."""
    try:
        return "".join(_encode_answer(answer, 0))
    except (ValueError, RecursionError):  # an id nested deeper than JSON output goes
        return "".join(_encode_answer({**answer, "id": None}, 0))


# Made once: json.loads and json.dumps with options build a new decoder or encoder for
# every call, which cost a batch line as much as its field checks; json.JSONEncoder.encode
# still builds its C encoder for every answer, so the batch keeps one. It writes what
# JSONEncoder(default=str) writes; without the check for circular references, which an
# answer made of a decoded line and the engine's text cannot have.
_REQUEST_DECODER = json.JSONDecoder(parse_float=Decimal)
_SCAN: Callable[[str, int], tuple[Any, int]]
_SCAN = _REQUEST_DECODER.scan_once  # type: ignore[attr-defined]  # what decode() calls
_encode_answer = json.encoder.c_make_encoder(  # type: ignore[attr-defined]
    None, str, json.encoder.encode_basestring_ascii, None, ": ", ", ", False, False, True
)


def _read_line(line: str | bytes) -> Any:
    """A request line as JSON, numbers with a fraction as Decimals (never floats)."""
    if isinstance(line, bytes):
        if line.startswith(b'{"'):  # UTF-8 by json.detect_encoding's rules: no BOM, no NUL
            line = line.decode("utf-8", "surrogatepass")
        else:  # UTF-8, -16 or -32, a BOM or none: as json.loads reads it
            line = line.decode(json.detect_encoding(line), "surrogatepass")
    # A plain object filling the whole line is scanned directly; anything else (spaces
    # around it, a mistake) goes through decode(), which words the error.
    with suppress(Exception):
        data, end = _SCAN(line, 0)
        if end == len(line):
            return data
    return _REQUEST_DECODER.decode(line)


#: How much of the input the batch takes at once (answers are flushed once per piece).
READ_SIZE = 1 << 16


def request_lines(source: io.BufferedIOBase) -> Iterator[list[bytes]]:
    """The complete lines of ``source`` in the groups they arrive in: a caller that sends one
    line and waits for its answer gets it, a stream is answered a piece at a time."""
    pending: list[bytes] = []
    while chunk := source.read1(READ_SIZE):
        lines = chunk.split(b"\n")
        if len(lines) == 1:  # no line ends here: a long line still coming
            pending.append(chunk)
            continue
        lines[0] = b"".join([*pending, lines[0]])
        pending = [lines.pop()]  # the start of the next line (b"" after a newline)
        yield lines
    last = b"".join(pending)
    if last:
        yield [last]


def serve_batch(
    source: io.BufferedIOBase,
    write: Callable[[str], object],
    flush: Callable[[], object],
    tables: Callable[[], StaTables],
) -> int:
    """Answer every request line of ``source`` in order; the number of lines answered.

    Whatever has arrived is answered and flushed before waiting for more, so a caller may
    send one line and wait for its answer."""
    from starpos.sts.line_decoder import LineDecoder
    from starpos.sts.request import issue_tokens
    from starpos.sts.request_reader import RequestReader

    # One batch's: the key data they remember ends with the batch.
    reader, decoder = RequestReader(), LineDecoder()
    answered = 0
    for lines in request_lines(source):
        answers = [
            answer_json(batch_answer(line, tables, reader, issue_tokens, decoder))
            for line in lines
            if line and not line.isspace()  # as line.strip(), without copying the line
        ]
        if answers:
            write("\n".join(answers) + "\n")
            flush()
            answered += len(answers)
    return answered


def _batch(args: argparse.Namespace) -> int:
    from starpos.bootstrap.tables import sta_tables

    if args.sta_tables:
        sta_tables(args.sta_tables)  # a bad tables file is one error, not one per line
    # Found and loaded once for the whole batch, at the first line that needs them.
    tables = cache(lambda: sta_tables(args.sta_tables))
    stdin = cast(io.BufferedIOBase, sys.stdin.buffer)
    serve_batch(stdin, sys.stdout.write, sys.stdout.flush, tables)
    return 0


def _bench(args: argparse.Namespace) -> int:
    from starpos.bench.token import run_bench, run_engine_and_batch
    from starpos.bootstrap.tables import sta_tables

    tables = sta_tables(args.sta_tables)
    sta, batch = run_engine_and_batch(args.count, tables, _bench_answer(tables))
    results = [sta, run_bench("11", args.count, None)]
    engine = results[0].tokens_per_second
    ratio = round(batch.tokens_per_second / engine, 2) if engine else 0
    if args.json:
        print_json(
            {
                **{r.ea: {"tokens": r.tokens, "seconds": round(r.seconds, 3),
                          "cpu_seconds": round(r.cpu_seconds, 3),
                          "tokens_per_second": r.tokens_per_second,
                          "tokens_per_wall_second": r.tokens_per_wall_second}
                   for r in results},
                "batch": {"tokens": batch.tokens, "seconds": round(batch.seconds, 3),
                          "cpu_seconds": round(batch.cpu_seconds, 3),
                          "tokens_per_second": batch.tokens_per_second,
                          "tokens_per_wall_second": batch.tokens_per_wall_second,
                          "share_of_engine": ratio},
            }
        )  # fmt: skip
        return 0
    labels = {
        "07": translate("sts", "STA (EA07) credit tokens incl. DKGA02"),
        "11": translate("sts", "MISTY1 (EA11) credit tokens incl. DKGA04"),
    }
    per_second = translate("sts", "tokens per second of CPU time")
    wall = translate("sts", "wall clock")
    for result in results:
        print(
            f"{labels[result.ea]}: {result.tokens_per_second} {per_second} "
            f"({wall}: {result.tokens_per_wall_second})"
        )
    text = translate(
        "sts",
        "token batch, the same STA tokens as JSON lines: {rate} {unit} "
        "({share} % of the engine alone)",
    )
    print(text.format(rate=batch.tokens_per_second, unit=per_second, share=round(ratio * 100)))
    return 0


def _bench_answer(tables: StaTables) -> Callable[[bytes], str]:
    """The bench's batch: lines answered by :func:`serve_batch` as ``starpos token batch``
    answers them, into memory instead of a pipe."""

    def answer(lines: bytes) -> str:
        sink = io.StringIO()
        serve_batch(io.BytesIO(lines), sink.write, _no_flush, lambda: tables)
        return sink.getvalue()

    return answer


def _discard(text: str) -> None:
    del text


def _no_flush() -> None:
    return None
