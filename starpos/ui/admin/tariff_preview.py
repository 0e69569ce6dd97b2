"""The tariff editor's preview: a sample purchase priced with the scheme as edited, before
it is saved.

The sale is priced by the pricing engine itself (``price_from_net`` or
``price_for_energy``) with the store's system rules and the chosen customer type, and shown
in the counter's own breakdown panel (``quote_from`` and :class:`BreakdownPanel`), so the
preview cannot disagree with a sale. Under it, how the energy falls into the steps (or
which index T1-T4 prices it) and which version priced it. Pricing is pure and takes a few
milliseconds, so it follows every key on the GUI thread; the store was read once, when the
editor opened.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from starpos import pricing
from starpos.counter.reads import quote_from
from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.masterdata.pricing_inputs import SampleSaleTerms
from starpos.pricing.energy import energy_by_block
from starpos.ui.admin.tariff_inputs import InputProblem, kwh, qt_moment
from starpos.ui.money import format_kwh, parse_amount
from starpos.ui.pos.breakdown_panel import BreakdownPanel
from starpos.ui.translator import tr

NET, ENERGY = "net", "energy"
#: a customer type with no VAT and no charges, when the store has none yet
NO_TYPE = ""


class TariffPreview(QGroupBox):
    def __init__(self, terms: SampleSaleTerms, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tariffPreview")
        self.terms = terms
        self.tariff: pricing.Tariff | None = None
        self.edited_from: datetime | None = None
        self.tariff_problem = ""
        #: the last sample priced (None: nothing could be priced), for tests
        self.priced: pricing.Breakdown | None = None
        self.mode = QComboBox()
        self.mode.setObjectName("previewMode")
        self.value = QLineEdit("100")
        self.value.setObjectName("previewValue")
        self.customer_type = QComboBox()
        self.customer_type.setObjectName("previewCustomerType")
        for code, (name, _rules) in terms.customer_types.items():
            self.customer_type.addItem(f"{code} — {name}", code)
        if not terms.customer_types:
            self.customer_type.addItem("—", NO_TYPE)
        self.at = QDateTimeEdit()
        self.at.setObjectName("previewAt")
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setCalendarPopup(True)
        self.earlier = QLineEdit("0")
        self.earlier.setObjectName("previewEarlier")
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        for label, widget in zip(
            self.labels, (self.mode, self.value, self.customer_type, self.at, self.earlier),
            strict=True,
        ):  # fmt: skip
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.breakdown = BreakdownPanel(terms.currency, terms.rules.currency_decimals)
        self.energy_lines = QLabel()
        self.energy_lines.setObjectName("previewEnergyLines")
        self.energy_lines.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("previewProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.breakdown)
        layout.addWidget(self.energy_lines)
        layout.addWidget(self.problem)
        layout.addStretch()
        self.mode.currentIndexChanged.connect(self.reprice)
        self.value.textChanged.connect(self.reprice)
        self.customer_type.currentIndexChanged.connect(self.reprice)
        self.at.dateTimeChanged.connect(self.reprice)
        self.earlier.textChanged.connect(self.reprice)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(tr("admin", "Preview: a sample purchase"))
        chosen = self.mode.currentIndex()
        self.mode.blockSignals(True)
        self.mode.clear()
        self.mode.addItem(tr("admin", "Net amount paid"), NET)
        self.mode.addItem(tr("admin", "Energy wanted (kWh)"), ENERGY)
        self.mode.setCurrentIndex(max(chosen, 0))
        self.mode.blockSignals(False)
        for label, text in zip(
            self.labels,
            (tr("admin", "Sample &given as"), tr("admin", "&Value"), tr("admin", "Customer t&ype"),
             tr("admin", "Sale &time"), tr("admin", "kWh &bought earlier this month")),
            strict=True,
        ):  # fmt: skip
            label.setText(text)
        self.breakdown.retranslate_ui()
        self.reprice()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a field of the sample means "price this", done as it was typed: kept here,
        # it never reaches the dialog, whose Enter would save a price change by the way.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def set_sale_time(self, when: datetime) -> None:
        self.at.setDateTime(qt_moment(when))

    def sale_time(self) -> datetime:
        moment: datetime = self.at.dateTime().toPython()  # type: ignore[assignment]
        return moment.replace(second=0, microsecond=0)

    def show_tariff(
        self, tariff: pricing.Tariff | None, edited_from: datetime | None, problem: str = ""
    ) -> None:
        """Price the sample with ``tariff`` (its stored versions and the one being edited,
        in force from ``edited_from``); ``problem``: why the edited scheme cannot price yet."""
        self.tariff, self.edited_from = tariff, edited_from
        self.tariff_problem = problem
        self.reprice()

    def reprice(self) -> None:
        self.priced = None
        if self.tariff is None:
            self._show(None, self.tariff_problem)
            return
        try:
            self._price(self.tariff)
        except InputProblem as problem:
            self._show(None, problem.message)
        except StarposError as error:
            self._show(None, render_error(error))

    def _price(self, tariff: pricing.Tariff) -> None:
        rules = self.terms.rules
        code = self.customer_type.currentData()
        kind = self.terms.customer_types[code][1] if code else pricing.CustomerTypeRules()
        earlier = kwh(
            self.earlier.text() or "0", self.labels[4].text().replace("&", ""), self.earlier
        )
        at = self.sale_time()
        sale = pricing.SaleContext(
            rules=rules,
            customer_type=kind,
            tariff=tariff,
            history=pricing.PurchaseHistory(kwh_this_month=earlier),
            at=at,
        )
        if self.mode.currentData() == ENERGY:
            wanted = kwh(self.value.text(), self.labels[1].text().replace("&", ""), self.value)
            priced = pricing.price_for_energy(wanted, sale)
        else:
            net = parse_amount(self.value.text(), rules.currency_decimals)
            priced = pricing.price_from_net(net, sale)
        self.priced = priced
        self._show(priced, self._energy_text(sale, priced))

    def _energy_text(self, sale: pricing.SaleContext, priced: pricing.Breakdown) -> str:
        version = sale.tariff.version_at(sale.at)
        lines = []
        if isinstance(version.rate, pricing.TouRate):
            index = pricing.tariff_index_at(version.rate.scheme, sale.at)
            lines.append(
                tr("admin", "T{index} is in force at the sale time: {kwh} kWh at {price}").format(
                    index=index,
                    kwh=format_kwh(priced.energy_kwh),
                    price=version.rate.scheme.prices[index - 1],
                )
            )
        else:
            for block, share in energy_by_block(
                sale.blocks(), priced.energy_kwh, sale.history.kwh_this_month
            ):
                span = (
                    tr("admin", "{start} to {end} kWh").format(
                        start=block.start_kwh, end=block.end_kwh
                    )
                    if block.end_kwh is not None
                    else tr("admin", "above {start} kWh").format(start=block.start_kwh)
                )
                lines.append(
                    tr("admin", "{span}: {kwh} kWh at {price}").format(
                        span=span, kwh=format_kwh(share), price=block.price
                    )
                )
        if priced.fbe_kwh:
            lines.append(
                tr("admin", "Free basic electricity: {kwh} kWh").format(
                    kwh=format_kwh(priced.fbe_kwh)
                )
            )
        when = f"{version.effective_from:%Y-%m-%d %H:%M}"
        if version.effective_from == self.edited_from:
            lines.append(
                tr("admin", "Priced with the version being edited, from {when}.").format(when=when)
            )
        else:
            lines.append(
                tr("admin", "Priced with the saved version from {when}.").format(when=when)
            )
        return "<br>".join(lines)

    def _show(self, priced: pricing.Breakdown | None, text: str) -> None:
        # Without a sale the counter's panel would ask for a meter: hide it, say what is missing.
        self.breakdown.setVisible(priced is not None)
        if priced is None:
            self.breakdown.show_quote(None)
            self.energy_lines.clear()
            self.problem.setText(text)
            return
        self.breakdown.show_quote(quote_from(priced))
        self.energy_lines.setText(text)
        self.problem.clear()
