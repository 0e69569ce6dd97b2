"""A customer type's charges (manual 2.3): the charge items the type collects at each sale,
at registration and at a token cancel. F3 on the customer types' list opens the type's
items; the business is chosen at the top (Alt+B), the items ticked or unticked with Space,
and OK keeps them (``masterdata.customer_type_charges.set_charges``: the permission, the
audit entry, one transaction per business changed; a refusal is shown and changes nothing).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from starpos.db.enums import ChargeOccasion
from starpos.i18n import tr_noop
from starpos.ui.translator import tr

#: the businesses in the order offered: a sale first, the one a utility sets up first
OCCASIONS = (
    (ChargeOccasion.VEND, tr_noop("admin", "At each sale")),
    (ChargeOccasion.REGISTER, tr_noop("admin", "At registration")),
    (ChargeOccasion.TOKEN_CANCEL, tr_noop("admin", "At a token cancel")),
)


class TypeChargesDialog(QDialog):
    """The charge items of customer type ``code`` for each business; :meth:`changes` on OK."""

    def __init__(
        self,
        code: str,
        items: list[tuple[str, str, str]],
        chosen: dict[str, list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("typeChargesDialog")
        self.setWindowTitle(tr("admin", "Charges of customer type {code}").format(code=code))
        self._before = {str(o): sorted(chosen.get(str(o), [])) for o, _label in OCCASIONS}
        self._ticked = {occasion: list(codes) for occasion, codes in self._before.items()}
        self.occasion = QComboBox()
        self.occasion.setObjectName("chargeOccasion")
        for occasion, label in OCCASIONS:
            self.occasion.addItem(tr("admin", label), str(occasion))
        self.items = QListWidget()
        self.items.setObjectName("typeChargeItems")
        for item_code, name, costs in items:
            item = QListWidgetItem(f"{item_code}  {name}  {costs}")
            item.setData(Qt.ItemDataRole.UserRole, item_code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            self.items.addItem(item)
        self._show_ticks()
        if self.items.count():
            self.items.setCurrentRow(0)
        self.occasion.currentIndexChanged.connect(self._occasion_chosen)
        self._shown = str(self.occasion.currentData())
        business = QLabel(tr("admin", "&Business:"))
        business.setBuddy(self.occasion)
        form = QFormLayout()
        form.addRow(business, self.occasion)
        note = QLabel(
            tr("admin", "Tick the charges this customer type pays in that business (Space).")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.items, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.items.setFocus()

    def _ticked_now(self) -> list[str]:
        return sorted(
            str(self.items.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.items.count())
            if self.items.item(n).checkState() == Qt.CheckState.Checked
        )

    def _show_ticks(self) -> None:
        ticked = self._ticked[str(self.occasion.currentData())]
        for n in range(self.items.count()):
            item = self.items.item(n)
            on = item.data(Qt.ItemDataRole.UserRole) in ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _occasion_chosen(self) -> None:
        self._ticked[self._shown] = self._ticked_now()
        self._shown = str(self.occasion.currentData())
        self._show_ticks()

    def changes(self) -> dict[str, list[str]]:
        """The businesses whose items changed, with their items now."""
        self._ticked[self._shown] = self._ticked_now()
        return {
            occasion: codes
            for occasion, codes in self._ticked.items()
            if codes != self._before[occasion]
        }
