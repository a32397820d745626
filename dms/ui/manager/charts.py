"""A bar chart drawn with QPainter: one bar per item, its value written on it, and an optional
target drawn as a dashed line (bars below it in amber, at or above it in green).

Qt Charts is deprecated since Qt 6.10 and not installed; a dashboard of a few bar charts does
not need a plotting library. The chart keeps its items as given (`items`), so a test can read
exactly what is drawn.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#4a7ebb")
GOOD = QColor("#3c9d5d")
SHORT = QColor("#e0a030")
TARGET = QColor("#c0392b")
AXIS = QColor("#8a8a8a")


class BarChart(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.title = ""
        self.items: list[tuple[str, Decimal]] = []
        self.target: Decimal | None = None
        self.target_text = ""
        self.empty_text = ""
        self.format = str
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 150)

    def sizeHint(self) -> QSize:
        return QSize(420, 210)

    def set_data(self, title: str, items, fmt=str, target: Decimal | None = None,
                 target_text: str = "", empty_text: str = "") -> None:
        """items: (label, value) with Decimal or int values; None values are drawn as 0."""
        self.title, self.format, self.target = title, fmt, target
        self.target_text, self.empty_text = target_text, empty_text
        self.items = [(label, Decimal(value or 0)) for label, value in items]
        self.setAccessibleName(title)
        self.setToolTip("\n".join(f"{label}: {fmt(value)}" for label, value in self.items))
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        line = fm.height()
        w, h = self.width(), self.height()
        p.fillRect(self.rect(), self.palette().base())
        bold = self.font()
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(6, 2, w - 12, line + 4), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(self.font())
        plot = QRectF(8, line * 2 + 6, w - 16, h - line * 4 - 12)  # room for values and labels
        if not self.items or plot.height() < 10:
            p.setPen(AXIS)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        top = max([v for _, v in self.items] + [self.target or 0, Decimal("0.0001")])
        top = float(top) * 1.1
        p.setPen(AXIS)
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        slot = plot.width() / len(self.items)
        bar_w = min(slot * 0.6, 70)
        # Narrow bars (a month by day): no values on them, and only every n-th label.
        widest = max(fm.horizontalAdvance(self.format(v)) for _, v in self.items)
        values = widest + 4 <= slot
        every = max(1, -(-max(fm.horizontalAdvance(label) for label, _ in self.items) // int(slot or 1)))
        for n, (label, value) in enumerate(self.items):
            x = plot.left() + slot * n + (slot - bar_w) / 2
            bar_h = plot.height() * float(value) / top
            colour = BAR if self.target is None else (GOOD if value >= self.target else SHORT)
            p.fillRect(QRectF(x, plot.bottom() - bar_h, bar_w, bar_h), colour)
            p.setPen(self.palette().text().color())
            if values:
                p.drawText(QRectF(plot.left() + slot * n, plot.bottom() - bar_h - line - 2, slot, line),
                           Qt.AlignmentFlag.AlignCenter, self.format(value))
            if n % every == 0:
                width = slot * every if every > 1 else slot
                text = fm.elidedText(label, Qt.TextElideMode.ElideRight, int(width) - 4)
                p.drawText(QRectF(plot.left() + slot * n + (slot - width) / 2, plot.bottom() + 3,
                                  width, line), Qt.AlignmentFlag.AlignCenter, text)
        if self.target is not None:
            y = plot.bottom() - plot.height() * float(self.target) / top
            p.setPen(QPen(TARGET, 1.5, Qt.PenStyle.DashLine))
            p.drawLine(plot.left(), y, plot.right(), y)
            p.drawText(QRectF(plot.left(), plot.bottom() + line + 4, plot.width(), line),
                       Qt.AlignmentFlag.AlignRight, self.target_text)
        p.end()
