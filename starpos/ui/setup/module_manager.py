"""The secure-module manager (STAR manual §4.1 d, "SM Manager"; issue 15): the module (id,
firmware, balance, update sequence, the link), its keys with the warnings ahead of expiry
(STS202-6), its credit update history; load a KMF file and credit the module
(Replace / Add / Decrease) with what changes shown first.

Every module action runs on the module worker through
:class:`starpos.bootstrap.setup.InstallerSetup`, under the vend's lock, as ``starpos sm``
does; the window only shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from starpos.i18n import tr_noop
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.models.module_tables import history_table, key_table
from starpos.ui.money import format_kwh
from starpos.ui.setup.page_base import BAD_STYLE, OutcomeLabel, run_on
from starpos.ui.setup.preview_dialogs import PreviewDialog, credit_lines, kmf_lines
from starpos.ui.threading.workers import Worker
from starpos.ui.translator import tr

CONTEXT = "modulemanager"
FIELDS = ("module_id", "firmware", "balance", "sequence", "link", "key_check")
FIELD_LABELS = {
    "module_id": tr_noop(CONTEXT, "Module id:"),
    "firmware": tr_noop(CONTEXT, "Firmware:"),
    "balance": tr_noop(CONTEXT, "Balance (kWh):"),
    "sequence": tr_noop(CONTEXT, "Credit update sequence:"),
    "link": tr_noop(CONTEXT, "Link:"),
    "key_check": tr_noop(CONTEXT, "Key check value:"),
}


class ModuleManager(QDialog):
    def __init__(
        self, setup: Any, module_worker: Worker, funnel: ErrorFunnel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moduleManager")
        self._setup, self._worker, self._funnel = setup, module_worker, funnel
        self.overview: Any = None
        #: the preview shown last (tests accept or reject it)
        self.preview: PreviewDialog | None = None
        self.values = {name: QLabel("-") for name in FIELDS}
        self.labels = {name: QLabel() for name in FIELDS}
        form = QFormLayout()
        for name in FIELDS:
            self.values[name].setObjectName(f"module_{name}")
            form.addRow(self.labels[name], self.values[name])
        self.warning = QLabel()
        self.warning.setObjectName("keyWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(BAD_STYLE)
        self.keys = key_table()
        self.history = history_table()
        self.tabs = QTabWidget()
        self.key_view = self._table(self.keys, "keyTable")
        self.history_view = self._table(self.history, "creditHistory")
        self.tabs.addTab(self.key_view, "")
        self.tabs.addTab(self.history_view, "")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.kmf_button = QPushButton()
        self.kmf_button.setObjectName("loadKmf")
        self.kmf_button.clicked.connect(self._choose_kmf)
        self.credit_button = QPushButton()
        self.credit_button.setObjectName("creditModule")
        self.credit_button.clicked.connect(self._choose_credit)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        self.outcome = OutcomeLabel("managerOutcome")
        buttons = QHBoxLayout()
        for button in (self.refresh_button, self.kmf_button, self.credit_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.resize(1260, 620)
        self.retranslate_ui()

    @staticmethod
    def _table(model: Any, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        return view

    # -- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        self.outcome.working(tr(CONTEXT, "Reading the module…"))
        run_on(
            self._worker,
            self._setup.module_overview,
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=self._show,
            on_failed=self._link_down,
        )

    def _show(self, overview: Any) -> None:
        self.overview = overview
        identity, balance = overview.identity, overview.balance
        self.values["module_id"].setText(
            identity.module_id + (tr(CONTEXT, " (training)") if identity.training else "")
        )
        self.values["firmware"].setText(identity.firmware)
        self.values["balance"].setText(format_kwh(balance.balance))
        self.values["sequence"].setText(str(balance.sequence))
        self.values["key_check"].setText(identity.key_check)
        self._show_link(overview)
        self.keys.set_records(list(overview.standings))
        self.history.set_records(list(overview.history))
        self._show_warnings()
        self.outcome.working("")

    def _show_link(self, overview: Any) -> None:
        state = tr(CONTEXT, "signed in") if overview.signed_in else tr(CONTEXT, "queries only")
        self.values["link"].setText(f"{overview.url or 'embedded'} - {state}")

    def _link_down(self) -> None:
        self.values["link"].setText(tr(CONTEXT, "no answer"))

    def _show_warnings(self) -> None:
        lines = []
        for standing in self.overview.warnings if self.overview is not None else ():
            info = standing.info
            if standing.days_left < 0:
                text = tr(CONTEXT, "Key {register} (SGC {sgc}, KRN {krn}) expired on {day}.")
            else:
                text = tr(
                    CONTEXT,
                    "Key {register} (SGC {sgc}, KRN {krn}) expires on {day}: {days} day(s) "
                    "left. Ask the key management centre for its next KMF.",
                )
            lines.append(
                text.format(
                    register=f"{info.register:02d}",
                    sgc=info.sgc,
                    krn=info.krn,
                    day=standing.expires_on.isoformat(),
                    days=standing.days_left,
                )
            )
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    # -- KMF ---------------------------------------------------------------------------
    def _choose_kmf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr(CONTEXT, "Key file (KMF)"), "", tr(CONTEXT, "KMF files (*.kmf);;All (*)")
        )
        if path:
            self.load_kmf_file(Path(path))

    def load_kmf_file(self, path: Path) -> None:
        """Preview ``path`` on the worker, show it, load it if the installer applies it."""
        data = self._read(path)
        if data is None:
            return
        run_on(
            self._worker,
            self._setup.preview_kmf,
            data,
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=lambda preview: self._confirm_kmf(preview, data),
        )

    def _confirm_kmf(self, preview: Any, data: bytes) -> None:
        self.preview = PreviewDialog(tr(CONTEXT, "Load KMF"), kmf_lines(preview), self)
        self.preview.accepted.connect(lambda: self._load(data))
        self.preview.open()

    def _load(self, data: bytes) -> None:
        self.outcome.working(tr(CONTEXT, "Loading the keys…"))
        run_on(
            self._worker,
            self._setup.load_kmf,
            data,
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=self._loaded,
        )

    def _loaded(self, result: Any) -> None:
        count, key_check = result
        self.refresh()
        self.outcome.good(
            tr(CONTEXT, "{count} key(s) loaded; key check value {key_check}.").format(
                count=count, key_check=key_check
            )
        )

    # -- credit ------------------------------------------------------------------------
    def _choose_credit(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr(CONTEXT, "Credit update block"),
            "",
            tr(CONTEXT, "Credit blocks (*.smc);;All (*)"),
        )
        if path:
            self.credit_file(Path(path))

    def credit_file(self, path: Path) -> None:
        data = self._read(path)
        if data is None:
            return
        run_on(
            self._worker,
            self._setup.preview_credit,
            data,
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=lambda preview: self._confirm_credit(preview, data),
        )

    def _confirm_credit(self, preview: Any, data: bytes) -> None:
        self.preview = PreviewDialog(tr(CONTEXT, "Credit the module"), credit_lines(preview), self)
        self.preview.accepted.connect(lambda: self._credit(data))
        self.preview.open()

    def _credit(self, data: bytes) -> None:
        self.outcome.working(tr(CONTEXT, "Crediting the module…"))
        run_on(
            self._worker,
            self._setup.credit,
            data,
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=self._credited,
        )

    def _credited(self, result: Any) -> None:
        self.refresh()
        self.outcome.good(
            tr(
                CONTEXT, "Credit update {sequence} applied: {before} kWh before, {after} after."
            ).format(
                sequence=result.after.sequence,
                before=format_kwh(result.before.balance),
                after=format_kwh(result.after.balance),
            )
        )

    def _read(self, path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except OSError as error:
            self.outcome.bad(
                tr(CONTEXT, "The file {path} cannot be read: {reason}.").format(
                    path=path, reason=error.strerror or error
                )
            )
            return None

    # -- language ----------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr(CONTEXT, "Secure module manager"))
        for name, text in FIELD_LABELS.items():
            self.labels[name].setText(tr(CONTEXT, text))
        self.tabs.setTabText(0, tr(CONTEXT, "&Keys"))
        self.tabs.setTabText(1, tr(CONTEXT, "Credit &history"))
        self.refresh_button.setText(tr(CONTEXT, "&Refresh"))
        self.kmf_button.setText(tr(CONTEXT, "Load &KMF…"))
        self.credit_button.setText(tr(CONTEXT, "&Credit…"))
        self.close_button.setText(tr(CONTEXT, "Close"))
        self.keys.retranslate()
        self.history.retranslate()
        if self.overview is not None:
            # The balance in the new language's numbers (a decimal comma in French).
            self.values["balance"].setText(format_kwh(self.overview.balance.balance))
            self._show_link(self.overview)
            self._show_warnings()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
