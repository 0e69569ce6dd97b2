"""The register charge in the registration and add-meter boxes (manual 3.3 d, 4.3; decision
BO-21): what the charge is, the cash the customer hands over, and the change, worked out as
it is typed. Empty "Paid" takes exactly the charge. The core prices and refuses for real (a
payment short of the charge, no open shift); the box only reads what was typed."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from starpos.i18n import tr_noop
from starpos.ui.translator import tr

CHARGE = tr_noop("admin", "Register charge")
PAID = tr_noop("admin", "Paid")
CHANGE = tr_noop("admin", "Change")
EXACTLY = tr_noop("admin", "the charge exactly")
SHORT = tr_noop("admin", "{missing} short")
NOT_AN_AMOUNT = tr_noop("admin", "{field} is not an amount of money: type it as 20.00.")
TEXTS = (CHARGE, PAID, CHANGE, EXACTLY, SHORT, NOT_AN_AMOUNT)


class ChargePayment:
    """Three rows of a box's form: the charge, the cash paid and the change."""

    def __init__(self, form: QFormLayout, charge: Decimal, problem: QLabel) -> None:
        self.charge_label = QLabel()
        self.charge_label.setObjectName("registerCharge")
        self.paid = QLineEdit()
        self.paid.setObjectName("field_paid")
        self.paid.setPlaceholderText(tr("admin", EXACTLY))
        self.change_label = QLabel()
        self.change_label.setObjectName("registerChange")
        paid_label = QLabel(tr("admin", PAID))
        paid_label.setBuddy(self.paid)
        form.addRow(QLabel(tr("admin", CHARGE)), self.charge_label)
        form.addRow(paid_label, self.paid)
        form.addRow(QLabel(tr("admin", CHANGE)), self.change_label)
        self.paid.textChanged.connect(lambda _text: self._show())
        # What the box said about the last amount no longer holds once it is typed again.
        self.paid.textChanged.connect(lambda _text: problem.clear())
        self.set_charge(charge)

    def set_charge(self, charge: Decimal) -> None:
        self.charge = charge
        self.charge_label.setText(f"<b>{charge}</b>")
        self._show()

    def amount(self) -> Decimal | None:
        """What was typed as paid (None: nothing, the charge exactly); ValueError when it is
        not an amount of money."""
        text = self.paid.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation as error:
            raise ValueError(text) from error
        if not value.is_finite() or value < 0:
            raise ValueError(text)
        return value

    def problem(self) -> str:
        return tr("admin", NOT_AN_AMOUNT).format(field=tr("admin", PAID))

    def _show(self) -> None:
        try:
            paid = self.amount()
        except ValueError:
            self.change_label.setText("")
            return
        if paid is None:
            self.change_label.setText(str(Decimal(0).quantize(self.charge)))
        elif paid < self.charge:
            self.change_label.setText(tr("admin", SHORT).format(missing=self.charge - paid))
        else:
            self.change_label.setText(str(paid - self.charge))
