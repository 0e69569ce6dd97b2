"""``starpos demo card``: the demo's SUN card in the first vpcd reader, through pcscd, taken
out and put back from the keyboard, and telling the newcomer what to do next."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from starpos.audit.log import Actor
from starpos.bootstrap.database import open_database
from starpos.card_sales import issue_card
from starpos.db.engine import DATABASE_FILE
from starpos.devices.card.keys import load_master_key
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.sun_card import SunCard
from tests.support.processes import child_env, starpos_command
from tests.support.virtual_cards import READER_0, wait_for

pytestmark = [pytest.mark.pcsc, pytest.mark.slow]


def present() -> bool:
    service = PcscReaders()
    try:
        return service.card_present(READER_0)
    finally:
        service.close()


def start(data: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        starpos_command("demo", "card"),
        env=child_env(STARPOS_DATA_DIR=str(data), STARPOS_LANG="en"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_until(process: subprocess.Popen[str], ending: str) -> list[str]:
    assert process.stdout is not None
    lines = []
    while not (lines and lines[-1].endswith(ending)):
        line = process.stdout.readline()
        assert line, f"the command ended early: {process.stderr.read() if process.stderr else ''}"
        lines.append(line.rstrip("\n"))
    return lines


def say(process: subprocess.Popen[str], line: str) -> None:
    assert process.stdin is not None
    process.stdin.write(line + "\n")
    process.stdin.flush()


def test_the_demo_card_comes_and_goes_and_says_what_to_do(
    pcscd: list[str],
    data_dir: Path,
    seeded_database_file: Path,
) -> None:
    shutil.copy(seeded_database_file, data_dir / DATABASE_FILE)
    process = start(data_dir)
    try:
        lines = read_until(process, "q and Enter to stop.")
        key_file = data_dir / "card-master.key"
        assert lines[0] == f"Card master key of the demo utility created: {key_file}"
        assert lines[1].startswith("Virtual SUN card ") and "Virtual PCD 00 00" in lines[1]
        assert lines[2].startswith("It is blank. In the window, log in as ADMIN1")
        wait_for(present)
        say(process, "")
        assert read_until(process, ".") == ["The card is out of the reader."]
        wait_for(lambda: not present())
        say(process, "")
        assert read_until(process, ".") == ["The card is in the reader."]
        wait_for(present)

        # Issued meanwhile (as the window's card desk would), it is that meter's card.
        meter = lines[2].split(" to meter ")[1].split(";")[0]
        with open_database() as database:
            service = PcscReaders()
            try:
                with service.connect(READER_0) as connection:
                    key = load_master_key(key_file)
                    issue_card(database, SunCard(connection, key), meter, Actor("ADMIN1"))
            finally:
                service.close()
        say(process, "q")
        assert process.wait(timeout=20) == 0
        wait_for(lambda: not present())
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    again = start(data_dir)  # the same card, kept in the data folder
    try:
        lines = read_until(again, "q and Enter to stop.")
        assert lines[0].startswith("Virtual SUN card ")
        assert lines[1] == (
            f"It is the card of meter {meter}. In the window, log in as CASH1 (password "
            "cash-demo): the counter switches to card mode and sells onto it with Enter."
        )
        say(again, "q")
        assert again.wait(timeout=20) == 0
    finally:
        if again.poll() is None:
            again.kill()
            again.wait()
        for stream in (process.stdout, process.stderr, again.stdout, again.stderr):
            if stream is not None:
                stream.close()
    wait_for(lambda: not present())


def test_without_a_demo_utility_it_says_so_in_one_line(pcscd: list[str], data_dir: Path) -> None:
    result = subprocess.run(
        starpos_command("demo", "card"),
        env=child_env(STARPOS_DATA_DIR=str(data_dir), STARPOS_LANG="fr"),
        input="q\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "starpos: Ce dossier de données ne contient pas encore de distributeur de "
        "démonstration. Lancez : starpos demo seed\n"
    )
    assert not present()
