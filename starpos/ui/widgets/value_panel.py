"""A titled box of labelled values (``Name   Thandi Mokoena``), the counter's way of showing
one thing: the customer behind a meter, the card in the reader, the card on the desk.

A panel names its fields once; the subclass says what the labels read
(:meth:`ValuePanel.field_names`, asked again on every language switch) and fills the values
(:meth:`ValuePanel.fill`), with a style for what needs a person's eye.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel

RED = "color: #b00020; font-weight: bold;"
AMBER = "color: #8a5a00; font-weight: bold;"
GREEN = "color: #1b5e20;"
PLAIN = ""
ROW_SPACING = 1
PANEL_MARGINS = (8, 4, 8, 4)  # left, top, right, bottom (pixels)


class ValuePanel(QGroupBox):
    def __init__(
        self, object_name: str, fields: tuple[str, ...], value_prefix: str, selectable: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        form = QFormLayout(self)
        self.form = form
        # A label sits level with its value, whatever the value's font (the customer's name
        # is larger than the rest).
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Rows close together: the customer and the card in the reader share a 768-pixel
        # screen with the token.
        form.setVerticalSpacing(ROW_SPACING)
        form.setContentsMargins(*PANEL_MARGINS)
        for key in fields:
            label, value = QLabel(), QLabel()
            value.setObjectName(f"{value_prefix}_{key}")
            value.setWordWrap(True)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            if selectable:
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key], self.values[key] = label, value
            form.addRow(label, value)

    # -- what a panel says ----------------------------------------------------------------
    def title(self) -> str:
        """The box's title, translated."""
        raise NotImplementedError(type(self).__name__)

    def field_names(self) -> dict[str, str]:
        """Each field's label, translated."""
        raise NotImplementedError(type(self).__name__)

    def fill(self) -> None:
        """Show the values (with :meth:`set_value`)."""
        raise NotImplementedError(type(self).__name__)

    # -- shared ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setTitle(self.title())
        for key, text in self.field_names().items():
            self.labels[key].setText(text)
        self.fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_value(self, key: str, text: str, style: str = PLAIN) -> None:
        self.values[key].setText(text)
        self.values[key].setStyleSheet(style)
