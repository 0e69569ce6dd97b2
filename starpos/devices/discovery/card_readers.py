"""PC/SC card readers, and reading a test card in one of them.

Through pyscard and the running pcscd, the same stack the counter uses
(:class:`~starpos.devices.card.reader.PcscReaders`). A missing service, a missing library
and an empty reader list each get their own :mod:`.problems` error.
"""

from __future__ import annotations

from dataclasses import dataclass

from starpos.devices.card import errors as card_errors
from starpos.devices.discovery.problems import (
    NoCardReaderError,
    PcscLibraryMissingError,
    PcscServiceMissingError,
)
from starpos.errors import DeviceError


@dataclass(frozen=True)
class ReaderListing:
    readers: tuple[str, ...] = ()
    problem: DeviceError | None = None


@dataclass(frozen=True)
class TestCard:
    """What a test read found: the card's ATR (hex) and, on a StarPOS card, its serial."""

    reader: str
    atr: str
    serial: str | None


def list_readers() -> ReaderListing:
    """The readers pcscd shows, or the problem that hides them."""
    try:
        from starpos.devices.card.reader import PcscReaders
    except ImportError as error:  # pyscard not installed (it is built from source)
        return ReaderListing(problem=PcscLibraryMissingError(native=str(error)))
    service = PcscReaders()
    try:
        readers = service.list_readers()
    except card_errors.CardServiceError as error:
        return ReaderListing(problem=PcscServiceMissingError(native=error.params.get("pcsc")))
    except card_errors.CardError as error:
        return ReaderListing(problem=error)
    finally:
        service.close()
    if not readers:
        native = card_errors.pcsc_code(card_errors.SCARD_E_NO_READERS_AVAILABLE)
        return ReaderListing(problem=NoCardReaderError(native=native))
    return ReaderListing(tuple(readers))


def read_test_card(reader: str) -> TestCard:
    """Connect to the card in ``reader`` and read its ATR and, if it is a StarPOS card,
    its serial. Raises the card layer's errors (no card, removed, no service ...)."""
    from starpos.devices.card.reader import PcscReaders
    from starpos.devices.card.sun_card import SunCard

    service = PcscReaders()
    try:
        try:
            connection = service.connect(reader)
        except card_errors.CardServiceError as error:
            raise PcscServiceMissingError(native=error.params.get("pcsc")) from error
        with connection:
            atr = connection.atr.hex().upper()
            # The serial sits outside the sealed records, so no card master key is needed
            # to read it; the key given only feeds a derivation that is never used here.
            try:
                serial: str | None = SunCard(connection, bytes(16)).serial
            except card_errors.NotStarposCardError:
                serial = None
        return TestCard(reader, atr, serial)
    finally:
        service.close()
