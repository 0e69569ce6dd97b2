"""Why a vend is refused or could not finish: each says what is wrong and what to do.

The refusals of :func:`starpos.vending.prepare` write nothing but their audit entry. The
others name a vend that exists in the ledger (its bill number), so the cashier and the
supervisor can find it. Translations: ``resources/translations/vend_*.ts`` (context
``errors``).
"""

from __future__ import annotations

from typing import Any

from starpos.errors import VendError


def reason(error: BaseException) -> dict[str, Any]:
    """``{"reason": error, "reason_code": ...}`` params for an error caused by ``error``.

    The cause is kept as an error, so it is rendered in the reader's language together with
    the outer message (``starpos.i18n.render_error``), never translated when raised.
    """
    return {"reason": error, "reason_code": getattr(error, "code", "")}


class VendRefusedError(VendError):
    """A refusal of :func:`starpos.vending.prepare`: nothing was sold, nothing was written
    but the audit entry."""

    code = "vend.refused"
    template = "The vend was refused."


class MalformedMeterNumberError(VendRefusedError):
    code = "vend.meter_number_malformed"
    template = (
        "{number} is not a meter number: {reason}. Type the 11 or 13 digits printed on the "
        "meter, or its 18-digit PAN."
    )


class WrongCheckDigitError(VendRefusedError):
    code = "vend.wrong_check_digit"
    template = (
        "The check digit of meter number {number} is wrong, so it was mistyped. Read the "
        "number on the meter again and type it once more."
    )


class UnknownMeterRefusedError(VendRefusedError):
    code = "vend.meter_unknown"
    template = (
        "No meter {number} is registered here. Check the number on the meter, or register "
        "the customer's meter first."
    )


class MeterNotSellableError(VendRefusedError):
    code = "vend.meter_not_installed"
    template = (
        "Meter {number} is not installed for a customer, so credit cannot be sold for it. "
        "Register it to the customer first."
    )


class CustomerBlacklistedError(VendRefusedError):
    code = "vend.customer_blacklisted"
    template = (
        "Customer {customer} is on the blacklist ({remark}), so no credit may be sold to "
        "them. Send the customer to the office."
    )


class CustomerBlacklistedNoRemarkError(CustomerBlacklistedError):
    code = "vend.customer_blacklisted_no_remark"
    template = (
        "Customer {customer} is on the blacklist, so no credit may be sold to them. Send the "
        "customer to the office."
    )


class ContractCancelledError(VendRefusedError):
    code = "vend.contract_cancelled"
    template = (
        "The contract of meter {number} is cancelled, so no credit may be sold for it. "
        "The customer must sign a new contract at the office."
    )


class SalesForbiddenError(VendRefusedError):
    code = "vend.sales_point_forbidden"
    template = (
        "Sales are forbidden at sales point {sales_point}. Sell from another sales point or "
        "ask an administrator to allow sales here."
    )


class UnknownSalesPointError(VendRefusedError):
    code = "vend.sales_point_unknown"
    template = "There is no sales point {sales_point}. Check the terminal's configuration."


class OperatorMayNotVendError(VendRefusedError):
    code = "vend.operator_not_allowed"
    template = (
        "Operator {operator} may not sell credit. Ask a supervisor to sell it or to give you "
        "the right."
    )


class OperatorBlockedError(VendRefusedError):
    code = "vend.operator_blocked"
    template = (
        "Operator {operator} is not allowed to log in, so may not sell either. Ask an "
        "administrator."
    )


class TerminalElsewhereError(VendRefusedError):
    code = "vend.terminal_elsewhere"
    template = (
        "Terminal {terminal} stands at sales point {terminal_sales_point}, not at "
        "{sales_point}: sell there, or ask an administrator to move the terminal."
    )


class OperatorWrongSalesPointError(VendRefusedError):
    code = "vend.operator_wrong_sales_point"
    template = (
        "Operator {operator} may only sell at sales point {home}, not at {sales_point}. Ask "
        "an administrator to allow other sales points."
    )


class PostpaidMeterError(VendRefusedError):
    code = "vend.postpaid_meter"
    template = (
        "Meter {number} is a postpaid meter: it takes no token. Take last month's frozen "
        "amount as a bill payment instead of a vend."
    )


class CardMeterError(VendRefusedError):
    code = "vend.card_meter"
    template = (
        "Meter {number} is a smart card meter: its credit is written on the customer's card. "
        "Sell it in the cashier window with the card in the reader."
    )


class UnknownPaymentTermError(VendRefusedError):
    code = "vend.payment_unknown"
    template = "There is no active payment term {payment}. Use one of: {known}."


class TenderedTooLittleError(VendRefusedError):
    code = "vend.tendered_too_little"
    template = (
        "The customer paid {tendered}, less than the net amount {net}. Take at least the "
        "net amount."
    )


class ModuleOfflineError(VendRefusedError):
    code = "vend.module_offline"
    template = (
        "The secure module does not answer ({reason}). Check its cable and power, or the "
        "port in the settings, then try again."
    )


class ModuleBusyError(VendRefusedError):
    code = "vend.module_busy"
    template = (
        "The secure module ({module}) is in use by another StarPOS program (process {pid}), "
        "such as the counter app, which keeps it while it runs. Sell from that program, or "
        "close it and try again."
    )


class ModuleInUseError(VendRefusedError):
    """Another thread of this program uses the module now; asked by one that does not wait."""

    code = "vend.module_in_use"
    template = (
        "The secure module ({module}) is in use by a sale on this counter. It is tried again "
        "at the next sync."
    )


class ModuleCreditTooLowError(VendRefusedError):
    code = "vend.module_credit_low"
    template = (
        "The secure module has {balance} kWh of credit left, less than the {needed} kWh this "
        "sale needs. Credit the module (SM manager) or sell a smaller amount."
    )


class KeyMissingError(VendRefusedError):
    code = "vend.key_missing"
    template = (
        "The secure module has no vending key for meter {number} (supply group {sgc}, key "
        "revision {krn}, register {register}). Load the KMF file with that key first."
    )


class KeyExpiredError(VendRefusedError):
    """The vend-level refusal of a meter whose key can make no more tokens. It wraps the
    cause, kept as ``__cause__``: the token engine's
    :class:`starpos.sts.errors.KeyExpiredError` (or its TID range error) from
    :func:`starpos.vending.tids.next_tid`, or the module's
    :class:`~starpos.devices.sm.errors.SmKeyExpiredError`; it adds the meter's number for
    the cashier, and that nothing was sold."""

    code = "vend.key_expired"
    template = (
        "The vending key of meter {number} has expired (key expiry number {ken}). The meter "
        "needs a key change to a new key revision before credit can be sold."
    )


class WarnAmountNotConfirmedError(VendRefusedError):
    code = "vend.warn_amount"
    template = (
        "The net amount {net} is above the warn amount {warn}. Confirm the amount with the "
        "customer, then sell it again confirmed."
    )


class KeyChangeInProgressError(VendRefusedError):
    """The meter's key change is held by a sale still PENDING (another counter's, or one a
    crash left): only its recovery may decide it, so no second sale makes its tokens."""

    code = "vend.key_change_in_progress"
    template = (
        "Meter {number} has its key change in sale {bill}, which is not settled yet. Run the "
        "recovery of that sale's counter (starpos vend recover) and try again."
    )


class VendFailedError(VendError):
    """The module was asked and refused or failed: the vend is booked FAILED, no token."""

    code = "vend.failed"
    template = (
        "Vend {bill} failed and no token was made: {reason}. Nothing was charged to the "
        "module; take the money back or try again."
    )


class VendInDoubtError(VendError):
    """The module may have made the token but its answer was lost: the row stays PENDING
    until recovery reads the module's last answer."""

    code = "vend.in_doubt"
    template = (
        "Vend {bill} is not finished: the secure module's answer was lost ({reason}). Keep "
        "the money; run the recovery (starpos vend recover, or restart the app) when the "
        "module answers again."
    )


class TokenNotRecordedError(VendError):
    """The module made the token, but the store could not record it (issue 17, section 5):
    the row stays PENDING and the module's last answer holds the token for recovery."""

    code = "vend.token_not_recorded"
    template = (
        "Vend {bill}: the secure module made the token, but the store could not record it "
        "({reason}). It will be recovered at the next start (or starpos vend recover) once "
        "the database can be written again: keep the money, do not sell again, and free the "
        "disk or fix the data folder."
    )


class StoreNotServedError(VendRefusedError):
    """The module serves another store: this one must not sell through it unasked."""

    code = "vend.store_not_served"
    template = (
        "The secure module {module} serves another store ({other}), not this one ({store}): "
        "this store is not the one that holds the module's sales. Restore that store's backup "
        "(starpos db restore FOLDER), or, if this store replaces it for good, re-bind the "
        'module: starpos sm rebind --operator CODE --reason "..."'
    )


class ModuleHistoryUnknownError(VendRefusedError):
    """The module was never bound, and made tokens this store's ledger does not hold."""

    code = "vend.module_history_unknown"
    template = (
        "The secure module {module} made {tokens} token(s), {kwh} kWh, that this store does not "
        "hold: it is not the store that sold them. Restore the backup of the store that did "
        "(starpos db restore FOLDER), or accept the difference and bind the module here: "
        'starpos sm rebind --operator CODE --reason "..."'
    )


class RebindReasonMissingError(VendError):
    code = "vend.rebind_reason"
    template = 'Say why the module is re-bound to this store: --reason "..." (it is recorded).'


class CreditUpdateInDoubtError(VendError):
    """The credit update block was sent, but its answer was lost: the row stays PENDING."""

    code = "vend.credit_in_doubt"
    template = (
        "The credit update (sequence {sequence}) is not finished: the secure module's answer "
        "was lost ({reason}). Do not send the block again; run starpos vend recover when the "
        "module answers: it reads the module's record of the update."
    )


class CreditUpdateRefusedError(VendError):
    code = "vend.credit_refused"
    template = "The secure module refused the credit update (sequence {sequence}): {reason}."


class UnknownVendError(VendError):
    code = "vend.unknown"
    template = "There is no vend with the bill number {bill}."


class VendStateError(VendError):
    code = "vend.wrong_state"
    template = "Vend {bill} is {state}, so it cannot be {action}."


class RecoveryModuleMismatchError(VendError):
    code = "vend.recovery_other_module"
    template = (
        "{count} unfinished vend(s) were made with secure module {expected}, but module "
        "{found} is connected. Connect module {expected} and run the recovery again."
    )


class InvalidAmountTextError(VendError):
    code = "vend.amount_not_a_number"
    template = "{text} is not an amount. Type digits with a decimal point, like 25.00."
