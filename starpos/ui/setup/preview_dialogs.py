"""What a KMF file or a credit update block will change, shown before it is applied: the
installer reads it and presses Apply (Enter) or Cancel (Esc)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from starpos.i18n import tr_noop
from starpos.module_admin.credit import CreditPreview
from starpos.module_admin.kmf_preview import Change, KmfPreview
from starpos.ui.models.module_tables import OPERATION_TEXT
from starpos.ui.money import format_kwh
from starpos.ui.translator import tr

CONTEXT = "modulemanager"
CHANGE_TEXT = {
    Change.NEW: tr_noop(
        CONTEXT, "Register {register}: new key, SGC {sgc}, KRN {krn}, {algorithm}, until {until}."
    ),
    Change.REPLACED: tr_noop(
        CONTEXT,
        "Register {register}: replaces SGC {old_sgc} KRN {old_krn} by SGC {sgc}, KRN {krn}, "
        "{algorithm}, until {until}.",
    ),
    Change.SAME: tr_noop(
        CONTEXT, "Register {register}: the same key again (SGC {sgc}, KRN {krn})."
    ),
    Change.KEPT: tr_noop(CONTEXT, "Register {register}: kept as it is (SGC {sgc}, KRN {krn})."),
}


class PreviewDialog(QDialog):
    def __init__(self, title: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.setWindowTitle(title)
        self.text = QLabel("\n".join(lines))
        self.text.setObjectName("previewText")
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(tr(CONTEXT, "&Apply"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch()
        layout.addWidget(buttons)
        self.resize(620, 260)
        self.apply_button.setFocus()  # Enter applies what is shown, Esc cancels


def kmf_lines(preview: KmfPreview) -> list[str]:
    lines = [
        tr(CONTEXT, "Key file for module {module_id}, issued {issued}; signature good.").format(
            module_id=preview.module_id, issued=preview.issued_on
        )
    ]
    for change in preview.changes:
        after: Any = change.after
        before: Any = change.before or after
        algorithm = {7: "STA (EA07)", 11: "MISTY1 (EA11)"}.get(after.ea, f"EA{after.ea:02d}")
        lines.append(
            tr(CONTEXT, CHANGE_TEXT[change.change]).format(
                register=f"{change.register:02d}",
                sgc=after.sgc,
                krn=after.krn,
                old_sgc=before.sgc,
                old_krn=before.krn,
                algorithm=algorithm,
                until=after.issued_until.isoformat(),
            )
        )
    return lines


def credit_lines(preview: CreditPreview) -> list[str]:
    operation = tr(CONTEXT, OPERATION_TEXT[preview.operation])
    return [
        tr(CONTEXT, "{operation} {amount} kWh (credit update {sequence}); signature good.").format(
            operation=operation, amount=_kwh(preview.amount), sequence=preview.block.sequence
        ),
        tr(CONTEXT, "Balance now: {before} kWh. After: {after} kWh.").format(
            before=_kwh(preview.before.balance), after=_kwh(preview.balance_after)
        ),
    ]


def _kwh(value: Decimal) -> str:
    return format_kwh(value)  # as the language in use writes numbers
