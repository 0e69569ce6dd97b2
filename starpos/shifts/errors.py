"""Why a shift action is refused; each says what to do. Translations:
``resources/translations/shifts_*.ts`` (context ``errors``)."""

from __future__ import annotations

from starpos.errors import StarposError, StorageError, VendError


class ShiftError(StarposError):
    code = "shift"
    template = "The shift action could not be completed."


class NoOpenShiftError(VendError):
    """Raised by the sale checks: a sale needs its seller's open shift (decision SHF-1)."""

    code = "shift.none_open"
    template = (
        "{operator} has no open shift on {till}. Open a shift (with its float) first, then sell."
    )


class CancelInCountedShiftError(ShiftError):
    """Raised by a token cancel: the shift that would pay its refund is counted (SHF-10)."""

    code = "shift.cancel_counted"
    template = (
        "Shift {shift} on {till} is counted and waits for its close: a refund now would leave "
        "a drawer already counted. Close the shift first, then open the next one and cancel."
    )


class CancelWithoutShiftError(ShiftError):
    """Raised by a token cancel where sales need a shift and none is open on the till: its
    refund would leave no drawer (decision SHF-14)."""

    code = "shift.cancel_no_shift"
    template = (
        "No shift is open on {till}: a refund now would leave no drawer. Open a shift (with "
        "its float) first, then cancel."
    )


class FloatLimitReachedError(VendError):
    code = "shift.float_limit"
    template = (
        "The float limit of {scope} ({limit}) is reached: {taken} taken since the last close, "
        "{net} more would pass it. A supervisor must close the shift and hand the cash over "
        "before selling again."
    )


class UnknownSalesPointError(ShiftError):
    code = "shift.unknown_sales_point"
    template = "There is no sales point {sales_point}. Check the terminal's configuration."


class UnknownOperatorCodeError(ShiftError):
    code = "shift.unknown_operator"
    template = "There is no operator {operator}."


class UnknownTerminalError(ShiftError):
    code = "shift.unknown_terminal"
    template = "There is no terminal {terminal}. Check the terminal's configuration."


class TerminalElsewhereError(ShiftError):
    """A shift's till and its sales point are one place (the sale refuses the same)."""

    code = "shift.terminal_elsewhere"
    template = (
        "Terminal {terminal} stands at sales point {terminal_sales_point}, not at "
        "{sales_point}: open the shift there, or ask an administrator to move the terminal."
    )


class ShiftAlreadyOpenError(ShiftError):
    code = "shift.already_open"
    template = "{operator} already has shift {shift} on {till} ({state}). Use it, or close it."


class UnknownShiftError(ShiftError):
    code = "shift.unknown"
    template = "There is no shift {shift}. starpos shift list shows the shifts."


class ShiftStateError(ShiftError):
    code = "shift.state"
    template = "Shift {shift} is {state}: it cannot be {action} now."


class ShiftHasPendingSalesError(ShiftError):
    code = "shift.pending_sales"
    template = (
        "Shift {shift} has {count} sale(s) still waiting for the secure module. Settle them "
        "first: starpos vend recover."
    )


class AmountNotValidError(ShiftError):
    code = "shift.amount"
    template = (
        "{amount} is not a valid amount here: give a positive amount with at most {decimals} "
        "decimals."
    )


class UnknownPaymentError(ShiftError):
    code = "shift.unknown_payment"
    template = "There is no payment method {payment}. Known: {known}."


class UnknownBankError(ShiftError):
    code = "shift.unknown_bank"
    template = "There is no bank {bank}. Known: {known}."


class NonCashChangeError(ShiftError):
    code = "shift.non_cash_change"
    template = (
        "A payment by {payment} pays exactly the charges of {due}: change is given in cash "
        "only. Take {due} by {payment}, or take the payment in cash."
    )


class ReasonRequiredError(ShiftError):
    code = "shift.reason_required"
    template = "Say why ({action}): a reason is required and goes on the record."


class DenominationNotValidError(ShiftError):
    code = "shift.denomination"
    template = (
        "{denomination} is not a note or coin of this drawer ({known}), or its count {count} "
        "is not a whole number of 0 or more."
    )


class SameOperatorCloseError(ShiftError):
    code = "shift.same_operator"
    template = (
        "{operator} counted shift {shift}, so another operator with the close permission "
        "must close it (or an administrator allows one-person closes)."
    )


class VarianceNeedsApprovalError(ShiftError):
    code = "shift.variance_approval"
    template = (
        "The count differs from the expected by {variance} (threshold {threshold}). Recount, "
        "or approve the difference with a reason."
    )


class OpenShiftsRemainError(ShiftError):
    code = "shift.day_open_shifts"
    template = (
        "The day of {sales_point} cannot be closed: {count} shift(s) are not closed yet "
        "({shifts}). Close them first."
    )


class DayAlreadyClosedError(ShiftError):
    code = "shift.day_closed"
    template = "The day {day} of {sales_point} is already closed."


class DayNotComeError(ShiftError):
    """A day is closed once it has come, by the utility's clock (decision SHF-22)."""

    code = "shift.day_not_come"
    template = (
        "The day {day} of {sales_point} has not come yet (today is {today} at the utility): "
        "a day is closed on that day or after it."
    )


class DayNotClosedError(ShiftError):
    code = "shift.day_not_closed"
    template = (
        "The day {day} of {sales_point} is not closed: only a closed day is reprinted. "
        "starpos shift days lists the days closed."
    )


class UnknownZError(ShiftError):
    code = "shift.unknown_z"
    template = "There is no Z {number} on {till}. starpos shift z --list shows them."


class ZChainBrokenError(StorageError):
    code = "shift.z_chain_broken"
    template = (
        "The Z reports have been tampered with: {count} problem(s), the first at Z {number} "
        "of {till}. Keep a copy of the database and tell the administrator; starpos shift "
        "verify --json lists every problem."
    )
