"""What a cashier is told when a device fails during a sale: first what happened to the
sale, then what to do; the technical reason only under "Show Details...".

A module, card or printer failure reaches the counter as a typed error whose message is
written for a log (it names the port, the native error, the module's command). At the
counter the first question is about the money in hand: was anything sold? So each failure
is told as a :class:`~starpos.ui.error_funnel.Problem`: the outcome ("No sale was made. Do
not take the money."), the action ("check the module's cable, then press Enter again"),
and the reason, kept for support. Which outcome follows from which error is the vend's own
contract (``starpos.vending.errors``, ``starpos.card_sales.errors``): refused and failed
vends made nothing; a vend in doubt may have, and is finished by the recovery.
"""

from __future__ import annotations

from starpos.card_sales.errors import CardVendFailedError, CardVendInDoubtError
from starpos.devices.card.errors import CardError
from starpos.devices.printer.errors import (
    PrinterCoverOpenError,
    PrinterFaultError,
    PrinterPaperOutError,
    PrinterSupportMissingError,
    PrinterWriteError,
)
from starpos.devices.sm.errors import SmRefusedError
from starpos.errors import ConfigError, DeviceError, StarposError, user_facing_types
from starpos.i18n import render_error, tr_noop
from starpos.ui.error_funnel import Problem
from starpos.ui.threading.workers import JobFailure
from starpos.ui.translator import tr
from starpos.vending.errors import (
    ModuleBusyError,
    ModuleOfflineError,
    VendFailedError,
    VendInDoubtError,
    VendRefusedError,
)

NO_SALE = tr_noop("problems", "No sale was made. Do not take the money.")
NOT_FINISHED = tr_noop(
    "problems", "The sale is not finished yet. Keep the money, and do not sell it again."
)
CARD_NOT_FINISHED = tr_noop(
    "problems",
    "The sale is not finished yet. Keep the money: do not refund it and do not sell it again.",
)
CHECK_MODULE = tr_noop(
    "problems",
    "The secure module is not connected. Check its cable and power, then press Enter again.",
)


def sale_refused(error: BaseException) -> bool:
    """The vend refused the sale before any device made anything (the amount is cleared)."""
    return isinstance(error, VendRefusedError) and not isinstance(
        error, ModuleOfflineError | ModuleBusyError
    )


def sale_ended_in_doubt(error: BaseException) -> bool:
    """The sale may have been made: the recovery (or the card) finishes it."""
    return isinstance(error, VendInDoubtError | CardVendInDoubtError)


def sale_problem(failure: JobFailure) -> Problem:
    """What to tell the cashier after a vend failed with ``failure``."""
    error = failure.error
    if not isinstance(error, user_facing_types()):
        return Problem("unexpected", "", "", unexpected=error, report=failure.report)
    code = str(getattr(error, "code", "error"))
    details = render_error(error)
    if isinstance(error, ModuleOfflineError):
        return Problem(code, tr("problems", NO_SALE), tr("problems", CHECK_MODULE), details)
    if isinstance(error, ModuleBusyError):
        advice = tr(
            "problems",
            "Another StarPOS program is using the secure module. Close it, then press Enter again.",
        )
        return Problem(code, tr("problems", NO_SALE), advice, details)
    if isinstance(error, VendFailedError):
        return Problem(code, tr("problems", NO_SALE), _module_refusal(error), details)
    if isinstance(error, VendInDoubtError):
        advice = tr(
            "problems",
            "The secure module stopped answering during the sale. Check its cable and power: "
            "the token shows here by itself as soon as the module answers again.",
        )
        return Problem(code, tr("problems", NOT_FINISHED), advice, details)
    if isinstance(error, CardVendFailedError):
        advice = tr(
            "problems",
            "Nothing was put on the card: it could not be written. Check that it sits right "
            "in the reader, then press Enter to sell again.",
        )
        return Problem(code, tr("problems", NO_SALE), advice, details)
    if isinstance(error, CardVendInDoubtError):
        advice = tr(
            "problems",
            "The card was interrupted while the credit was written. Insert the same card "
            "again: the sale is completed or cancelled from what the card holds.",
        )
        return Problem(code, tr("problems", CARD_NOT_FINISHED), advice, details)
    if isinstance(error, CardError):
        advice = tr(
            "problems",
            "The card reader could not reach the card. Check the reader's cable and that the "
            "card is in it, then press Enter again.",
        )
        return Problem(code, tr("problems", NO_SALE), advice, details)
    if isinstance(error, DeviceError):
        return Problem(code, tr("problems", NO_SALE), tr("problems", CHECK_MODULE), details)
    # A refusal (blacklisted, module credit too low, key missing ...): its own words say why
    # and what to do; nothing was sold.
    return Problem(code, tr("problems", NO_SALE), details)


def _module_refusal(error: VendFailedError) -> str:
    reason = error.params.get("reason")
    # A refusal the module explains (no credit, no key) tells the supervisor what to do; a
    # bare "refused <command> with code n" is for the details only.
    if isinstance(reason, SmRefusedError) and "command" not in reason.params:
        return render_error(reason)
    return tr(
        "problems",
        "The secure module refused to make the token. Press Enter to try again; if it is "
        "refused again, call your supervisor.",
    )


def print_problem(
    bill_number: str, error: BaseException, card_sale: bool, reprint: bool, may_reprint: bool
) -> Problem:
    """What to tell the cashier when the voucher of ``bill_number`` did not print."""
    details = render_error(error) if isinstance(error, StarposError) else str(error)
    if reprint:
        outcome = tr("problems", "The voucher of sale {bill} was not reprinted.")
    elif card_sale:
        outcome = tr(
            "problems",
            "The sale {bill} is made: the credit is on the card. Only the voucher is missing.",
        )
    else:
        outcome = tr(
            "problems",
            "The sale {bill} is made and the token is valid: hand it over (read it out, or "
            "copy it). Only the voucher is missing.",
        )
    then = (
        tr("problems", "Then print it again (Ctrl+R).")
        if may_reprint
        else tr("problems", "Then ask an operator who may reprint vouchers to print it again.")
    )
    return Problem(
        "ui.voucher_not_printed",
        outcome.format(bill=bill_number),
        f"{printer_fix(error)} {then}",
        details,
    )


def printer_fix(error: BaseException) -> str:
    """What to do about the printer, in one sentence."""
    if isinstance(error, PrinterPaperOutError):
        return tr("problems", "The printer is out of paper: load a new roll.")
    if isinstance(error, PrinterCoverOpenError):
        return tr("problems", "The printer's cover is open: close it.")
    if isinstance(error, PrinterFaultError):
        return tr(
            "problems",
            "The printer reports an error: clear it (paper jam, cutter) and switch the printer "
            "off and on.",
        )
    if isinstance(error, PrinterWriteError):
        return tr("problems", "The printer stopped while printing: the voucher may be incomplete.")
    if isinstance(error, PrinterSupportMissingError | ConfigError):
        return tr("problems", "The printer is not set up on this counter: call the installer.")
    return tr(
        "problems", "The printer is not connected: check that it is on and that its cable is in."
    )
