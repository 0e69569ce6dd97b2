"""The notice of card sales left in doubt, above the counter.

A card sale whose card was pulled out at the wrong moment, or whose program was stopped,
stays PENDING until a card of its meter is inserted again: only the card can say whether
the credit got onto it (docs/card-sales.md). Until then the cashier must neither sell it
again nor refund it, and should ask the customer to come back with the card. This banner
lists those sales (bill, meter, customer, energy, when, which card to bring) without
stopping the counter; it hides itself when none are left.

It asks the card service on the database worker (a plain read: the card reader stays
free) when the window opens, after every card read (the read settles what the card can
answer) and after every vend (a card vend may have just been left in doubt). An answer
older than the last question is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from starpos.counter.views import PendingCardSale
from starpos.ui.money import format_kwh
from starpos.ui.services import CardService
from starpos.ui.signals import emit
from starpos.ui.threading.latest_answer import LatestAnswer
from starpos.ui.threading.workers import JobFailure, Worker
from starpos.ui.translator import tr

#: Sales listed one by one; more are summed up in one line (the oldest come first).
SHOWN = 3

STYLE = """
#pendingCardsNotice { background: #fff3d6; border: 2px solid #c77c00; border-radius: 4px; }
#pendingCardsNotice QLabel { color: #4a3000; background: transparent; }
#pendingCardsTitle { font-weight: bold; color: #8a4b00; }
"""


class PendingCardsNotice(QFrame):
    #: the sales now listed (an empty tuple: none left, the notice is hidden)
    sales_shown = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("pendingCardsNotice")
        self.setStyleSheet(STYLE)
        self.sales: tuple[PendingCardSale, ...] = ()
        self._cards: CardService | None = None
        self._database: Worker | None = None
        self._show_failure: Callable[[JobFailure], None] | None = None
        self._latest = LatestAnswer()  # an older answer never overwrites a newer one
        self._failing = False  # the last question failed (and was shown once)
        self.title = QLabel()
        self.title.setObjectName("pendingCardsTitle")
        self.title.setWordWrap(True)
        self.rows = QLabel()
        self.rows.setObjectName("pendingCardsRows")
        self.rows.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.rows)
        self.hide()

    def follow(
        self, cards: CardService, database: Worker, show_failure: Callable[[JobFailure], None]
    ) -> None:
        """Ask ``cards`` on the ``database`` worker now and at every :meth:`refresh` (the
        window calls it after each card read and vend)."""
        self._cards, self._database, self._show_failure = cards, database, show_failure
        self.refresh()

    def refresh(self, *_: object) -> None:
        cards, database = self._cards, self._database
        if cards is None or database is None:
            return
        self._latest.ask(
            database, cards.pending_sales, on_done=self._answered, on_failed=self._failed
        )

    def _answered(self, sales: list[PendingCardSale]) -> None:
        self._failing = False
        self.show_sales(sales)

    def _failed(self, failure: JobFailure) -> None:
        if self._show_failure is None:
            return
        if not self._failing:  # one box while the store cannot answer, not one per card read
            self._failing = True
            self._show_failure(failure)

    def show_sales(self, sales: list[PendingCardSale] | tuple[PendingCardSale, ...]) -> None:
        self.sales = tuple(sales)
        self._fill()
        self.setVisible(bool(self.sales))
        emit(self.sales_shown, self.sales)

    def retranslate_ui(self) -> None:
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fill(self) -> None:
        if not self.sales:
            self.title.setText("")
            self.rows.setText("")
            return
        self.title.setText(
            tr(
                "cardnotice",
                "Card sales left unfinished: {count}. Do not sell them again and do not refund "
                "them: only the card can tell whether the credit is on it.",
            ).format(count=len(self.sales))
        )
        lines = [self._line(sale) for sale in self.sales[:SHOWN]]
        if len(self.sales) > SHOWN:
            lines.append(
                tr("cardnotice", "… and {count} more (the oldest are listed first).").format(
                    count=len(self.sales) - SHOWN
                )
            )
        self.rows.setText("\n".join(lines))

    @staticmethod
    def _line(sale: PendingCardSale) -> str:
        what = tr(
            "cardnotice", "Bill {bill} · meter {meter} · {customer} · {kwh} kWh · started {when}"
        ).format(
            bill=sale.bill_number,
            meter=sale.meter_number,
            customer=sale.customer_name,
            kwh=format_kwh(sale.energy_kwh),
            when=f"{sale.started_at:%Y-%m-%d %H:%M}",
        )
        todo = tr(
            "cardnotice",
            "Ask the customer to bring card {serial} of meter {meter}; inserting it finishes "
            "or cancels the sale.",
        ).format(serial=sale.card_serial, meter=sale.meter_number)
        return f"• {what}\n   → {todo}"
