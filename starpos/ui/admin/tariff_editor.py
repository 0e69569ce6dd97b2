"""The editor of a tariff scheme (manual 2.12): a new scheme, or a new dated version of one.

Saved versions are never changed (decision BO-09): editing a scheme means giving it a new
version from a date on; a version dated in the future is the manual's backup tariff, taken
into use at its date. A new version starts as a copy of the latest one. The kind is flat,
step or time of use; what is typed is checked as it is typed, the first problem shown
under the fields (and the cursor put back there on Save), and the preview on the right
prices a sample purchase with the scheme as edited. Enter saves, Escape leaves.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from starpos import pricing
from starpos.errors import StarposError
from starpos.i18n import render_error
from starpos.masterdata.pricing_inputs import SampleSaleTerms
from starpos.ui.admin.step_editor import StepEditor
from starpos.ui.admin.tariff_inputs import InputProblem, price, qt_moment
from starpos.ui.admin.tariff_preview import TariffPreview
from starpos.ui.admin.tou_editor import TouEditor
from starpos.ui.translator import tr

FLAT, STEP, TOU = "flat", "step", "tou"
#: the code the preview names a scheme that has none yet
UNSAVED = "NEW"


class TariffEditor(QDialog):
    def __init__(
        self,
        terms: SampleSaleTerms,
        existing: pricing.Tariff | None = None,
        name: str = "",
        parent: QWidget | None = None,
        now: datetime | None = None,
    ) -> None:
        """``existing``: the scheme to give a new version (None: a new scheme). ``now``: the
        utility's wall-clock time (its time zone, a system parameter; decision BO-28), which
        dates a new scheme from today and a new version from tomorrow; None only where the
        store has no system parameters yet, and this computer's clock is all there is."""
        super().__init__(parent)
        self.setObjectName("tariffEditor")
        self.existing = existing
        self.code = QLineEdit(existing.code if existing else "")
        self.code.setObjectName("tariffCode")
        self.name = QLineEdit(name)
        self.name.setObjectName("tariffName")
        self.code.setEnabled(existing is None)
        self.name.setEnabled(existing is None)
        self.effective = QDateTimeEdit()
        self.effective.setObjectName("tariffFrom")
        self.effective.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.effective.setCalendarPopup(True)
        today = datetime.combine((now or datetime.now()).date(), time())
        self.effective.setDateTime(qt_moment(today + timedelta(days=1) if existing else today))
        self.kind = QComboBox()
        self.kind.setObjectName("tariffKind")
        for key in (FLAT, STEP, TOU):
            self.kind.addItem("", key)
        self.flat = QLineEdit()
        self.flat.setObjectName("flatPrice")
        self.steps = StepEditor()
        self.tou = TouEditor()
        flat_page = QWidget()
        self.flat_label = QLabel()
        self.flat_label.setBuddy(self.flat)
        flat_form = QFormLayout(flat_page)
        flat_form.addRow(self.flat_label, self.flat)
        self.rates = QStackedWidget()
        for page in (flat_page, self.steps, self.tou):
            self.rates.addWidget(page)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, widget in zip(
            self.labels, (self.code, self.name, self.effective, self.kind), strict=True
        ):
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.problem = QLabel()
        self.problem.setObjectName("editorProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.preview = TariffPreview(terms)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.rates, 1)
        left.addWidget(self.problem)
        left.addWidget(self.buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.preview, 2)
        # The preview comes after Save in the Tab order: typing a scheme and Enter saves it.
        QWidget.setTabOrder(self.buttons, self.preview.mode)

        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.effective.dateTimeChanged.connect(self._edited)
        self.code.textChanged.connect(self._edited)
        self.flat.textChanged.connect(self._edited)
        self.steps.changed.connect(self._edited)
        self.tou.changed.connect(self._edited)
        #: what Save hands over: (code, name, in force from, rate)
        self.values: tuple[str, str, datetime, pricing.tariffs.Rate] | None = None
        if existing is not None:
            self._show_latest(existing)
        self.retranslate_ui()
        self._kind_chosen()

    def retranslate_ui(self) -> None:
        if self.existing is None:
            self.setWindowTitle(tr("admin", "New tariff scheme"))
        else:
            self.setWindowTitle(
                tr("admin", "New version of tariff {code}").format(code=self.existing.code)
            )
        for label, text in zip(
            self.labels,
            (tr("admin", "&Code"), tr("admin", "&Name"), tr("admin", "In force &from"),
             tr("admin", "&Kind")),
            strict=True,
        ):  # fmt: skip
            label.setText(text)
        for index, text in enumerate(
            (tr("admin", "Flat price"), tr("admin", "Step tariff"), tr("admin", "Time of use"))
        ):
            self.kind.setItemText(index, text)
        self.flat_label.setText(tr("admin", "&Price per kWh"))
        self.effective.setToolTip(
            tr(
                "admin",
                "A date in the future makes a backup tariff: sales keep the price in force "
                "until then.",
            )
        )

    def _show_latest(self, existing: pricing.Tariff) -> None:
        latest = max(existing.versions, key=lambda version: version.effective_from)
        rate = latest.rate
        if isinstance(rate, pricing.FlatRate):
            self.flat.setText(str(rate.price))
            self.kind.setCurrentIndex(0)
        elif isinstance(rate, pricing.StepRate):
            self.steps.show_rate(rate)
            self.kind.setCurrentIndex(1)
        else:
            self.tou.show_scheme(rate.scheme)
            self.kind.setCurrentIndex(2)
        self.preview.set_sale_time(max(latest.effective_from, self.effective_from()))

    def effective_from(self) -> datetime:
        moment: datetime = self.effective.dateTime().toPython()  # type: ignore[assignment]
        return moment.replace(second=0, microsecond=0)

    def rate(self) -> pricing.tariffs.Rate:
        """The rate as edited; raises :class:`InputProblem` for the first bad field."""
        kind = self.kind.currentData()
        try:
            if kind == FLAT:
                return pricing.FlatRate(price(self.flat.text(), tr("admin", "Price"), self.flat))
            if kind == STEP:
                return self.steps.rate()
            return self.tou.rate()
        except InputProblem:
            raise
        except StarposError as error:  # the pricing's own check of a rule (a last guard)
            raise InputProblem(render_error(error), self.rates.currentWidget()) from error

    def tariff_as_edited(self, rate: pricing.tariffs.Rate) -> pricing.Tariff:
        """The stored versions and the edited one: what prices sales once it is saved."""
        start = self.effective_from()
        taken = self.existing is not None and any(
            version.effective_from == start for version in self.existing.versions
        )
        if taken and self.existing is not None:
            raise InputProblem(
                tr(
                    "admin",
                    "Tariff {code} already has a version from {when}; saved versions are "
                    "never changed. Choose another date and time.",
                ).format(code=self.existing.code, when=f"{start:%Y-%m-%d %H:%M}"),
                self.effective,
            )
        stored = self.existing.versions if self.existing is not None else ()
        code = (
            self.existing.code if self.existing else (self.code.text().strip().upper() or UNSAVED)
        )
        return pricing.Tariff(code, (*stored, pricing.TariffVersion(start, rate)))

    def _kind_chosen(self) -> None:
        self.rates.setCurrentIndex(max(self.kind.currentIndex(), 0))
        self._edited()

    def _edited(self) -> None:
        """Follow each key: show the first problem, or price the sample with the scheme."""
        if self.existing is None and self.preview.sale_time() < self.effective_from():
            # a new scheme prices nothing before its start: the sample follows the start
            self.preview.set_sale_time(self.effective_from())
        try:
            tariff = self.tariff_as_edited(self.rate())
        except InputProblem as problem:
            self.problem.setText(problem.message)
            self.preview.show_tariff(
                None, None, tr("admin", "The preview waits for the tariff to be complete.")
            )
            return
        self.problem.clear()
        self.preview.show_tariff(tariff, self.effective_from())

    def _check(self) -> None:
        code = self.code.text().strip()
        if self.existing is None and not code:
            self.problem.setText(tr("admin", "Give the scheme a code, such as RES-STEP."))
            self.code.setFocus()
            return
        try:
            rate = self.rate()
            self.tariff_as_edited(rate)
        except InputProblem as problem:
            self.problem.setText(problem.message)
            if problem.widget is not None:
                problem.widget.setFocus()
            return
        self.values = (code, self.name.text().strip(), self.effective_from(), rate)
        self.accept()
