"""The token, large and grouped 4-4-4-4-4, with a copy action and the voucher's fate.

Next to it stay what the customer paid and the change to hand back, until the next sale
starts (the amount panel is cleared for the next customer as soon as the token shows).
A sale finished by the recovery after the module came back says so: it was made, hand
over the token.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from starpos.counter.views import VendOutcome
from starpos.ui.money import format_kwh, group_token, money_text
from starpos.ui.translator import tr
from starpos.ui.widgets.value_panel import PANEL_MARGINS

#: The token's size: read out across the counter, and five groups still fit 1024 px.
TOKEN_POINT_SIZE = 24
#: Points above the window's font for the line of a card sale.
CARD_EXTRA_PT = 3


class TokenPanel(QGroupBox):
    def __init__(self, currency: str = "", decimals: int = 2) -> None:
        super().__init__()
        self.setObjectName("tokenPanel")
        self.currency, self.decimals = currency, decimals
        self.outcome: VendOutcome | None = None
        #: the sale was finished by the recovery after the module came back
        self.recovered = False
        self.print_state = ""  # "", "printing", "printed", "reprinted", "failed"
        #: the token belongs to the previous customer: greyed so nobody reads it out again
        self.previous = False
        #: the window sells to a card: the credit goes onto it, there is no token to show
        self.card_mode = False
        self.token_label = QLabel()
        self.token_label.setObjectName("tokenText")
        self.token_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.token_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.token_font = QFont("DejaVu Sans Mono")
        self.token_font.setPointSize(TOKEN_POINT_SIZE)
        self.token_font.setBold(True)
        # A card sale has no digits to read out: its line ("Credit on card ...") is smaller.
        self.card_font = QFont(self.font())
        self.card_font.setPointSize(self.card_font.pointSize() + CARD_EXTRA_PT)
        self.card_font.setBold(True)
        self.token_label.setFont(self.token_font)
        # Never wider than the panel lets it be (a card sale's line is longer than a token).
        self.token_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details = QLabel()
        self.details.setObjectName("tokenDetails")
        self.details.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details.setWordWrap(True)
        self.payment = QLabel()
        self.payment.setObjectName("tokenPayment")
        self.payment.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.payment.setWordWrap(True)
        strong = self.payment.font()
        strong.setBold(True)
        strong.setPointSize(strong.pointSize() + 2)
        self.payment.setFont(strong)
        self.voucher_state = QLabel()
        self.voucher_state.setObjectName("voucherState")
        self.voucher_state.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.voucher_state.setWordWrap(True)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyToken")
        self.copy_button.clicked.connect(self.copy_token)
        self.copy_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.voucher_state, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.setContentsMargins(*PANEL_MARGINS)
        layout.addWidget(self.token_label)
        layout.addWidget(self.details)
        layout.addWidget(self.payment)
        layout.addLayout(row)
        self.retranslate_ui()

    def show_outcome(self, outcome: VendOutcome, recovered: bool = False) -> None:
        self.outcome = outcome
        self.recovered = recovered
        self.previous = False
        self.print_state = "printing"
        self.copy_button.setEnabled(not outcome.card_serial)
        self._show_medium()
        self._fill()

    def set_card_mode(self, card_mode: bool) -> None:
        self.card_mode = card_mode
        self._show_medium()
        self._fill()

    def _show_medium(self) -> None:
        """A token (big digits, a copy button) or a card sale (a line, nothing to copy)."""
        card = self.card_mode if self.outcome is None else bool(self.outcome.card_serial)
        self.token_label.setFont(self.card_font if card else self.token_font)
        self.copy_button.setVisible(not card)

    def mark_previous(self, previous: bool) -> None:
        self.previous = previous
        self._fill()

    def set_print_state(self, state: str) -> None:
        self.print_state = state
        self._fill()

    def show_print_state(self, bill_number: str, state: str) -> None:
        """The voucher of ``bill_number`` is printing, printed or failed: shown when it is
        the sale on screen."""
        if self.outcome is not None and self.outcome.bill_number == bill_number:
            self.set_print_state(state)

    def meter_confirmed(self, digits: str) -> None:
        """Another meter number is on screen: the token shown is the previous sale's."""
        self.mark_previous(self.outcome is not None and self.outcome.meter_number != digits)

    def copy_token(self) -> None:
        if self.outcome is not None:
            QGuiApplication.clipboard().setText(self.outcome.token)

    def retranslate_ui(self) -> None:
        self.setTitle(tr("pos", "Token"))
        self.copy_button.setText(tr("pos", "Copy token (Ctrl+Shift+C)"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fill(self) -> None:
        outcome = self.outcome
        if outcome is None:
            self.token_label.setText("–––– –––– –––– –––– ––––")
            self.details.setText(
                tr("pos", "The vend writes the credit onto the card in the reader.")
                if self.card_mode
                else tr("pos", "The token appears here after the vend.")
            )
            self.voucher_state.clear()
            self.payment.clear()
            return
        if outcome.card_serial:  # a card sale: the credit is on the card, there is no token
            self.token_label.setText(
                tr("pos", "Credit on card {serial}").format(serial=outcome.card_serial)
            )
        else:
            self.token_label.setText(group_token(outcome.token))
        self.token_label.setStyleSheet("color: #9e9e9e;" if self.previous else "")
        self.setTitle(tr("pos", "Previous sale") if self.previous else tr("pos", "Token"))
        details = tr("pos", "Bill {bill} · meter {meter} · {name} · {kwh} kWh").format(
            bill=outcome.bill_number,
            meter=outcome.meter_number,
            name=outcome.customer_name,
            kwh=format_kwh(outcome.energy_kwh),
        )
        self.details.setText(details.replace(" kWh", "\u00a0kWh"))  # never split from its number
        self.payment.setText(
            tr("pos", "Paid {paid} · Change {change}").format(
                paid=money_text(outcome.paid, self.currency, self.decimals),
                change=money_text(outcome.change, self.currency, self.decimals),
            )
        )
        self.payment.setStyleSheet("color: #9e9e9e;" if self.previous else "")
        states = {
            "printing": ("color: #555555;", tr("pos", "Printing the voucher…")),
            "printed": ("color: #1b5e20;", tr("pos", "Voucher printed.")),
            "reprinted": ("color: #1b5e20;", tr("pos", "Voucher reprinted.")),
            "failed": (
                "color: #b00020; font-weight: bold;",
                tr("pos", "The voucher did not print. The sale is kept: reprint it (Ctrl+R)."),
            ),
        }
        style, text = states.get(self.print_state, ("", ""))
        if self.previous:
            style = "color: #9e9e9e;"  # the previous customer's, like the token
        elif self.recovered:
            style = "color: #1b5e20; font-weight: bold;"
            text = (
                tr(
                    "pos",
                    "The sale was made after all (found when the module came back): hand "
                    "over this token.",
                )
                + " "
                + text
            )
        self.voucher_state.setStyleSheet(style)
        self.voucher_state.setText(text)
