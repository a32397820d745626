"""Standard times learned from the workshop's clocks: each labour operation's book time beside
the median and 80th percentile of its last N clocked jobs; "adopt" (one action, audited) makes
the chosen figure the operation's standard hours for every later estimate."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from dms.admin import standard_times
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import hours, selected_row, table_view

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
FAR = QColor("#c0392b")  # the book time is off the learned median by a fifth or more


def _far(row) -> QColor | None:
    if row.median is None or not row.book_hours:
        return None
    return FAR if abs(row.median - row.book_hours) / row.book_hours >= 0.2 else None


class StandardTimesPage(QWidget):
    def __init__(self, workspace):
        super().__init__()
        self.ws = workspace
        self._task: int | None = None
        self.model = PagedTableModel(workspace.ctx.runner, [
            Column(lambda: self.tr("Code"), lambda r: r.code),
            Column(lambda: self.tr("Labour operation"), lambda r: r.name),
            Column(lambda: self.tr("Book hours"), lambda r: hours(r.book_hours), RIGHT),
            Column(lambda: self.tr("Jobs"), lambda r: r.jobs, RIGHT),
            Column(lambda: self.tr("Median"), lambda r: hours(r.median), RIGHT, colour=_far),
            Column(lambda: self.tr("80th percentile"), lambda r: hours(r.p80), RIGHT),
        ], key=lambda r: r.operation_id)
        self.table = table_view(self.model, "standard_times", widths=(8, 24, 8, 6, 8), stretch=1)
        self.last_n = QSpinBox()
        self.last_n.setObjectName("standard_times_last_n")
        self.last_n.setRange(3, 200)
        self.last_n.setValue(standard_times.LAST_N)
        self.last_label = QLabel()
        self.last_label.setBuddy(self.last_n)
        self.adopt_median = QPushButton()
        self.adopt_median.setObjectName("adopt_median")
        self.adopt_p80 = QPushButton()
        self.adopt_p80.setObjectName("adopt_p80")
        self.note = QLabel()
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        for widget in (self.last_label, self.last_n, self.adopt_median, self.adopt_p80):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.last_n.valueChanged.connect(self.load)
        self.adopt_median.clicked.connect(lambda: self.adopt("median"))
        self.adopt_p80.clicked.connect(lambda: self.adopt("p80"))
        self.retranslate_ui()

    @Slot()
    def load(self) -> None:
        self._task = self.ws.read(standard_times.learned_times, self.last_n.value(),
                                  on_result=self._on_rows)

    @Slot(int, object)
    def _on_rows(self, task_id: int, rows) -> None:
        if task_id == self._task:
            self.model.set_rows(rows)

    def selected(self):
        return selected_row(self.table, self.model)

    def adopt(self, statistic: str) -> None:
        row = self.selected()
        if row is not None:
            self.ws.command(standard_times.adopt, row.operation_id, statistic, self.last_n.value(),
                            on_result=self._adopted)

    @Slot(int, object)
    def _adopted(self, _task_id: int, _changed) -> None:
        row = self.selected()
        self.ws.message_bar.show_message(
            self.tr("New standard hours adopted for %1; the next estimates take them.")
            .replace("%1", row.code if row else ""), "info")
        self.load()

    def retranslate_ui(self) -> None:
        self.last_label.setText(self.tr("&Last jobs per operation:"))
        self.adopt_median.setText(self.tr("Adopt the &median (Ctrl+Enter)"))
        self.adopt_p80.setText(self.tr("Adopt the &80th percentile"))
        self.note.setText(self.tr(
            "Clocked hours of completed jobs; jobs of reworked orders and outliers are left out. "
            "A median a fifth or more away from the book time is red."))
        self.model.retranslate()
