"""Token operations at the counter (issue 16): token cancel, replace meter, payment change,
key change flags.

The window's screens call these (no Qt here); each hands the work to the core of
:mod:`starpos.tokenops` unchanged, which checks the permission again, writes, audits and
refuses with its typed errors. What this adds is what a screen shows before the operator
confirms (the sale with its charge and refund, a meter's key and flag) and the counter's
devices: the module through the counter's link, the voucher on the counter's printer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from starpos.counter.counter import MODULE_TROUBLE
from starpos.counter.module_link import ModuleLink
from starpos.db import Database
from starpos.db.column_types import utc_now
from starpos.db.enums import KeyChangeState
from starpos.db.models import (
    Bank,
    Customer,
    KeyChangeFlag,
    Meter,
    ReplacementReason,
    Vend,
    VendToken,
)
from starpos.db.parameters import to_local
from starpos.errors import StarposError
from starpos.operators.session import OperatorSession
from starpos.sts.meter_number import parse_meter_number
from starpos.tokenops import errors
from starpos.tokenops.cancel_search import find_sales, refusal_of
from starpos.tokenops.cancel_voucher import preview_cancel, print_cancel
from starpos.tokenops.key_change_flags import flag_meters, plan_flags, unflag
from starpos.tokenops.kinds import KeyTarget, NewKey
from starpos.tokenops.meter_replace import Replacement, ReplacementResult, replace_with_remainder
from starpos.tokenops.meter_replace_card import remainder_from_reader
from starpos.tokenops.meter_replace_charges import ChargesDue, charges_due
from starpos.tokenops.meter_replace_to_card import goes_onto_card, replace_onto_card_in_reader
from starpos.tokenops.meter_replace_voucher import print_replacement
from starpos.tokenops.payment_change import (
    MeterPayment,
    PaymentChangeAsked,
    PaymentChangeResult,
    change_payment,
    meter_payment,
)
from starpos.tokenops.payment_change_voucher import print_payment_change
from starpos.tokenops.targets import one_meter
from starpos.tokenops.tid_replacement import DueToken, dues_of, replace_token
from starpos.tokenops.tid_replacement import ReplacementResult as CollidedReplacement
from starpos.tokenops.token_cancel import (
    CancelResult,
    SaleQuery,
    cancel_charge,
    cancel_token,
)
from starpos.tokenops.vouchers import OperationPrinter, print_operation


@dataclass(frozen=True)
class SaleToCancel:
    """The sale as the supervisor checks it before cancelling: what it took and what the
    customer would get back (the charge of the customer's type taken off)."""

    bill: str
    meter: str
    customer: str
    sold_at: str
    state: str
    amount: Decimal
    energy_kwh: Decimal
    token: str
    charge: Decimal
    refund: Decimal
    #: why it cannot be cancelled now (a later token, too old, cancelled), None: it can
    refusal: StarposError | None = None


@dataclass(frozen=True)
class MeterKey:
    """A meter's key as the store holds it, and its key change waiting (if any)."""

    meter: str
    customer: str
    key: str
    flag_state: str | None
    flag_key: str | None


#: Failures on the way to or from the module, as for a sale, and a token operation left in
#: doubt: the module's connection is opened afresh on the next call.
_MODULE_TROUBLE: tuple[type[StarposError], ...] = (
    *MODULE_TROUBLE,
    errors.OperationInDoubtError,
)


class CounterTokenOps:
    def __init__(
        self,
        database: Database,
        module: ModuleLink,
        printer: OperationPrinter,
        cancel_days: Callable[[], int],
        card_reader: Callable[[], str | None] = lambda: None,
    ) -> None:
        """``cancel_days()``: how many days after its sale a token may be cancelled (the
        setting ``token_cancel.max_days``, read at each cancel); ``card_reader()``: the
        counter's card reader (the setting ``card.reader``; None: the only one there is)."""
        self.database, self.module, self.printer = database, module, printer
        self._cancel_days = cancel_days
        self._card_reader = card_reader

    # -- token cancel (manual 4.5) -----------------------------------------------------
    def sales_to_cancel(self, text: str) -> list[SaleToCancel]:
        """The sales ``text`` names (a token, a bill, or a meter's token sales, newest
        first), each with what a cancel would pay back or why it cannot be cancelled."""
        now = utc_now()
        days = self._cancel_days()
        with self.database.reading() as session:
            return [
                self._to_cancel(session, vend, refusal_of(session, vend, days, now))
                for vend in find_sales(session, text)
            ]

    @staticmethod
    def _to_cancel(
        session: Session, vend: Vend, refusal: StarposError | None = None
    ) -> SaleToCancel:
        charge = cancel_charge(session, vend)
        customer = session.get(Customer, vend.customer_id)
        token = session.scalar(
            select(VendToken.token).where(VendToken.vend_id == vend.id, VendToken.kind == "credit")
        )
        return SaleToCancel(
            bill=vend.bill_number,
            meter=vend.meter.number,
            customer=customer.name if customer is not None else "",
            sold_at=to_local(session, vend.issued_at or vend.created_at).strftime("%Y-%m-%d %H:%M"),
            state=vend.state.value,
            amount=vend.net_amount,
            energy_kwh=vend.token_kwh,
            token=token or "",
            charge=charge,
            refund=vend.net_amount - charge,
            refusal=refusal,
        )

    def cancel(self, operator: OperatorSession, bill: str, reason: str) -> CancelResult:
        """Cancel the sale ``bill`` (the zero-energy token through the module)."""
        try:
            return cancel_token(
                self.database,
                self.module.access(),
                operator,
                SaleQuery(bill=bill),
                reason,
                max_days=self._cancel_days(),
            )
        except _MODULE_TROUBLE:
            self.module.drop()  # reconnect next time, as after a sale's module failure
            raise

    def print_cancel(self, operator: OperatorSession, cancel_bill: str) -> int:
        return print_cancel(self.database, self.printer, operator, cancel_bill)

    def preview_cancel(self, cancel_bill: str) -> bytes:
        import io

        buffer = io.BytesIO()
        preview_cancel(self.database, self.printer, cancel_bill).save(buffer, format="PNG")
        return buffer.getvalue()

    # -- replace meter (manual 4.6) ----------------------------------------------------
    def replacement_reasons(self) -> list[tuple[str, str]]:
        """(code, name) of every replacement reason, by code."""
        with self.database.reading() as session:
            rows = session.execute(
                select(ReplacementReason.code, ReplacementReason.name).order_by(
                    ReplacementReason.code
                )
            ).all()
        return [(row.code, row.name) for row in rows]

    def replace(self, operator: OperatorSession, asked: Replacement) -> ReplacementResult:
        try:
            return replace_with_remainder(self.database, self.module.access(), operator, asked)
        except _MODULE_TROUBLE:
            self.module.drop()
            raise

    def remainder_to_card(self, asked: Replacement) -> bool:
        """Whether the remainder goes onto a card (a card meter's, TOK-29): the dialog then
        asks the card reader's worker, not the module's."""
        return goes_onto_card(self.database, asked)

    def replace_onto_card(self, operator: OperatorSession, asked: Replacement) -> ReplacementResult:
        """The replacement with its remainder onto the card in the counter's reader."""
        return replace_onto_card_in_reader(self.database, operator, asked, self._card_reader())

    def banks(self) -> list[tuple[str, str]]:
        """(code, name) of every bank, by code: a cheque's or transfer's bank (TOK-30)."""
        with self.database.reading() as session:
            rows = session.execute(select(Bank.code, Bank.name).order_by(Bank.code)).all()
        return [(row.code, row.name) for row in rows]

    def replacement_charges(self, reason_code: str, old_meter: str) -> ChargesDue:
        """What replacing ``old_meter`` for the reason costs (the dialog shows it first)."""
        with self.database.reading() as session:
            return charges_due(session, reason_code, old_meter)

    def print_replacement(self, operator: OperatorSession, bill: str) -> int:
        """Print the replacement bill (REPRINT from the second print on); its print count."""
        return print_replacement(self.database, self.printer, operator, bill)

    def card_remainder(self, old_meter: str, reader: str | None) -> Decimal:
        """The remainder on the old card meter's card in ``reader`` (None: the counter's)."""
        return remainder_from_reader(self.database, old_meter, reader or self._card_reader())

    # -- payment change (manual 4.7) --------------------------------------------------
    def meter_payment(self, number: str) -> MeterPayment:
        with self.database.reading() as session:
            return meter_payment(session, number)

    def change_payment(
        self, operator: OperatorSession, asked: PaymentChangeAsked
    ) -> PaymentChangeResult:
        return change_payment(self.database, operator, asked)

    def print_payment_change(self, operator: OperatorSession, bill: str) -> int:
        """Print the change's bill (REPRINT from the second print on); its print count."""
        return print_payment_change(self.database, self.printer, operator, bill)

    # -- key change at the next purchase (docs/key-changes.md) -------------------------
    def meter_key(self, number: str) -> MeterKey:
        iain = parse_meter_number(number.strip()).iain
        with self.database.reading() as session:
            meter = session.scalars(select(Meter).where(Meter.number == iain)).first()
            if meter is None:
                raise errors.UnknownMeterRefusal(number=iain)
            customer = session.get(Customer, meter.customer_id) if meter.customer_id else None
            flag = session.scalars(
                select(KeyChangeFlag)
                .where(
                    KeyChangeFlag.meter_id == meter.id,
                    KeyChangeFlag.state.in_((KeyChangeState.FLAGGED, KeyChangeState.ISSUED)),
                )
                .order_by(KeyChangeFlag.id.desc())
            ).first()
            key = NewKey(
                int(meter.key_register or 0), meter.sgc, meter.ti, meter.krn, meter.ken,
                meter.key_type, meter.tid_base_year,
            ).text()  # fmt: skip
            flag_key = None
            if flag is not None:
                flag_key = NewKey(
                    int(flag.new_key_register), flag.new_sgc, flag.new_ti, flag.new_krn,
                    flag.new_ken, flag.new_key_type, flag.new_base_date,
                ).text()  # fmt: skip
            return MeterKey(
                iain,
                customer.name if customer is not None else "",
                key,
                flag.state.value if flag is not None else None,
                flag_key,
            )

    def flag(self, operator: OperatorSession, number: str, target: KeyTarget) -> int:
        """Flag one meter for a key change to ``target`` at its next purchase. A meter
        that cannot be flagged raises its own refusal (one meter: the reason, not a count)."""
        try:
            plan = plan_flags(self.database, operator, target, one_meter(number))
        except errors.NoMetersError as error:
            if len(error.refusals) == 1:
                raise error.refusals[0] from error
            raise
        return flag_meters(self.database, operator, plan)

    def unflag(self, operator: OperatorSession, number: str) -> list[str]:
        return unflag(self.database, operator, [parse_meter_number(number.strip()).iain])

    # -- a TID collision's replacement token (docs/sync.md, "TID collision") --------------
    def collided_tokens(self, number: str) -> list[DueToken]:
        with self.database.reading() as session:
            return dues_of(session, number.strip())

    def replace_collided(
        self, operator: OperatorSession, number: str, bill: str
    ) -> CollidedReplacement:
        """The replacement of the collided token of ``bill`` (same kWh, new TID)."""
        try:
            return replace_token(self.database, self.module.access(), operator, number, bill)
        except _MODULE_TROUBLE:
            self.module.drop()  # reconnect next time, as after a sale's module failure
            raise

    def print_collided(self, operator: OperatorSession, batch_id: str) -> int:
        return print_operation(self.database, self.printer, operator, batch_id, 1)
