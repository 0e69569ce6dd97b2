"""Why a token operation is refused or could not finish; each says what to do.

Refusals of a whole batch are raised; a meter of a batch that cannot have its token is a
:class:`MeterRefusal` listed for the operator (the batch goes on without it). Translations:
``resources/translations/tokenops_*.ts`` (context ``errors``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starpos.errors import StarposError


class TokenOperationError(StarposError):
    code = "tokenops"
    template = "The token operation could not be completed."


# -- what was asked --------------------------------------------------------------------------
class ValueMissingError(TokenOperationError):
    code = "tokenops.value_missing"
    template = "A {kind} token needs a value. Give it and try again."


class ValueOutOfRangeError(TokenOperationError):
    code = "tokenops.value_out_of_range"
    template = "{value} is out of range for a {kind} token: give {minimum} to {maximum}."


class NoMetersError(TokenOperationError):
    code = "tokenops.no_meters"
    #: why each meter was left out (a screen for one meter shows its reason, not a count)
    refusals: tuple[MeterRefusal, ...] = ()

    @classmethod
    def of(cls, refused: Sequence[Any]) -> NoMetersError:
        """The error for a plan's refused meters (each with its ``refusal``)."""
        error = cls(refused=len(refused))
        error.refusals = tuple(meter.refusal for meter in refused)
        return error

    template = (
        "No meter is left to make a token for ({refused} refused). Check the list of meters "
        "and why each was refused."
    )


class MeterSourceError(TokenOperationError):
    code = "tokenops.meter_source"
    template = "The list of meters {source} could not be read: {reason}."


class MeterRangeError(TokenOperationError):
    code = "tokenops.meter_range"
    template = (
        "{first} to {last} is not a range of meter numbers: both ends must have the same "
        "length and the first must not come after the last."
    )


class BatchTooLargeError(TokenOperationError):
    code = "tokenops.batch_too_large"
    template = "{count} meters is more than one batch takes ({maximum}). Split the list."


class UnknownBatchError(TokenOperationError):
    code = "tokenops.unknown_batch"
    template = "There is no token batch {batch}. starpos engineering list shows the batches."


class UnknownOperationError(TokenOperationError):
    code = "tokenops.unknown_operation"
    template = (
        "Batch {batch} has no meter at position {position}. starpos engineering show "
        "{batch} lists its meters."
    )


class NotIssuedError(TokenOperationError):
    code = "tokenops.not_issued"
    template = (
        "The token for meter {meter} (batch {batch}, position {position}) is {state}, so "
        "there is nothing to print yet."
    )


class ModuleCreditTooLowError(TokenOperationError):
    code = "tokenops.module_credit_too_low"
    template = (
        "The secure module has {balance} kWh of credit, but the free credit of batch {batch} "
        "needs {needed} kWh; nothing was made. Credit the module, then go on with starpos "
        "engineering resume {batch}."
    )


class OperationInDoubtError(TokenOperationError):
    code = "tokenops.in_doubt"
    template = (
        "The secure module did not answer for meter {meter} (batch {batch}): {reason}. The "
        "token may have been made; it is kept as pending and settled when the module is back "
        "(starpos engineering recover), then the batch can go on (starpos engineering resume "
        "{batch})."
    )


# -- one meter of a batch --------------------------------------------------------------------
class MeterRefusal(TokenOperationError):
    """One meter of the list cannot have the token; the batch goes on without it."""

    code = "tokenops.meter_refused"
    template = "Meter {number} cannot have this token."


class NotAMeterNumberRefusal(MeterRefusal):
    code = "tokenops.not_a_meter_number"
    template = "{number} is not a meter number: {reason}"


class UnknownMeterRefusal(MeterRefusal):
    code = "tokenops.unknown_meter"
    template = "No meter {number} is registered here."


class DuplicateMeterRefusal(MeterRefusal):
    code = "tokenops.duplicate_meter"
    template = "Meter {number} is in the list more than once; it gets one token."


class CardMeterRefusal(MeterRefusal):
    code = "tokenops.card_meter"
    template = "Meter {number} takes its credit by card, not by typed tokens."


class NoKeyRegisterRefusal(MeterRefusal):
    code = "tokenops.no_key_register"
    template = (
        "Meter {number} has no key register of the secure module (SGC {sgc}, KRN {krn}). "
        "Set its key data first."
    )


class KeyMissingRefusal(MeterRefusal):
    code = "tokenops.key_missing"
    template = (
        "The secure module holds no key for meter {number} (register {register}, SGC "
        "{sgc}, KRN {krn}). Load the key file (KMF) with that key first."
    )


class KeyExpiredRefusal(MeterRefusal):
    code = "tokenops.key_expired"
    template = (
        "The key of meter {number} has expired (KEN {ken}): it needs a decoder key change first."
    )


class SameKeyRefusal(MeterRefusal):
    code = "tokenops.same_key"
    template = "Meter {number} is already on this key and tariff index: nothing to change."


class BaseDateBackwardsRefusal(MeterRefusal):
    code = "tokenops.base_date_backwards"
    template = (
        "Meter {number} counts from base date {current}; a key change cannot take it back "
        "to {asked}."
    )


class ManufacturerCodeRefusal(MeterRefusal):
    code = "tokenops.control_too_large"
    template = (
        "Meter {number} has a {digits}-digit manufacturer code, so its test control is at "
        "most {maximum}."
    )


# -- key changes at the next purchase (docs/key-changes.md) ----------------------------------
class AlreadyFlaggedRefusal(MeterRefusal):
    code = "tokenops.already_flagged"
    template = (
        "Meter {number} is already flagged for a key change at its next purchase. Unflag it "
        "first to choose another key."
    )


class NotFlaggedError(TokenOperationError):
    code = "tokenops.not_flagged"
    template = (
        "Meter {number} has no key change waiting that can be withdrawn (never flagged, or its "
        "key change tokens are being made or already made)."
    )


# -- token cancel (manual 4.5, docs/token-cancel.md) -----------------------------------------
class SaleNotFoundError(TokenOperationError):
    code = "tokenops.sale_not_found"
    template = "No token sale was found for {by}. Check the token, bill number or meter number."


class SaleNotCancellableError(TokenOperationError):
    code = "tokenops.sale_not_cancellable"
    template = (
        "Sale {bill} cannot be cancelled: it is {state}. Only an issued token sale can be "
        "cancelled, once."
    )


class CancelTooLateError(TokenOperationError):
    code = "tokenops.cancel_too_late"
    template = (
        "Sale {bill} is older than {days} days: its token can no longer be cancelled here. "
        "Ask the administrator."
    )


class LaterTokenError(TokenOperationError):
    code = "tokenops.later_token"
    template = (
        "Sale {bill} cannot be cancelled: meter {meter} has had a later token since, so the "
        "cancelled token may already be in the meter."
    )


class CancelReasonMissingError(TokenOperationError):
    code = "tokenops.cancel_reason_missing"
    template = "Give the reason for cancelling the token."


class OldMeterConditionError(TokenOperationError):
    code = "tokenops.old_meter_condition"
    template = (
        "A replaced meter goes back to stock as scrap or for maintenance, not as {condition}."
    )


# -- payment change (manual 4.7) -------------------------------------------------------------
class SamePaymentModeError(TokenOperationError):
    code = "tokenops.same_payment_mode"
    template = "Meter {meter} is already {mode}. Choose the other pay type."


class PaymentChangeMeterError(TokenOperationError):
    code = "tokenops.payment_change_meter"
    template = (
        "Meter {meter} is not installed at a customer under a live contract: its pay type "
        "cannot change. Register it to the customer first."
    )


class CardPaymentChangeError(TokenOperationError):
    code = "tokenops.card_payment_change"
    template = (
        "Meter {meter} is a smart card meter: its pay type is written on its card by the "
        "card system, not changed here."
    )


class PaymentAmountError(TokenOperationError):
    code = "tokenops.payment_amount"
    template = (
        "{amount} is not an amount of money: give 0 or more with at most {decimals} decimals."
    )


class PaymentAmountNotApplicableError(TokenOperationError):
    code = "tokenops.payment_amount_not_applicable"
    template = (
        "A receivable amount belongs to a change to prepaid, a remain amount to a change to "
        "postpaid: leave the other at 0."
    )


class UnknownPaymentChangeError(TokenOperationError):
    code = "tokenops.unknown_payment_change"
    template = "No payment change has the bill number {bill}. Check the number on the bill."


# -- replace meter (manual 4.6) --------------------------------------------------------------
class ReplacementPaidTooLittleError(TokenOperationError):
    code = "tokenops.replacement_paid_too_little"
    template = (
        "{paid} does not pay the replacement charges of {due}. Take at least {due} from the "
        "customer."
    )


class UnknownReplacementError(TokenOperationError):
    code = "tokenops.unknown_replacement"
    template = "No meter replacement has the bill number {bill}. Check the number on the bill."


# -- a token that collided with another counter's TID (SYN-51) -------------------------------
class NoReplacementDueError(TokenOperationError):
    code = "tokenops.no_replacement_due"
    template = (
        "Meter {meter} has no token waiting for a replacement from bill {bill}. The head "
        "office lists it after both counters synced; sync and try again."
    )


class ReplacementAlreadyIssuedError(TokenOperationError):
    code = "tokenops.replacement_already_issued"
    template = (
        "The token of bill {bill} was already replaced (token operation {replacement}): "
        "reprint that voucher instead."
    )


class ReplacementOtherTerminalError(TokenOperationError):
    code = "tokenops.replacement_other_terminal"
    template = (
        "Bill {bill} was sold at terminal {terminal}: only that counter may replace its token, "
        "so it is replaced once."
    )
