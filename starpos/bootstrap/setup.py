"""What the installer's windows (the first-run wizard and the module manager) are given:
every device and store action they need, made from the settings, each a blocking call the
window runs on the worker that owns the device (DESIGN.md rule 2).

A choice the installer makes (the module's port, the printer, the reader) is checked by
its setting (:mod:`starpos.setting_checks`) and saved only once the device answered.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from starpos.bootstrap.database import open_database
from starpos.bootstrap.module import ModuleTarget, module_for_command
from starpos.devices.discovery.card_readers import (
    ReaderListing,
    TestCard,
    list_readers,
    read_test_card,
)
from starpos.devices.discovery.printers import PrinterListing, list_usb_printers
from starpos.devices.discovery.serial_ports import (
    PortProbe,
    SerialPort,
    find_modules,
    probe_port,
)
from starpos.devices.printer.service import PrintResult, print_voucher
from starpos.devices.printer.voucher import sample_voucher
from starpos.devices.sm.driver import SecureModule
from starpos.devices.sm.messages import ModuleIdentity
from starpos.devices.sm.session import installation_credential
from starpos.i18n import current_language
from starpos.module_admin.credit import CreditPreview, CreditResult, preview_credit
from starpos.module_admin.kmf_preview import KmfPreview, preview_kmf
from starpos.module_admin.overview import ModuleOverview, read_overview
from starpos.module_admin.trial_vend import ModuleReady, check_module_for, trial_voucher
from starpos.operators.errors import SignInRequiredError
from starpos.operators.session import OperatorSession
from starpos.settings import Settings, checked
from starpos.sync.state import Enrolment
from starpos.vending.key_load import load_keys_on_record
from starpos.vending.module_credit import credit_module


class InstallerSetup:
    """The installer's actions over this installation's settings (``settings``)."""

    def __init__(
        self, settings: Settings | None = None, operator: OperatorSession | None = None
    ) -> None:
        self.settings = settings or Settings()
        self.operator = operator  # who credits the module (the manager's signed-in installer)

    # -- the secure module ------------------------------------------------------------
    def find_modules(self, extra_ports: list[str]) -> list[PortProbe]:
        """Every listed port (and ``extra_ports``, the configured port) tried in turn."""
        configured = str(self.settings.get("sm.url") or "")
        return find_modules([*extra_ports, configured], int(self.settings.get("sm.baud")))

    def use_port(self, device: str) -> ModuleIdentity:
        """Make ``device`` this terminal's module port once it answers as a module and
        accepts this installation's credential (a module paired with another terminal is
        refused here, with the words of its refusal, rather than at the first sale)."""
        baud = int(self.settings.get("sm.baud"))
        probe = probe_port(SerialPort(device, listed=False), baud)
        if probe.identity is None:
            assert probe.problem is not None
            raise probe.problem
        timeout_s = int(self.settings.get("sm.timeout_ms")) / 1000
        credential = installation_credential()
        with SecureModule(device, baud=baud, timeout_s=timeout_s, credential=credential):
            pass  # opening signs in: SmSignInRefusedError / SmNotPairedModuleError
        self.settings.set("sm.url", device)
        self.settings.save()
        return probe.identity

    def use_training_module(self) -> ModuleIdentity:
        """The embedded emulator as a training module (started here when needed)."""
        from starpos.devices.sm.embedded import ensure_embedded

        self.settings.set("sm.url", "")
        self.settings.save()
        url = ensure_embedded(self.settings.get("sts.tables") or None, training=True)
        probe = probe_port(SerialPort(url, listed=False), int(self.settings.get("sm.baud")))
        if probe.identity is None:
            assert probe.problem is not None
            raise probe.problem
        return probe.identity

    # -- the printer and the card reader ---------------------------------------------
    def usb_printers(self) -> PrinterListing:
        return list_usb_printers()

    def test_print(self, connection: str, paper_mm: int, profile: str) -> PrintResult:
        """Print the sample voucher on these printer settings; saved once it printed."""
        values = {
            "printer.connection": connection,
            "printer.paper_mm": paper_mm,
            "printer.profile": profile,
        }
        trial = _Overlay(self.settings, {key: checked(key, v) for key, v in values.items()})
        result = print_voucher(sample_voucher(language=current_language()), trial)
        for key, value in trial.values.items():
            self.settings.set(key, value)
        self.settings.save()
        return result

    def card_readers(self) -> ReaderListing:
        return list_readers()

    def read_card(self, reader: str) -> TestCard:
        """Read the test card in ``reader``; the reader is kept once it read a card."""
        card = read_test_card(reader)
        self.settings.set("card.reader", reader)
        self.settings.save()
        return card

    # -- the test vend at the end (decision INS-20) ----------------------------------------
    def test_vend_module(self, meter_number: str, today: date | None = None) -> ModuleReady:
        """On the module worker: what a sale for ``meter_number`` asks of the configured
        module (queries only: nothing is made, nothing booked)."""
        with module_for_command(ModuleTarget(), acting=False, settings=self.settings) as held:
            return check_module_for(held.module, meter_number, today or date.today())

    def test_vend_print(self, ready: ModuleReady) -> PrintResult:
        """On the printer worker: the test vend's voucher (the meter's test token) on the
        configured printer."""
        from starpos.tokenops.vouchers import engineering_template

        voucher = trial_voucher(ready, current_language())
        return print_voucher(voucher, self.settings, engineering_template())

    # -- the head office ---------------------------------------------------------------
    def enrol(self, server_url: str, code: str) -> Enrolment:
        """Enrol with the head office; a counter enrolled already (its first snapshot
        failed half-way, say) keeps its enrolment, so the wizard can try the snapshot again."""
        from starpos.bootstrap.database import open_database
        from starpos.sync import state
        from starpos.sync.enrol import enrol

        database = open_database(self.settings)
        try:
            with database.reading() as session:
                found = state.enrolment(session)
            if found is not None and found.server_url == server_url.strip().rstrip("/"):
                return found
            return enrol(database, server_url.strip(), code)
        finally:
            database.engine.dispose()

    def first_snapshot(self) -> Any:
        """Push then pull everything from the head office (the first full snapshot)."""
        from starpos.bootstrap.database import open_database
        from starpos.sync.cycle import sync_once

        database = open_database(self.settings)
        try:
            return sync_once(database, full=True)
        finally:
            database.engine.dispose()

    # -- the module manager --------------------------------------------------------------
    def warn_days(self) -> int:
        return int(self.settings.get("sm.key_warning_days"))

    def module_overview(self, today: date | None = None) -> ModuleOverview:
        with module_for_command(ModuleTarget(), acting=False, settings=self.settings) as held:
            return read_overview(held.module, today or date.today(), self.warn_days())

    def preview_kmf(self, data: bytes, today: date | None = None) -> KmfPreview:
        with module_for_command(ModuleTarget(), acting=False, settings=self.settings) as held:
            identity = held.module.identify()
            registry = held.module.key_registry()
        return preview_kmf(data, identity.module_id, registry, today or date.today())

    def load_kmf(self, data: bytes) -> tuple[int, str]:
        """The path of ``starpos sm load-kmf``: checked first, then loaded on record with the
        signed-in installer (audited before and after, :mod:`starpos.vending.key_load`)."""
        if self.operator is None:
            raise SignInRequiredError()
        with (
            open_database(self.settings) as database,
            module_for_command(ModuleTarget(), acting=True, settings=self.settings) as held,
        ):
            identity = held.module.identify()
            preview = preview_kmf(
                data, identity.module_id, held.module.key_registry(), date.today()
            )
            return load_keys_on_record(
                database, held.module, identity.module_id, data, self.operator, preview.registers
            )

    def preview_credit(self, data: bytes) -> CreditPreview:
        with module_for_command(ModuleTarget(), acting=False, settings=self.settings) as held:
            module = held.module
            identity, balance = module.identify(), module.balance()
            trusted = module.key_registry().kmc_public_key_hex
        return preview_credit(data, identity.module_id, trusted, balance)

    def credit(self, data: bytes) -> CreditResult:
        """The path of ``starpos sm credit``: the store's ``credit_module()``, recorded with
        the signed-in operator and audited, reconciled after; the balances around it."""
        if self.operator is None:
            raise SignInRequiredError()
        with (
            open_database(self.settings) as database,
            module_for_command(ModuleTarget(), acting=True, settings=self.settings) as held,
        ):
            before = held.module.balance()
            credit_module(database, held.module, data, self.operator)
            return CreditResult(None, before, held.module.balance())


class _Overlay:
    """The settings with a few values tried on top, for one test print."""

    def __init__(self, settings: Settings, values: dict[str, Any]) -> None:
        self._settings = settings
        self.values = values

    def get(self, key: str) -> Any:
        return self.values[key] if key in self.values else self._settings.get(key)
