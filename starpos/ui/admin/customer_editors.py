"""The boxes of the customers screen: change a customer (manual 4.1), change one of their
meters (4.2), add a meter contract (4.3). Each is a form read from the keyboard (Tab between
fields, Enter saves, Escape leaves); a date is typed YYYY-MM-DD and a date that is not one is
said in the box, with nothing sent. The store's refusals come back as the core's messages.

A box gives back only what the operator changed (``values``), so the audit entry names just
that. A meter's key data is shown, not edited: it changes with key change tokens (decision
BO-13); the box says where.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import tr_noop
from starpos.masterdata.customer_changes import CustomerCard
from starpos.masterdata.meter_changes import MeterCard
from starpos.ui.admin.charge_payment import ChargePayment
from starpos.ui.translator import tr

Input = TypeVar("Input", bound=QWidget)

DATE_HINT = "YYYY-MM-DD"

#: (field, label) of the customer box, in the order of the manual's customer card
CUSTOMER_FIELDS = (
    ("name", tr_noop("admin", "Name")),
    ("address", tr_noop("admin", "Address")),
    ("telephone", tr_noop("admin", "Telephone")),
    ("id_number", tr_noop("admin", "ID number")),
    ("customer_type", tr_noop("admin", "Customer type")),
    ("region", tr_noop("admin", "Region")),
    ("corporation", tr_noop("admin", "Corporation")),
    ("tax_reference", tr_noop("admin", "Tax registration number")),
    ("bank", tr_noop("admin", "Bank")),
    ("bank_account", tr_noop("admin", "Bank account")),
    ("registered_on", tr_noop("admin", "Register date")),
    ("remark", tr_noop("admin", "Remark")),
)
#: the customer fields chosen from a list, and whether "none" is one of the choices
CHOSEN = {"customer_type": False, "region": True, "bank": True}

METER_FIELDS = (
    ("model", tr_noop("admin", "Meter model")),
    ("tariff", tr_noop("admin", "Tariff")),
    ("install_date", tr_noop("admin", "Install date")),
    ("contract_start", tr_noop("admin", "Contract start")),
    ("contract_end", tr_noop("admin", "Contract end")),
    ("ex_factory_date", tr_noop("admin", "Ex-factory date")),
)
#: meter dates that may be left empty (no end of contract, ex-factory date unknown)
OPTIONAL_DATES = ("contract_end", "ex_factory_date")
KEY_LABELS = (
    ("sgc", "SGC"),
    ("ti", "TI"),
    ("krn", "KRN"),
    ("ken", "KEN"),
    ("key_type", tr_noop("admin", "Key type")),
    ("base_date", tr_noop("admin", "Base date")),
    ("key_register", tr_noop("admin", "Key register")),
)
KEY_NOTE = tr_noop(
    "admin",
    "Key data changes only with key change tokens: flag the meter for a key change at its "
    "next purchase (Tokens > Key change at the next purchase… at the counter, or starpos "
    "keychange flag).",
)
NOT_A_DATE = tr_noop("admin", "{field} is not a date: type it as YYYY-MM-DD.")


class _Form(QDialog):
    """A box with a form, a line for what is wrong, and Save / Cancel."""

    def __init__(self, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setObjectName("editorProblem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        self.values: dict[str, Any] = {}
        # Wide enough for an address or a remark to be read whole as it is typed.
        self.setMinimumWidth(520)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)

    def finish_layout(self) -> None:
        self.body.addWidget(self.problem)
        self.body.addWidget(self.buttons)

    def row(self, label: str, widget: Input, name: str) -> Input:
        widget.setObjectName(f"field_{name}")
        text = QLabel(tr("admin", label))
        text.setBuddy(widget)
        self.form.addRow(text, widget)
        return widget

    def read_date(self, line: QLineEdit, label: str, optional: bool) -> date | None:
        """The date typed in ``line`` (None when left empty and ``optional``); ValueError
        after saying what is wrong."""
        text = line.text().strip()
        if not text and optional:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.problem.setText(tr("admin", NOT_A_DATE).format(field=tr("admin", label)))
            line.setFocus()
            raise

    def _check(self) -> None:
        try:
            self.values = self.read()
        except ValueError:
            return
        self.accept()

    def read(self) -> dict[str, Any]:
        raise NotImplementedError


def _choices(
    codes: list[str], current: str | None, none: bool, shown: dict[str, str] | None = None
) -> QComboBox:
    """A list of ``codes`` (each shown as ``shown`` says, with its code) and ``current``."""
    combo = QComboBox()
    if none:
        combo.addItem("—", None)
    for code in codes:
        combo.addItem(f"{shown[code]} ({code})" if shown and code in shown else code, code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


class CustomerEditor(_Form):
    """Change a customer's information; ``values`` holds the fields changed."""

    def __init__(self, card: CustomerCard, parent: QWidget | None = None) -> None:
        super().__init__("customerEditor", parent)
        self.card = card
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        code = QLabel(f"<b>{card.code}</b> ({tr('admin', card.status)})")
        self.form.addRow(QLabel(tr("admin", "Code")), code)
        for name, label in CUSTOMER_FIELDS:
            value = card.values.get(name)
            widget: QLineEdit | QComboBox
            if name in CHOSEN:
                paths = card.region_paths if name == "region" else None
                widget = _choices(card.choices[name], value, CHOSEN[name], paths)
            else:
                widget = QLineEdit(_iso(value) if name == "registered_on" else value or "")
                if name == "registered_on":
                    widget.setPlaceholderText(DATE_HINT)
            self.inputs[name] = widget
            self.row(label, widget, name)
        self.finish_layout()
        self.setWindowTitle(tr("admin", "Change customer {code}").format(code=card.code))

    def read(self) -> dict[str, Any]:
        labels = dict(CUSTOMER_FIELDS)
        changed: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                value: Any = widget.currentData()
            elif name == "registered_on":
                value = self.read_date(widget, labels[name], optional=False)
            else:
                value = widget.text().strip()
            before = self.card.values.get(name)
            if value != (before if before is not None or name in CHOSEN else ""):
                changed[name] = value
        return changed


class MeterEditor(_Form):
    """Change one of a customer's meters (chosen in the box when they have several);
    ``values`` holds the fields changed, ``number`` the meter."""

    def __init__(self, cards: list[MeterCard], parent: QWidget | None = None) -> None:
        super().__init__("meterEditor", parent)
        self.cards = {card.number: card for card in cards}
        owner = cards[0].customer if cards else None
        self.form.addRow(QLabel(tr("admin", "Customer")), QLabel(f"<b>{owner or '—'}</b>"))
        self.meter = self.row(tr_noop("admin", "Meter"), QComboBox(), "meter")
        for number in self.cards:
            self.meter.addItem(number, number)
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        for name, label in METER_FIELDS:
            widget: QLineEdit | QComboBox = (
                QComboBox() if name in ("model", "tariff") else QLineEdit()
            )
            if isinstance(widget, QLineEdit):
                widget.setPlaceholderText(DATE_HINT)
            self.inputs[name] = widget
            self.row(label, widget, name)
        self.key = QLabel()
        self.key.setObjectName("keyData")
        self.key.setTextFormat(Qt.TextFormat.PlainText)
        self.key.setWordWrap(True)
        self.key_note = QLabel(tr("admin", KEY_NOTE))
        self.key_note.setWordWrap(True)
        self.form.addRow(QLabel(tr("admin", "Key data")), self.key)
        self.body.addWidget(self.key_note)
        self.finish_layout()
        self.meter.currentIndexChanged.connect(lambda _row: self._show(self.number))
        self._show(self.number)

    @property
    def number(self) -> str:
        return str(self.meter.currentData())

    def _show(self, number: str) -> None:
        card = self.cards[number]
        for name, widget in self.inputs.items():
            value = card.values.get(name)
            if isinstance(widget, QComboBox):
                widget.clear()
                for code in card.choices[name]:
                    widget.addItem(code, code)
                widget.setCurrentIndex(max(0, widget.findData(value)))
            else:
                widget.setText(_iso(value))
        shown = {name: "—" if value is None else str(value) for name, value in card.key.items()}
        self.key.setText(
            "   ".join(f"{tr('admin', label)} {shown.get(name, '—')}" for name, label in KEY_LABELS)
        )
        self.problem.clear()
        self.setWindowTitle(tr("admin", "Change meter {number}").format(number=number))

    def read(self) -> dict[str, Any]:
        card, labels = self.cards[self.number], dict(METER_FIELDS)
        changed: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                value: Any = widget.currentData()
            else:
                value = self.read_date(widget, labels[name], optional=name in OPTIONAL_DATES)
            if value != card.values.get(name):
                changed[name] = value
        return changed


class AddMeterDialog(_Form):
    """Add a meter contract for ``customer``: a meter from stock (typed or scanned), its
    tariff, the install date (empty: today)."""

    def __init__(
        self,
        customer: str,
        tariffs: list[str],
        parent: QWidget | None = None,
        charge: Decimal = Decimal(0),
    ) -> None:
        super().__init__("addMeterDialog", parent)
        self.customer = customer
        self.form.addRow(QLabel(tr("admin", "Customer")), QLabel(f"<b>{customer}</b>"))
        number = self.row(tr_noop("admin", "Meter number"), QLineEdit(), "meter")
        tariff = self.row(tr_noop("admin", "Tariff"), _choices(tariffs, None, False), "tariff")
        installed = self.row(tr_noop("admin", "Install date"), QLineEdit(), "install_date")
        self.number, self.tariff, self.installed = number, tariff, installed
        self.installed.setPlaceholderText(tr("admin", "today"))
        self.payment = ChargePayment(self.form, charge, self.problem)
        self.finish_layout()
        self.setWindowTitle(tr("admin", "Add a meter for customer {code}").format(code=customer))

    def read(self) -> dict[str, Any]:
        number = self.number.text().strip()
        if not number:
            self.problem.setText(tr("admin", "Type or scan the meter number."))
            self.number.setFocus()
            raise ValueError("no meter number")
        return {
            "number": number,
            "tariff": self.tariff.currentData() or "",
            "install_date": self.read_date(self.installed, "Install date", optional=True),
            "paid": _paid(self, self.payment),
        }


def _paid(box: _Form, payment: ChargePayment) -> Decimal | None:
    """What the box says was paid; ValueError after saying what is wrong."""
    try:
        return payment.amount()
    except ValueError:
        box.problem.setText(payment.problem())
        payment.paid.setFocus()
        raise


class RegisterDialog(_Form):
    """Register a new customer with their first meter from stock (manual 3.3): name, type,
    address, telephone, ID number, the meter (typed or scanned) and its tariff, then the
    register charge of the type chosen (``charges``: each type's for one meter), the cash paid
    and the change. More meters are added afterwards (Ins on the customer)."""

    def __init__(
        self,
        types: list[str],
        tariffs: list[str],
        parent: QWidget | None = None,
        charges: dict[str, Decimal] | None = None,
    ) -> None:
        super().__init__("registerDialog", parent)
        self.charges = charges or {}
        self.name = self.row(tr_noop("admin", "Name"), QLineEdit(), "name")
        self.customer_type = self.row(
            tr_noop("admin", "Customer type"), _choices(types, None, False), "customer_type"
        )
        self.address = self.row(tr_noop("admin", "Address"), QLineEdit(), "address")
        self.telephone = self.row(tr_noop("admin", "Telephone"), QLineEdit(), "telephone")
        self.id_number = self.row(tr_noop("admin", "ID number"), QLineEdit(), "id_number")
        self.number = self.row(tr_noop("admin", "Meter number"), QLineEdit(), "meter")
        self.tariff = self.row(tr_noop("admin", "Tariff"), _choices(tariffs, None, False), "tariff")
        self.payment = ChargePayment(self.form, self._charge(), self.problem)
        self.customer_type.currentIndexChanged.connect(
            lambda _index: self.payment.set_charge(self._charge())
        )
        self.finish_layout()
        self.setWindowTitle(tr("admin", "Register a customer"))
        self.name.setFocus()

    def read(self) -> dict[str, Any]:
        for line, problem in (
            (self.name, tr_noop("admin", "Type the customer's name.")),
            (self.number, tr_noop("admin", "Type or scan the meter number.")),
        ):
            if not line.text().strip():
                self.problem.setText(tr("admin", problem))
                line.setFocus()
                raise ValueError(problem)
        if not self.customer_type.currentData() or not self.tariff.currentData():
            self.problem.setText(tr("admin", "Set up a customer type and a tariff first."))
            raise ValueError("no customer type or tariff")
        return {
            "name": self.name.text().strip(),
            "customer_type": self.customer_type.currentData(),
            "address": self.address.text().strip(),
            "telephone": self.telephone.text().strip(),
            "id_number": self.id_number.text().strip(),
            "meter": "".join(self.number.text().split()),
            "tariff": self.tariff.currentData(),
            "paid": _paid(self, self.payment),
        }

    def _charge(self) -> Decimal:
        return self.charges.get(str(self.customer_type.currentData() or ""), Decimal(0))
