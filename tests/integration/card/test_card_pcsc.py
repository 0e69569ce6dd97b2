"""Cards through the real stack: pyscard -> pcscd -> vpcd -> ``starpos card virtual``."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from starpos.devices.card import errors as E
from starpos.devices.card.keys import load_master_key
from starpos.devices.card.monitor import CardPresenceMonitor, PresenceEvent, PresenceKind
from starpos.devices.card.reader import PcscReaders
from starpos.devices.card.sun_card import SunCard
from starpos.devices.card.worker import CardReaderWorker
from tests.support.virtual_cards import READER_0, READER_1, VirtualCardProcess, wait_for

pytestmark = pytest.mark.pcsc

METER = "04123456789"
NOW = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)


def open_card(key_file: Path, reader: str = READER_0) -> tuple[PcscReaders, SunCard]:
    service = PcscReaders()
    return service, SunCard(service.connect(reader), load_master_key(key_file))


def close(service: PcscReaders, card: SunCard) -> None:
    card.channel.close()  # type: ignore[attr-defined]
    service.close()


def issue(key_file: Path, reader: str = READER_0, meter: str = METER) -> None:
    service, card = open_card(key_file, reader)
    card.bind(meter, sgc=123456, utility_id=7, issued_at=NOW)
    close(service, card)


def test_bind_write_credit_and_read_back(virtual_card: Any, key_file: Path) -> None:
    inserted = virtual_card()
    service, card = open_card(key_file)
    assert card.channel.atr == bytes.fromhex("3b8a015354415253554e2d56319d")  # type: ignore[attr-defined]
    assert card.read().identity is None
    card.bind(METER, sgc=123456, utility_id=7, issued_at=NOW)
    written = card.write_credit(Decimal("25.5"), vend_id="S-1", created_at=NOW, meter_number=METER)
    close(service, card)

    service, again = open_card(key_file)  # a new connection, as at the next sale
    contents = again.read()
    close(service, again)
    assert contents.serial == inserted.serial
    assert contents.identity is not None and contents.identity.meter_number == METER
    assert contents.credit == written and contents.credit_pending
    saved = json.loads(inserted.state.read_text())  # persisted by the card process
    assert saved["serial"].upper() == inserted.serial


def test_the_cli_scripts_every_card_capability(
    virtual_card: Any, key_file: Path, run_starpos: Any, training_installation: None
) -> None:
    virtual_card()
    key = ("--key-file", str(key_file), "--reader", READER_0, "--json")
    readers = json.loads(run_starpos("card", "readers", "--json").stdout)
    assert {"reader": READER_0, "card": True} in readers
    bound = run_starpos("card", "bind", "--meter", METER, "--sgc", "123456", *key)
    assert bound.returncode == 0, bound.stderr
    credit = run_starpos("card", "credit", "--meter", METER, "--kwh", "12.5", *key)
    assert credit.returncode == 0, credit.stderr
    written = json.loads(credit.stdout)
    assert written["training"] is True and written["credit"]["energy_kwh"] == "12.5"
    read = json.loads(run_starpos("card", "read", *key).stdout)
    assert read["identity"]["meter_number"] == METER and read["credit_pending"] is True
    assert read["credit"]["sequence"] == 1
    # Blanking is a recorded business action: the store's operator (STAR) may.
    refused = run_starpos("card", "blank", *key)
    assert refused.returncode == 2
    assert "has not loaded" in refused.stderr  # it carries unloaded credit
    assert run_starpos("card", "blank", "--discard-credit", *key).returncode == 0
    assert json.loads(run_starpos("card", "read", *key).stdout)["identity"] is None


def test_two_readers_with_two_cards_at_once(virtual_card: Any, key_file: Path) -> None:
    first = virtual_card(reader=READER_0)
    second = virtual_card(reader=READER_1)
    issue(key_file, READER_0, "11111111111")
    issue(key_file, READER_1, "22222222222")
    service = PcscReaders()
    key = load_master_key(key_file)
    one = SunCard(service.connect(READER_0), key)
    two = SunCard(service.connect(READER_1), key)
    # interleave the two cards' APDUs on one PC/SC context
    one.write_credit(Decimal("1.0"), vend_id="A", created_at=NOW, meter_number="11111111111")
    two.write_credit(Decimal("2.0"), vend_id="B", created_at=NOW, meter_number="22222222222")
    read_one, read_two = one.read(), two.read()
    assert (read_one.serial, read_two.serial) == (first.serial, second.serial)
    assert read_one.credit is not None and read_one.credit.energy_kwh == Decimal("1.0")
    assert read_two.credit is not None and read_two.credit.energy_kwh == Decimal("2.0")
    close(service, one)
    two.channel.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize("tear_at", [1, 2, 3])
@pytest.mark.parametrize("keep", [0, 1, 30])
def test_card_pulled_out_during_a_credit_write(
    virtual_card: Any, key_file: Path, tear_at: int, keep: int
) -> None:
    """A credit write is 3 UPDATE BINARYs (uncommit, body, commit); before it, the bind
    takes 4 (its body is 2 chunks) and the first credit 3. The card drops out in the middle
    of the chosen UPDATE, keeping ``keep`` of its bytes."""
    card_process: VirtualCardProcess = virtual_card(
        "--tear-at", str(4 + 3 + tear_at), "--tear-keep", str(keep)
    )
    issue(key_file)
    service, card = open_card(key_file)
    old = card.write_credit(Decimal("10.0"), vend_id="S-1", created_at=NOW)
    with pytest.raises(E.CardRemovedError) as caught:
        card.write_credit(Decimal("5.0"), vend_id="S-2", created_at=NOW, carry_pending=True)
    assert caught.value.params["pcsc"] in ("0x80100016", "0x80100069", "0x80100066")
    close(service, card)
    wait_for(lambda: not card_process.present())
    with pytest.raises(E.NoCardError):
        PcscReaders().connect(READER_0)
    card_process.insert()
    service, card = open_card(key_file)
    after = card.read().credit
    assert after == old or (after is not None and after.energy_kwh == Decimal("15.0"))
    # the card stays usable, and the purchase lands exactly once
    final = card.write_credit(Decimal("5.0"), vend_id="S-2", created_at=NOW, carry_pending=True)
    close(service, card)
    assert final.energy_kwh == (Decimal("15.0") if after == old else Decimal("20.0"))


def test_removed_card_and_empty_reader(virtual_card: Any, key_file: Path) -> None:
    card_process = virtual_card()
    issue(key_file)
    service, card = open_card(key_file)
    card_process.remove()
    with pytest.raises(E.CardRemovedError) as caught:
        card.read()
    assert caught.value.params["pcsc"] in ("0x80100069", "0x80100016")
    close(service, card)
    with pytest.raises(E.NoCardError) as empty:
        PcscReaders().connect(READER_0)
    assert empty.value.params == {"pcsc": "0x8010000C", "reader": READER_0}
    with pytest.raises(E.NoReaderError):
        PcscReaders().connect("No Such Reader 00 00")


def test_a_card_for_another_meter(virtual_card: Any, key_file: Path, run_starpos: Any) -> None:
    virtual_card()
    issue(key_file, meter="99999999999")
    result = run_starpos(
        "card", "read", "--meter", METER, "--key-file", str(key_file), "--reader", READER_0
    )
    assert result.returncode == 2
    assert "belongs to meter 99999999999, not to meter 04123456789" in result.stderr
    french = run_starpos(
        "card",
        "read",
        "--meter",
        METER,
        "--key-file",
        str(key_file),
        "--reader",
        READER_0,
        STARPOS_LANG="fr",
    )
    assert "appartient au compteur 99999999999" in french.stderr


def test_a_tampered_mac_is_refused(virtual_card: Any, key_file: Path, run_starpos: Any) -> None:
    first = virtual_card()
    issue(key_file)
    service, card = open_card(key_file)
    card.write_credit(Decimal("10.0"), vend_id="S-1", created_at=NOW)
    close(service, card)
    first.stop()
    saved = json.loads(first.state.read_text())
    credit = bytearray.fromhex(saved["files"]["5302"])
    credit[14] ^= 0x7F  # energy bits of the only credit slot written
    saved["files"]["5302"] = credit.hex()
    first.state.write_text(json.dumps(saved))
    virtual_card(state=first.state)
    result = run_starpos("card", "read", "--key-file", str(key_file), "--reader", READER_0)
    assert result.returncode == 2 and "credit data on the card failed its security" in result.stderr


def test_a_locked_card(virtual_card: Any, key_file: Path, run_starpos: Any) -> None:
    virtual_card()
    issue(key_file)
    args = ("--key-file", str(key_file), "--reader", READER_0)
    assert run_starpos("card", "lock", *args).returncode == 0
    result = run_starpos("card", "read", *args)
    assert result.returncode == 2 and "This card is locked (card answered 6283)" in result.stderr


def test_no_smart_card_service(run_starpos: Any, tmp_path: Path) -> None:
    # The client library looks for pcscd at PCSCLITE_CSOCK_NAME: point it where no daemon
    # listens, which is exactly what the library sees when pcscd is not running.
    result = run_starpos("card", "readers", PCSCLITE_CSOCK_NAME=str(tmp_path / "no-pcscd"))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "starpos: The smart card service (pcscd) is not running (0x8010001D). "
        "Start the smart card service and try again."
    )


def test_the_monitor_reports_cards_coming_and_going(virtual_card: Any, pcscd: list[str]) -> None:
    events: list[PresenceEvent] = []
    changed = threading.Event()

    def on_event(event: PresenceEvent) -> None:
        events.append(event)
        changed.set()

    monitor = CardPresenceMonitor(on_event, poll_ms=100)
    monitor.start()
    try:
        wait_for(lambda: any(e.kind == PresenceKind.READER_ADDED for e in events))
        card = virtual_card(reader=READER_1)
        wait_for(lambda: PresenceEvent(PresenceKind.CARD_INSERTED, READER_1, _atr()) in events)
        card.remove()
        wait_for(lambda: PresenceEvent(PresenceKind.CARD_REMOVED, READER_1) in events)
    finally:
        monitor.stop()
    readers = {e.reader for e in events if e.kind == PresenceKind.READER_ADDED}
    assert {READER_0, READER_1} <= readers


def _atr() -> bytes:
    from starpos.devices.card.layout import ATR

    return ATR


def test_the_reader_worker_owns_the_card_io(virtual_card: Any, key_file: Path) -> None:
    virtual_card(reader=READER_1)
    issue(key_file, READER_1)
    with CardReaderWorker(load_master_key(key_file), reader=READER_1) as worker:
        assert READER_1 in worker.list_readers()
        future = worker.submit(
            lambda card: card.write_credit(
                Decimal("3.0"), vend_id="W-1", created_at=NOW, meter_number=METER
            )
        )
        assert future.result(timeout=10).sequence == 1
        threads: list[str] = []

        def read(card: SunCard) -> Any:
            threads.append(threading.current_thread().name)
            return card.read()

        assert worker.run(read).credit_pending
        assert threads[0].startswith("card-reader")
        with pytest.raises(E.NoCardError):
            worker.run(read, reader=READER_0)  # errors come back typed

        def leak(card: SunCard) -> SunCard:
            return card

        leaked = worker.run(leak)
        with pytest.raises(RuntimeError, match="must run on card-reader"):
            leaked.read()  # PC/SC from the wrong thread fails loudly
