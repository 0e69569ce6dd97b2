"""``starpos token batch`` reads what has arrived and answers it before waiting for more: a
caller may hold the pipe open and wait for each answer; a stream is answered a piece at a
time (issue 16, "Speed": one flush per piece instead of one per line)."""

from __future__ import annotations

import io
import json
import os
import selectors
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from starpos.bench.token import bench_lines
from starpos.cli import main
from starpos.commands.token import request_lines, serve_batch
from starpos.sts.tables import load_sta_tables
from tests.support.data_files import SAMPLE_TABLES

REPO = Path(__file__).resolve().parents[3]


def _read_line(process: subprocess.Popen[bytes], timeout: float = 30) -> bytes:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        assert selector.select(timeout), "no answer while the caller waits"
    return process.stdout.readline()


def test_a_caller_waiting_for_each_answer_gets_it(data_dir: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "starpos", "token", "batch"]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    assert process.stdin is not None
    try:
        for line in bench_lines("07", 3).splitlines():
            process.stdin.write(line + b"\n")
            process.stdin.flush()
            assert len(json.loads(_read_line(process))["tokens"]) == 1
        process.stdin.write(b'{"id": "bad", "pan": "\xff"}\n')  # not UTF-8: one answer
        process.stdin.flush()
        assert json.loads(_read_line(process))["error"]["code"] == "sts.request.format"
    finally:
        process.stdin.close()
        assert process.wait(timeout=30) == 0


def test_lines_are_found_whatever_the_pieces_they_arrive_in() -> None:
    long_line = b"x" * 200_000
    source = io.BytesIO(b"a\n\nb\n" + long_line + b"\nlast without newline")
    lines = [line for group in request_lines(source) for line in group]
    assert lines == [b"a", b"", b"b", long_line, b"last without newline"]


def _answers(source: bytes) -> list[dict[str, Any]]:
    tables = load_sta_tables(SAMPLE_TABLES)
    sink = io.StringIO()
    serve_batch(io.BytesIO(source), sink.write, lambda: None, lambda: tables)
    return [json.loads(line) for line in sink.getvalue().splitlines()]


def test_lines_are_read_as_json_reads_them_spaces_bom_and_mistakes_included() -> None:
    good = bench_lines("07", 1).strip()
    [token] = _answers(good)[0]["tokens"]
    late = good + b" x"  # extra data after the object
    lines = [good, b"  " + good + b" \r", b"\xef\xbb\xbf" + good, late, good[:-1], good]
    answers = _answers(b"\n".join(lines) + b"\n")
    assert [a.get("tokens") for a in answers] == [[token]] * 3 + [None, None, [token]]
    for answer, line in zip(answers[3:5], lines[3:5], strict=True):
        with pytest.raises(json.JSONDecodeError) as caught:
            json.loads(line)
        assert answer["error"]["code"] == "sts.request.format"
        assert str(caught.value) in answer["error"]["message"]


def test_a_meter_read_before_is_checked_again_when_a_digit_changes() -> None:
    good = json.loads(bench_lines("07", 1))
    mistyped = {**good, "id": "mistyped", "pan": good["pan"][:-1] + "0"}
    again = {**good, "id": "again", "random_no": 7}
    source = "\n".join(json.dumps(line) for line in (good, mistyped, again, mistyped))
    answers = _answers(source.encode())
    assert [a["id"] for a in answers] == [0, "mistyped", "again", "mistyped"]
    assert "tokens" in answers[0] and "tokens" in answers[2]
    assert answers[0]["tokens"] != answers[2]["tokens"]  # another random number
    assert answers[1]["error"] == answers[3]["error"]
    assert answers[1]["error"]["code"] == "sts.meter_number.pan_check_digit"


@pytest.mark.bench
def test_the_batch_against_the_engine_in_one_run(
    capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest, benchmark: Any
) -> None:
    """The figures of docs/benchmarks.md ("token batch"); run with ``-m bench
    --benchmark-enable``: ``starpos token bench`` times the engine and the batch together."""
    if request.config.getoption("benchmark_disable"):
        pytest.skip("a speed figure: run with -m bench --benchmark-enable")
    assert main(["token", "bench", "--count", "5000", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    benchmark.extra_info.update(
        engine=figures["07"]["tokens_per_second"],
        batch=figures["batch"]["tokens_per_second"],
        share=figures["batch"]["share_of_engine"],
    )
    benchmark(lambda: None)
    assert figures["batch"]["tokens"] == 5000
    assert figures["batch"]["share_of_engine"] > 0
