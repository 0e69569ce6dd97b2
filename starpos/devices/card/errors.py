"""Typed errors of the SUN card layer.

Every error keeps the native code that caused it: ``pcsc`` (the PC/SC return code as
``0x8010000C``) when the reader service said no, ``sw`` (the card's status word as
``6A82``) when the card did. Templates are translation sources (context ``errors``).
"""

from __future__ import annotations

from starpos.errors import DeviceError

# PC/SC return codes (winscard.h) the driver tells apart.
SCARD_E_NO_SERVICE = 0x8010001D
SCARD_E_SERVICE_STOPPED = 0x8010001E
SCARD_E_NO_READERS_AVAILABLE = 0x8010002E
SCARD_E_UNKNOWN_READER = 0x80100009
SCARD_E_READER_UNAVAILABLE = 0x80100017
SCARD_E_NO_SMARTCARD = 0x8010000C
SCARD_W_REMOVED_CARD = 0x80100069
SCARD_E_NOT_TRANSACTED = 0x80100016
SCARD_W_UNPOWERED_CARD = 0x80100067
SCARD_W_UNRESPONSIVE_CARD = 0x80100066
SCARD_W_RESET_CARD = 0x80100068


def pcsc_code(value: int) -> str:
    """A PC/SC return code as people look it up: ``0x8010000C``."""
    return f"0x{value & 0xFFFFFFFF:08X}"


class CardError(DeviceError):
    """The card reader or the card failed or refused."""

    code = "device.card"
    template = "The card reader reported an error ({pcsc}). Check the reader and try again."


class CardServiceError(CardError):
    code = "device.card.no_service"
    template = (
        "The smart card service (pcscd) is not running ({pcsc}). "
        "Start the smart card service and try again."
    )


class NoReaderError(CardError):
    code = "device.card.no_reader"
    template = (
        "No card reader {reader} was found ({pcsc}). "
        "Plug in the card reader or choose another one in the settings."
    )


class NoReadersError(CardError):
    code = "device.card.no_readers"
    template = "No card reader is connected ({pcsc}). Plug in the card reader and try again."


class NoCardError(CardError):
    code = "device.card.no_card"
    template = "There is no card in the reader {reader} ({pcsc}). Insert the customer's card."


class CardRemovedError(CardError):
    code = "device.card.removed"
    template = (
        "The card was removed from the reader {reader} during the operation ({pcsc}). "
        "Insert the card again and repeat the operation."
    )


class NotStarposCardError(CardError):
    code = "device.card.not_starpos"
    template = (
        "The card in the reader is not a StarPOS electricity card (card answered {sw}). "
        "Use a card issued by the utility."
    )


class CardNotIssuedError(CardError):
    code = "device.card.not_issued"
    template = "This card is blank: it is not bound to any meter. Issue the card to a meter first."


class CardAlreadyIssuedError(CardError):
    code = "device.card.already_issued"
    template = (
        "This card is already bound to meter {meter}. Blank the card before issuing it again."
    )


class WrongMeterCardError(CardError):
    code = "device.card.wrong_meter"
    template = (
        "This card belongs to meter {card_meter}, not to meter {meter}. "
        "Use the card issued for this meter."
    )


class CardMacError(CardError):
    code = "device.card.mac"
    template = (
        "The {record} data on the card failed its security check and was not accepted. "
        "The card may have been altered or belong to another utility; report it to a supervisor."
    )


class CardLockedError(CardError):
    code = "device.card.locked"
    template = (
        "This card is locked (card answered {sw}) and can no longer be used. "
        "Issue a replacement card."
    )


class CardReplacedError(CardError):
    code = "device.card.replaced"
    template = (
        "This card (issue {issue}) has been replaced by a newer card (issue {current}) "
        "and is refused. Use the newest card."
    )


class CardCommandError(CardError):
    code = "device.card.command"
    template = (
        "The card refused the command {command} (card answered {sw}). "
        "Take the card out, insert it again and retry."
    )


class CardWriteCheckError(CardError):
    code = "device.card.write_check"
    template = (
        "The card did not read back what was written to its {record} file. "
        "Insert the card again and read it before selling again."
    )


class CardMasterKeyError(CardError):
    code = "device.card.master_key"
    template = (
        "The card master key file {path} cannot be used: {reason}. "
        "Ask the installer to set up the utility card key."
    )


class CardCreditPendingError(CardError):
    code = "device.card.credit_pending"
    template = (
        "The card still carries {energy} kWh (purchase {sequence}) that the meter has not "
        "loaded yet. Ask the customer to insert the card in the meter first, or add the new "
        "purchase to it."
    )


class CardKindError(CardError):
    code = "device.card.kind"
    template = (
        "This card is not a customer card (kind: {kind}), and meters load credit only from "
        "customer cards. Sell on the customer's own card."
    )


class MeterStateError(CardError):
    code = "device.card.meter_state"
    template = (
        "The virtual meter state file {path} cannot be read: {reason}. "
        "Create the meter with 'starpos card meter --state FILE init'."
    )
