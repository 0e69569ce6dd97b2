"""The wizard's device pages: the secure module (found on the serial ports, or the
embedded emulator for training), the printer (with a test print) and the card reader
(with a test card). Each device action runs on that device's worker; what went wrong is
said under the page's controls in the installer's words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from starpos.i18n import render_error
from starpos.ui.error_funnel import ErrorFunnel
from starpos.ui.setup.page_base import ActionButton, OutcomeLabel, SetupPage, run_on
from starpos.ui.signals import emit
from starpos.ui.threading.workers import Workers
from starpos.ui.translator import tr

CONTEXT = "setup"
VIRTUAL_PRINTER = "virtual"


class ModulePage(SetupPage):
    def __init__(self, setup: Any, workers: Workers, funnel: ErrorFunnel) -> None:
        super().__init__()
        self.setObjectName("modulePage")
        self._setup, self._workers, self._funnel = setup, workers, funnel
        self.chosen: Any = None  # the ModuleIdentity in use
        self.probes: list[Any] = []
        self.ports = QListWidget()
        self.ports.setObjectName("portList")
        self.ports.setWordWrap(True)  # a problem is a sentence: wrapped, never cut
        self.ports.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ports.itemActivated.connect(lambda _item: self._use_selected())
        self.other_port = QLineEdit()
        self.other_port.setObjectName("otherPort")
        self.other_port.setPlaceholderText("/dev/ttyUSB0")
        self.search_button = ActionButton("searchPorts", self.search)
        self.use_button = ActionButton("usePort", self._use_selected)
        self.training_button = ActionButton("useTrainingModule", self._use_training)
        self.outcome = OutcomeLabel("moduleOutcome")
        self.ports_label, self.other_label = QLabel(), QLabel()
        self.ports_label.setBuddy(self.ports)
        self.other_label.setBuddy(self.other_port)
        other = QHBoxLayout()
        other.addWidget(self.other_label)
        other.addWidget(self.other_port, 1)
        other.addWidget(self.search_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.training_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.ports_label)
        layout.addWidget(self.ports, 1)
        layout.addLayout(other)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        self.retranslate_ui()

    def initializePage(self) -> None:
        if not self.probes:
            self.search()

    def isComplete(self) -> bool:
        return self.chosen is not None

    def search(self) -> None:
        if self.search_button.busy:
            return
        self.search_button.busy = True
        self.outcome.working(tr(CONTEXT, "Trying every serial port…"))
        extra = [self.other_port.text().strip()] if self.other_port.text().strip() else []
        run_on(
            self._workers.module,
            self._setup.find_modules,
            extra,
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=self._found,
            on_failed=self._search_failed,
        )

    def _search_failed(self) -> None:
        self.search_button.busy = False

    def _found(self, probes: list[Any]) -> None:
        self.search_button.busy = False
        self.probes = probes
        self.ports.clear()
        first_module = None
        for probe in probes:
            item = QListWidgetItem(self._describe(probe))
            item.setData(Qt.ItemDataRole.UserRole, probe.port.device)
            self.ports.addItem(item)
            if probe.identity is not None and first_module is None:
                first_module = item
        if first_module is not None:
            self.ports.setCurrentItem(first_module)
            self.outcome.working(tr(CONTEXT, "Choose the module's port and press Use."))
        else:
            self.outcome.bad(tr(CONTEXT, "No secure module found. Use the training module?"))
        self.ports.setFocus()

    @staticmethod
    def _describe(probe: Any) -> str:
        if probe.identity is not None:
            identity = probe.identity
            found = tr(CONTEXT, "secure module {module_id}, firmware {firmware}, {keys} key(s)")
            what = found.format(
                module_id=identity.module_id, firmware=identity.firmware, keys=identity.key_count
            )
        else:
            what = render_error(probe.problem) if probe.problem is not None else ""
        return f"{probe.port.label}\n    {what}"

    def _use_selected(self) -> None:
        item = self.ports.currentItem()
        if item is None:
            return
        device = str(item.data(Qt.ItemDataRole.UserRole))
        self._use(self._setup.use_port, device)

    def _use_training(self) -> None:
        self._use(self._setup.use_training_module)

    def _use(self, action: Any, *args: Any) -> None:
        self.outcome.working(tr(CONTEXT, "Asking the module…"))
        run_on(
            self._workers.module,
            action,
            *args,
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=self._chose,
        )

    def _chose(self, identity: Any) -> None:
        self.chosen = identity
        text = tr(CONTEXT, "This terminal uses module {module_id} (firmware {firmware}).")
        if identity.training:
            text += " " + tr(CONTEXT, "It is a training module: its tokens are for practice.")
        self.outcome.good(text.format(module_id=identity.module_id, firmware=identity.firmware))
        emit(self.completeChanged)

    def retranslate_ui(self) -> None:
        self.setTitle(tr(CONTEXT, "Secure module"))
        self.setSubTitle(
            tr(
                CONTEXT,
                "The module shows up as a serial port (Silicon Labs CP210x USB to UART "
                "Bridge). StarPOS tries each port.",
            )
        )
        self.ports_label.setText(tr(CONTEXT, "Serial &ports:"))
        self.other_label.setText(tr(CONTEXT, "&Other port:"))
        self.search_button.setText(tr(CONTEXT, "&Search again"))
        self.use_button.setText(tr(CONTEXT, "&Use this module"))
        self.training_button.setText(tr(CONTEXT, "Use the &training module"))


class PrinterPage(SetupPage):
    def __init__(self, setup: Any, workers: Workers, funnel: ErrorFunnel) -> None:
        super().__init__()
        self.setObjectName("printerPage")
        self._setup, self._workers, self._funnel = setup, workers, funnel
        self.printed: Any = None
        self.connection = QComboBox()
        self.connection.setObjectName("printerConnection")
        self.connection.setEditable(True)
        self.paper = QComboBox()
        self.paper.setObjectName("paperWidth")
        for width in (80, 58):
            self.paper.addItem(f"{width} mm", width)
        self.profile = QLineEdit()
        self.profile.setObjectName("printerProfile")
        self.profile.setText(str(setup.settings.get("printer.profile") or "TM-T88V"))
        self.print_button = ActionButton("testPrint", self.test_print)
        self.outcome = OutcomeLabel("printerOutcome")
        self.labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        fields = (self.connection, self.paper, self.profile)
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.print_button)
        layout.addWidget(self.outcome)
        layout.addStretch()
        self.retranslate_ui()

    def initializePage(self) -> None:
        if self.connection.count() == 0:
            self.connection.addItem(VIRTUAL_PRINTER)
            run_on(
                self._workers.printer,
                self._setup.usb_printers,
                outcome=self.outcome,
                funnel=self._funnel,
                on_done=self._listed,
            )

    def _listed(self, listing: Any) -> None:
        for printer in listing.printers:
            self.connection.addItem(printer.label, printer.connection)
        if listing.problem is not None:
            self.outcome.bad(render_error(listing.problem))

    def _connection_text(self) -> str:
        index = self.connection.currentIndex()
        typed = self.connection.currentText().strip()
        if index >= 0 and self.connection.itemText(index) == typed:
            data = self.connection.itemData(index)
            return str(data) if data else typed
        return typed

    def test_print(self) -> None:
        if self.print_button.busy:
            return
        self.print_button.busy = True
        self.outcome.working(tr(CONTEXT, "Printing a test voucher…"))
        run_on(
            self._workers.printer,
            self._setup.test_print,
            self._connection_text(),
            int(self.paper.currentData()),
            self.profile.text().strip(),
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=self._printed,
            on_failed=self._print_failed,
        )

    def _print_failed(self) -> None:
        self.print_button.busy = False

    def _printed(self, result: Any) -> None:
        self.print_button.busy = False
        self.printed = result
        self.outcome.good(
            tr(
                CONTEXT,
                "Test voucher printed on {connection} ({bytes} bytes); the printer says: "
                "{state}. Check the paper: the lines and the QR code must be sharp.",
            ).format(
                connection=result.connection,
                bytes=result.bytes_sent,
                state=result.status_after.state,
            )
        )

    def retranslate_ui(self) -> None:
        self.setTitle(tr(CONTEXT, "Printer"))
        self.setSubTitle(
            tr(
                CONTEXT,
                "Choose the voucher printer, or type network:HOST:PORT or serial:DEVICE; "
                "virtual is the built-in printer for training.",
            )
        )
        texts = (tr(CONTEXT, "&Printer:"), tr(CONTEXT, "Paper &width:"), tr(CONTEXT, "P&rofile:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.print_button.setText(tr(CONTEXT, "Print a &test voucher"))


class ReaderPage(SetupPage):
    def __init__(self, setup: Any, workers: Workers, funnel: ErrorFunnel) -> None:
        super().__init__()
        self.setObjectName("readerPage")
        self._setup, self._workers, self._funnel = setup, workers, funnel
        self.card: Any = None
        self.readers = QComboBox()
        self.readers.setObjectName("readerList")
        self.refresh_button = ActionButton("listReaders", self.list_readers)
        self.read_button = ActionButton("readTestCard", self.read_card)
        self.outcome = OutcomeLabel("readerOutcome")
        self.readers_label = QLabel()
        self.readers_label.setBuddy(self.readers)
        row = QHBoxLayout()
        row.addWidget(self.readers, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.readers_label)
        layout.addLayout(row)
        layout.addWidget(self.read_button)
        layout.addWidget(self.outcome)
        layout.addStretch()
        self.retranslate_ui()

    def initializePage(self) -> None:
        if self.readers.count() == 0:
            self.list_readers()

    def list_readers(self) -> None:
        run_on(
            self._workers.card,
            self._setup.card_readers,
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=self._listed,
        )

    def _listed(self, listing: Any) -> None:
        self.readers.clear()
        self.readers.addItems(list(listing.readers))
        if listing.problem is not None:
            self.outcome.bad(render_error(listing.problem))
        else:
            self.outcome.working(tr(CONTEXT, "Put a card in the reader and read it."))

    def read_card(self) -> None:
        reader = self.readers.currentText()
        if not reader:
            return
        self.outcome.working(tr(CONTEXT, "Reading the card…"))
        run_on(
            self._workers.card,
            self._setup.read_card,
            reader,
            outcome=self.outcome,
            funnel=self._funnel,
            on_done=self._read,
        )

    def _read(self, card: Any) -> None:
        self.card = card
        if card.serial:
            text = tr(CONTEXT, "The reader works: StarPOS card {serial} (ATR {atr}).")
        else:
            text = tr(CONTEXT, "The reader works: a card that is not a StarPOS card (ATR {atr}).")
        self.outcome.good(text.format(serial=card.serial, atr=card.atr))

    def retranslate_ui(self) -> None:
        self.setTitle(tr(CONTEXT, "Card reader"))
        self.setSubTitle(
            tr(CONTEXT, "For card meters: the PC/SC reader the cashier puts the card in.")
        )
        self.readers_label.setText(tr(CONTEXT, "&Reader:"))
        self.refresh_button.setText(tr(CONTEXT, "&Look again"))
        self.read_button.setText(tr(CONTEXT, "Read a test &card"))


class FinishPage(SetupPage):
    def __init__(self, summary: Any) -> None:
        super().__init__()
        self.setObjectName("finishPage")
        self._summary = summary
        self.text = QLabel()
        self.text.setObjectName("finishSummary")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch()
        self.retranslate_ui()

    def initializePage(self) -> None:
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(tr(CONTEXT, "Ready"))
        self.setSubTitle(tr(CONTEXT, "What this PC is set up with."))
        self.text.setText(self._summary())
