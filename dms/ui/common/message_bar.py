"""The inline message bar at the top of a workspace: domain errors and confirmations in the
user's language, without a modal dialog that would take the focus away from the form."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from dms.errors import DomainError
from dms.ui import messages

STYLES = {
    "error": "background:#fdecea; color:#8a1c13; border:1px solid #f5c2bd;",
    "warning": "background:#fff4e0; color:#7a4b00; border:1px solid #f3d19c;",
    "info": "background:#e8f4ea; color:#1d5e2a; border:1px solid #b7dcbf;",
}
INFO_MS = 6000


class MessageBar(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.level = ""
        self.label = QLabel()
        self.label.setObjectName("messageText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def show_message(self, text: str, level: str = "info") -> None:
        self.level = level
        self.label.setText(text)
        self.setStyleSheet(f"#messageBar {{{STYLES[level]}}}")
        self.show()
        if level == "info":
            self._timer.start(INFO_MS)
        else:
            self._timer.stop()

    def show_error(self, error: object) -> None:
        """A domain error in words; anything unexpected goes to the excepthook dialog."""
        if isinstance(error, DomainError):
            self.show_message(messages.error_text(error), "error")
        else:
            messages.report(self.window(), error)

    def clear(self) -> None:
        self._timer.stop()
        self.level = ""
        self.label.clear()
        self.hide()
