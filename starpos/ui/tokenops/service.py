"""The token operations as the window reaches them: which worker runs each call.

Reads and flags on the database worker; the token cancel and the replacement make a token
through the module, so they run on the module worker (one module call at a time, as the
vend); the cancel voucher and the payment change's bill on the printer worker (DESIGN.md
rule 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol, cast

from starpos.counter.token_ops import CounterTokenOps, MeterKey, SaleToCancel
from starpos.counter.views import PaymentMethod
from starpos.operators.session import OperatorSession
from starpos.settings import Settings
from starpos.tokenops.kinds import KeyTarget
from starpos.tokenops.meter_replace import Replacement, ReplacementResult
from starpos.tokenops.meter_replace_charges import ChargesDue
from starpos.tokenops.payment_change import MeterPayment, PaymentChangeAsked, PaymentChangeResult
from starpos.tokenops.tid_replacement import DueToken
from starpos.tokenops.tid_replacement import ReplacementResult as CollidedReplacement
from starpos.tokenops.token_cancel import CancelResult
from starpos.tokenops.vouchers import OperationPrinter
from starpos.ui.core_services import CounterOnWorkers
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.threading.workers import Workers, runs_on


class TokenOpsService(Protocol):
    def sales_to_cancel(self, text: str) -> list[SaleToCancel]: ...

    def cancel(self, operator: OperatorSession, bill: str, reason: str) -> CancelResult: ...

    def print_cancel(self, operator: OperatorSession, cancel_bill: str) -> int: ...

    def replacement_reasons(self) -> list[tuple[str, str]]: ...

    def replace(self, operator: OperatorSession, asked: Replacement) -> ReplacementResult: ...

    def replacement_charges(self, reason_code: str, old_meter: str) -> ChargesDue: ...

    def remainder_to_card(self, asked: Replacement) -> bool: ...

    def replace_onto_card(
        self, operator: OperatorSession, asked: Replacement
    ) -> ReplacementResult: ...

    def banks(self) -> list[tuple[str, str]]: ...

    def print_replacement(self, operator: OperatorSession, bill: str) -> int: ...

    def card_remainder(self, old_meter: str, reader: str | None) -> Decimal: ...

    def meter_key(self, number: str) -> MeterKey: ...

    def meter_payment(self, number: str) -> MeterPayment: ...

    def change_payment(
        self, operator: OperatorSession, asked: PaymentChangeAsked
    ) -> PaymentChangeResult: ...

    def print_payment_change(self, operator: OperatorSession, bill: str) -> int: ...

    def flag(self, operator: OperatorSession, number: str, target: KeyTarget) -> int: ...

    def unflag(self, operator: OperatorSession, number: str) -> list[str]: ...

    def collided_tokens(self, number: str) -> list[DueToken]: ...

    def replace_collided(
        self, operator: OperatorSession, number: str, bill: str
    ) -> CollidedReplacement: ...

    def print_collided(self, operator: OperatorSession, batch_id: str) -> int: ...


@dataclass(frozen=True)
class TokenOpsContext:
    """What a token operation dialog needs from the counter window."""

    service: TokenOpsService
    workers: Workers
    funnel: ErrorFunnel
    session: OperatorSession
    #: The counter's payment methods, a sale's, for the charges of a replacement (TOK-25).
    payment_methods: tuple[PaymentMethod, ...] = ()


class TokenOpsOnWorkers:
    """:class:`TokenOpsService` on the window's workers."""

    def __init__(self, core: CounterTokenOps) -> None:
        self.core = core

    @runs_on(Workers.DATABASE)
    def sales_to_cancel(self, text: str) -> list[SaleToCancel]:
        return self.core.sales_to_cancel(text)

    @runs_on(Workers.MODULE)
    def cancel(self, operator: OperatorSession, bill: str, reason: str) -> CancelResult:
        return self.core.cancel(operator, bill, reason)

    @runs_on(Workers.PRINTER)
    def print_cancel(self, operator: OperatorSession, cancel_bill: str) -> int:
        return self.core.print_cancel(operator, cancel_bill)

    @runs_on(Workers.DATABASE)
    def replacement_reasons(self) -> list[tuple[str, str]]:
        return self.core.replacement_reasons()

    @runs_on(Workers.MODULE)
    def replace(self, operator: OperatorSession, asked: Replacement) -> ReplacementResult:
        return self.core.replace(operator, asked)

    @runs_on(Workers.DATABASE)
    def replacement_charges(self, reason_code: str, old_meter: str) -> ChargesDue:
        return self.core.replacement_charges(reason_code, old_meter)

    @runs_on(Workers.DATABASE)
    def remainder_to_card(self, asked: Replacement) -> bool:
        return self.core.remainder_to_card(asked)

    @runs_on(Workers.CARD)
    def replace_onto_card(self, operator: OperatorSession, asked: Replacement) -> ReplacementResult:
        return self.core.replace_onto_card(operator, asked)

    @runs_on(Workers.DATABASE)
    def banks(self) -> list[tuple[str, str]]:
        return self.core.banks()

    @runs_on(Workers.PRINTER)
    def print_replacement(self, operator: OperatorSession, bill: str) -> int:
        return self.core.print_replacement(operator, bill)

    @runs_on(Workers.CARD)
    def card_remainder(self, old_meter: str, reader: str | None) -> Decimal:
        return self.core.card_remainder(old_meter, reader)

    @runs_on(Workers.DATABASE)
    def meter_key(self, number: str) -> MeterKey:
        return self.core.meter_key(number)

    @runs_on(Workers.DATABASE)
    def meter_payment(self, number: str) -> MeterPayment:
        return self.core.meter_payment(number)

    @runs_on(Workers.DATABASE)
    def change_payment(
        self, operator: OperatorSession, asked: PaymentChangeAsked
    ) -> PaymentChangeResult:
        return self.core.change_payment(operator, asked)

    @runs_on(Workers.PRINTER)
    def print_payment_change(self, operator: OperatorSession, bill: str) -> int:
        return self.core.print_payment_change(operator, bill)

    @runs_on(Workers.DATABASE)
    def flag(self, operator: OperatorSession, number: str, target: KeyTarget) -> int:
        return self.core.flag(operator, number, target)

    @runs_on(Workers.DATABASE)
    def unflag(self, operator: OperatorSession, number: str) -> list[str]:
        return self.core.unflag(operator, number)

    @runs_on(Workers.DATABASE)
    def collided_tokens(self, number: str) -> list[DueToken]:
        return self.core.collided_tokens(number)

    @runs_on(Workers.MODULE)
    def replace_collided(
        self, operator: OperatorSession, number: str, bill: str
    ) -> CollidedReplacement:
        return self.core.replace_collided(operator, number, bill)

    @runs_on(Workers.PRINTER)
    def print_collided(self, operator: OperatorSession, batch_id: str) -> int:
        return self.core.print_collided(operator, batch_id)


def tokenops_on_workers(counter: CounterOnWorkers, settings: Settings) -> TokenOpsOnWorkers:
    """The token operations of a counter (``CounterOnWorkers``): its store, module link and
    printer; the cancel's days from ``settings``, read at each cancel."""
    core = counter.core
    return TokenOpsOnWorkers(
        CounterTokenOps(
            core.database,
            core.module,
            # The counter's printer is the configured one, which lays out any template.
            cast(OperationPrinter, core.printing.printer),
            lambda: int(settings.get("token_cancel.max_days")),
            lambda: str(settings.get("card.reader")) or None,
        )
    )
