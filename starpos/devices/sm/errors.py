"""Typed errors of the secure module (driver side and emulator tooling).

Every error a module answer can cause is a subclass of :class:`SmError` with the response
code kept in ``params["response_code"]``; transport failures keep the library's native
error (``raise ... from e``) and its errno in ``params["native"]``. Templates are English
source texts translated at display time (context ``errors``, catalogs
``resources/translations/sm_*.ts``).
"""

from __future__ import annotations

from typing import ClassVar

from starpos.devices.sm.codes import ResponseCode
from starpos.errors import DeviceError


class SmError(DeviceError):
    """Root of every secure module error."""

    code = "device.sm"
    template = "The secure module did not answer as expected."
    response_code: ClassVar[int | None] = None


class SmNotConnectedError(SmError):
    code = "device.sm.not_connected"
    template = (
        "The secure module at {url} cannot be opened ({native}). Check the cable and the "
        "port setting, then try again."
    )


class SmConnectionLostError(SmError):
    code = "device.sm.connection_lost"
    template = (
        "The connection to the secure module at {url} was lost ({native}). Reconnect it; "
        "the last answer can be recovered once it is back."
    )


class SmTimeoutError(SmError):
    code = "device.sm.timeout"
    template = (
        "The secure module did not answer {command} after {tries} tries. Check that it is "
        "connected and powered, then try again."
    )


class SmProtocolError(SmError):
    code = "device.sm.protocol"
    template = (
        "The secure module sent an answer StarPOS cannot read ({reason}). Check that the "
        "port is really a secure module and that the baud rate is right."
    )


class SmKmfFileError(SmError):
    code = "device.sm.kmf_file"
    template = (
        "The key file {path} cannot be used: {reason}. Ask the key management centre for a new one."
    )


class SmCreditBlockFileError(SmError):
    code = "device.sm.credit_file"
    template = (
        "The credit update file {path} cannot be used: {reason}. Ask the utility for a new one."
    )


class SmEmulatorError(SmError):
    code = "device.sm.emulator"
    template = "The secure module emulator could not start: {reason}."


class SmRequestError(SmError):
    code = "device.sm.request"
    template = "The request to the secure module is not valid: {reason}. Correct it and try again."


class SmAmountFormatError(SmError):
    code = "device.sm.amount_format"
    template = "The amount {amount} is not a number of units with at most one decimal."


class SmMissingOptionError(SmError):
    code = "device.sm.missing_option"
    template = "This command needs the option {option}."


class SmKmcError(SmError):
    code = "device.sm.kmc"
    template = "The development KMC could not do this: {reason}."


class SmCredentialFileError(SmError):
    code = "device.sm.credential_file"
    template = (
        "The module credential file {path} cannot be used: {reason}. Restore it from the "
        "installation's backup, or pair the module again."
    )


class SmNotPairedModuleError(SmError):
    """The device answered the sign-in without proving it holds this terminal's credential."""

    code = "device.sm.not_paired_module"
    template = (
        "The device at {url} could not prove that it is the secure module paired with this "
        "terminal. Check that the port setting names your module."
    )


class SmNotTrainingModuleError(SmError):
    """A device-level command that makes credit outside a sale, aimed at a production module."""

    code = "device.sm.not_training_module"
    template = (
        "The secure module {module} is a production module. Commands that make credit outside "
        "a sale run only against an emulator in training mode; sell through StarPOS instead."
    )


class SmRefusedError(SmError):
    """The module answered with a non-zero response code."""

    code = "device.sm.refused"
    template = "The secure module refused {command} with code {response_code}."


class SmDeviceFailureError(SmRefusedError):
    code = "device.sm.device_failure"
    template = (
        "The secure module reports an internal failure (code 01). Restart it; if it persists, "
        "replace it."
    )
    response_code = ResponseCode.DEVICE_FAILURE


class SmFormatError(SmRefusedError):
    code = "device.sm.format_error"
    template = (
        "The secure module could not read the request {command} (code 02). Check the values and"
        " try again."
    )
    response_code = ResponseCode.FORMAT_ERROR


class SmCommandTimedOutError(SmRefusedError):
    code = "device.sm.command_timed_out"
    template = "The secure module timed out on {command} (code 03). Try again."
    response_code = ResponseCode.TIMED_OUT


class SmChecksumError(SmRefusedError):
    code = "device.sm.checksum"
    template = "The secure module kept receiving damaged requests (code 20). Check the cable."
    response_code = ResponseCode.CHECKSUM_ERROR


class SmInsufficientCreditError(SmRefusedError):
    code = "device.sm.insufficient_credit"
    template = (
        "The secure module has not enough credit for this (code 31). Credit the module "
        "(SM credit update) before vending again."
    )
    response_code = ResponseCode.INSUFFICIENT_CREDIT


class SmInvalidModuleIdError(SmRefusedError):
    code = "device.sm.invalid_module_id"
    template = (
        "The file is for another secure module (code 33). Use the file made for this module's id."
    )
    response_code = ResponseCode.INVALID_MODULE_ID


class SmUpdateSequenceError(SmRefusedError):
    code = "device.sm.update_sequence"
    template = (
        "The credit update block has the wrong sequence number (code 34): it was used "
        "already or is out of order. Ask for a block with the module's next sequence number."
    )
    response_code = ResponseCode.INVALID_UPDATE_SEQUENCE


class SmCreditOverflowError(SmRefusedError):
    code = "device.sm.credit_overflow"
    template = (
        "The credit update would take the module above 1,800,000 kWh (code 35). Use a smaller "
        "amount."
    )
    response_code = ResponseCode.CREDIT_OVERFLOW


class SmKeyMissingError(SmRefusedError):
    code = "device.sm.key_missing"
    template = (
        "The secure module holds no key for this meter's key register, SGC and KRN (code 40). "
        "Load the right key file."
    )
    response_code = ResponseCode.KEY_MISSING


class SmKeyExpiredError(SmRefusedError):
    code = "device.sm.key_expired"
    template = (
        "The vending key has expired (code 41). Load a new key file and change the meter's key."
    )
    response_code = ResponseCode.KEY_EXPIRED


class SmKeyNotActiveError(SmRefusedError):
    code = "device.sm.key_not_active"
    template = (
        "The vending key is not active yet (code 42). Wait for its activation date or use the "
        "current key."
    )
    response_code = ResponseCode.KEY_NOT_ACTIVE


class SmKeyNotForCreditError(SmRefusedError):
    code = "device.sm.key_not_for_credit"
    template = (
        "This key may only be used for key changes, not to vend credit (code 43). Use a vending"
        " key."
    )
    response_code = ResponseCode.KEY_NOT_FOR_CREDIT


class SmSignatureError(SmRefusedError):
    code = "device.sm.signature"
    template = (
        "The file is not signed by the trusted key management centre (code 44). Do not use it; "
        "ask for a genuine file."
    )
    response_code = ResponseCode.SIGNATURE_INVALID


class SmKeyMismatchError(SmRefusedError):
    code = "device.sm.key_mismatch"
    template = (
        "The key in that register does not match the meter's SGC or KRN (code 45). Check the "
        "meter's key data."
    )
    response_code = ResponseCode.KEY_MISMATCH


class SmAmountNotRepresentableError(SmRefusedError):
    code = "device.sm.amount_not_representable"
    template = (
        "A token cannot carry exactly this amount (code 46); the nearest amount it can carry is"
        " {carried}."
    )
    response_code = ResponseCode.AMOUNT_NOT_REPRESENTABLE


class SmAmountAboveKeyLimitError(SmRefusedError):
    code = "device.sm.amount_above_key_limit"
    template = (
        "The amount is above the credit limit of this vending key (code 47). Sell a smaller amount."
    )
    response_code = ResponseCode.AMOUNT_ABOVE_KEY_LIMIT


class SmNothingToResendError(SmRefusedError):
    code = "device.sm.nothing_to_resend"
    template = "The secure module has no earlier answer to resend (code 48)."
    response_code = ResponseCode.NOTHING_TO_RESEND


class SmTokenGenerationError(SmRefusedError):
    code = "device.sm.token_generation"
    template = "The secure module could not make the token (code 49). Check the meter data."
    response_code = ResponseCode.TOKEN_GENERATION_FAILED


class SmTokenNotValidError(SmRefusedError):
    code = "device.sm.token_not_valid"
    template = (
        "The token does not belong to this meter or is damaged (code 50). Check the digits and "
        "the meter number."
    )
    response_code = ResponseCode.TOKEN_NOT_VALID


class SmUnknownCommandError(SmRefusedError):
    code = "device.sm.unknown_command"
    template = (
        "The secure module does not know the command {command} (code 51). Update its firmware."
    )
    response_code = ResponseCode.UNKNOWN_COMMAND


class SmSessionRequiredError(SmRefusedError):
    code = "device.sm.session_required"
    template = (
        "The secure module acts only for a terminal signed in with its module credential "
        "(code 52), and {command} was sent without one. Use StarPOS on the terminal the "
        "module is paired with."
    )
    response_code = ResponseCode.SESSION_REQUIRED


class SmSignInRefusedError(SmRefusedError):
    code = "device.sm.sign_in_refused"
    template = (
        "The secure module does not accept this terminal's module credential (code 53). It is "
        "paired with another installation, or the credential file was replaced: restore the "
        "credential file from the backup, or pair the module again."
    )
    response_code = ResponseCode.SIGN_IN_FAILED


class SmNoRecordError(SmRefusedError):
    code = "device.sm.no_record"
    template = (
        "The secure module has no record of that (code 54): it was not made, or before the "
        "module kept records."
    )
    response_code = ResponseCode.NO_RECORD


class SmAuditHeadBehindError(SmRefusedError):
    code = "device.sm.audit_head_behind"
    template = (
        "The store's audit trail disagrees with the one the secure module anchored (code 55: "
        "the module holds entry {anchored_count}). The store was restored from an older copy "
        "or edited. Restore the latest backup, or bind the module again with a recorded "
        "reconciliation."
    )
    response_code = ResponseCode.AUDIT_HEAD_BEHIND


class SmNotSavedError(SmRefusedError):
    code = "device.sm.not_saved"
    template = (
        "The secure module could not save the change, so it did not make it (code 56). Its "
        "storage is full or failing: free space on the module's disk, then try again."
    )
    response_code = ResponseCode.NOT_SAVED


_BY_RESPONSE_CODE: dict[int, type[SmRefusedError]] = {
    cls.response_code: cls
    for cls in SmRefusedError.__subclasses__()
    if cls.response_code is not None
}


def error_for_response(command: str, response_code: int, **params: object) -> SmRefusedError:
    """The typed error for a module answer with a non-zero ``response_code``."""
    cls = _BY_RESPONSE_CODE.get(response_code, SmRefusedError)
    return cls(command=command, response_code=f"{response_code:02d}", **params)


def all_error_classes() -> list[type[SmError]]:
    """Every error class of this module (for the translation completeness test)."""
    found: list[type[SmError]] = []
    pending: list[type[SmError]] = [SmError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found
