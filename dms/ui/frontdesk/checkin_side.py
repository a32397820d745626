"""The check-in page's right-hand side: the car's history, declined work and campaigns beside
the talk, and what the check-in still lacks (red) or that it is complete (green)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from dms.ui.common import words
from dms.ui.frontdesk.vehicle_file import declined_text

OK, MISSING = QColor("#2e7d32"), QColor("#b3261e")


class CheckInSide(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.history = QListWidget()
        self.history.setObjectName("checkInHistory")
        self.history.setWordWrap(True)
        self.flags = QListWidget()
        self.flags.setObjectName("checkInFlags")
        self.flags.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history_box, self.flags_box = QGroupBox(), QGroupBox()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box, view, stretch in ((self.history_box, self.history, 3),
                                   (self.flags_box, self.flags, 2)):
            inner = QVBoxLayout(box)
            inner.setContentsMargins(4, 2, 4, 4)
            inner.addWidget(view)
            layout.addWidget(box, stretch)

    def show_history(self, f) -> None:
        """The last visits, the declined work (with why) and the open campaigns of file `f`."""
        self.history.clear()
        for order in f.history[:4]:
            self._line(self.tr("{day} {km} · {type}: {complaint}").format(
                day=words.day(order.entry_at), km=words.km(order.mileage),
                type=words.word(words.business_types(), order.business_type),
                complaint=(order.complaint or "").replace("\n", " ")))
        for item in f.declined:
            self._line(self.tr("Declined {day}: {what} {amount}").format(
                day=words.day(item.since), what=declined_text(item),
                amount=words.money(item.estimated_amount)), MISSING)
        for flag in f.campaigns:
            self._line(f"{flag.code} {flag.name}", MISSING if flag.kind == "recall" else None)
        if not (f.history or f.declined or f.campaigns):
            self._line(self.tr("First visit: no history, nothing declined, no campaign."))

    def _line(self, text: str, colour: QColor | None = None) -> None:
        item = QListWidgetItem(text)
        if colour is not None:
            item.setForeground(colour)
        self.history.addItem(item)

    def show_flags(self, missing: list[str]) -> None:
        self.flags.clear()
        for text in missing:
            item = QListWidgetItem("✗ " + text)
            item.setForeground(MISSING)
            self.flags.addItem(item)
        if not missing:
            item = QListWidgetItem("✓ " + self.tr("Complete: F9 saves and prints the sheet"))
            item.setForeground(OK)
            self.flags.addItem(item)

    def retranslate_ui(self) -> None:
        self.history_box.setTitle(self.tr("History, declined work, campaigns"))
        self.flags_box.setTitle(self.tr("Still missing"))
