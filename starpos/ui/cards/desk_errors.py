"""Refusals the card desk makes itself, before any card or database work starts.

Translated in ``resources/translations/carddesk_<lang>.ts`` (context ``errors``).
"""

from __future__ import annotations

from starpos.errors import DeviceError, VendError


class NoCardReaderHere(DeviceError):
    code = "ui.carddesk.no_reader"
    template = (
        "This counter has no card reader service set up. Ask the installer to set up the "
        "card reader, then restart StarPOS."
    )


class NoCardInReader(DeviceError):
    code = "ui.carddesk.no_card"
    template = (
        "There is no card in the reader. Insert the card, wait until it shows, then press Enter."
    )


class CardStillBeingRead(DeviceError):
    code = "ui.carddesk.still_reading"
    template = "The card is still being read. Wait until it shows, then press Enter again."


class DeskWhileVending(VendError):
    code = "ui.carddesk.vending"
    template = "A sale is in progress. Wait until it has finished, then open the card desk again."
