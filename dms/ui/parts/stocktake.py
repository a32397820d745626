"""Stocktake by scan (盘点, DESIGN §3): start a count (its bins are locked until it is posted),
scan every unit on the shelf — each scan adds one to the part's count — or type the count of a
box, look at the differences, and post them (F9) as one transaction once approved."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from dms.parts import counter, stocktake
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import selected_row, table_view
from dms.ui.parts.words import qty

translate = QCoreApplication.translate
RIGHT = Qt.AlignmentFlag.AlignRight


def _variance_colour(row):
    if not row.variance:
        return None
    return QColor("#1d7a33") if row.variance > 0 else QColor("#b3261e")


def _signed(value) -> str:
    return "-" + words.money(-value) if value is not None and value < 0 else words.money(value)


def sheet_columns() -> list[Column]:
    return [
        Column(lambda: translate("StocktakePage", "Bin"), lambda r: r.bin_code),
        Column(lambda: translate("StocktakePage", "Code"), lambda r: r.part_code),
        Column(lambda: translate("StocktakePage", "Name"), lambda r: r.part_name),
        Column(lambda: translate("StocktakePage", "Book"), lambda r: qty(r.book_qty), RIGHT),
        Column(lambda: translate("StocktakePage", "Counted"), lambda r: qty(r.counted_qty), RIGHT),
        Column(lambda: translate("StocktakePage", "Difference"), lambda r: qty(r.variance),
               RIGHT, colour=_variance_colour),
        Column(lambda: translate("StocktakePage", "Value"), lambda r: _signed(r.variance_value),
               RIGHT, colour=_variance_colour),
    ]


class StocktakePage(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("stocktakePage")
        self.ws = workspace
        self.sheet = None
        self._task: int | None = None
        self.open_counts = QComboBox()
        self.open_counts.setObjectName("openStocktakes")
        self.open_counts.activated.connect(self._resume)
        self.warehouse = QComboBox()
        self.warehouse.setObjectName("stocktakeWarehouse")
        self.bins = QLineEdit()
        self.bins.setObjectName("stocktakeBins")
        self.start_button = QPushButton()
        self.start_button.setObjectName("startStocktake")
        self.start_button.clicked.connect(self.start)
        self.captions = [QLabel() for _ in range(3)]
        top = QHBoxLayout()
        for caption, field in zip(self.captions, (self.open_counts, self.warehouse, self.bins)):
            caption.setBuddy(field)
            top.addWidget(caption)
            top.addWidget(field, 1)
        top.addWidget(self.start_button)
        self.summary = QLabel()
        self.summary.setObjectName("stocktakeSummary")
        self.summary.setWordWrap(True)
        self.differences = QCheckBox()
        self.differences.setObjectName("differencesOnly")
        self.differences.toggled.connect(self.reload)
        self.count_label = QLabel()
        self.count = QLineEdit()
        self.count.setObjectName("typedCount")
        self.count.setMaximumWidth(120)
        self.count.returnPressed.connect(self.set_count)
        self.count_label.setBuddy(self.count)
        middle = QHBoxLayout()
        middle.addWidget(self.summary, 1)
        middle.addWidget(self.differences)
        middle.addWidget(self.count_label)
        middle.addWidget(self.count)
        self.lines = PagedTableModel(workspace.ctx.runner, sheet_columns(),
                                     key=lambda r: r.line_id, parent=self)
        self.view = table_view(self.lines, "stocktakeSheet", (8, 12, 16, 6, 6, 6), stretch=2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(middle)
        layout.addWidget(self.view, 1)
        self.retranslate_ui()

    def load_choices(self, found: dict) -> None:
        if not self.warehouse.count():
            for code, name in found["warehouses"]:
                self.warehouse.addItem(f"{code} {name}", code)

    # -- starting and resuming -----------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        text = self.bins.text().strip()
        bins = [b for b in text.replace("，", ",").split(",") if b.strip()] if text else None
        self.ws.command(stocktake.start_stocktake, self.warehouse.currentData(), bins,
                        on_result=self._on_started, on_error=self.ws.scan_refused)

    @Slot(int, object)
    def _on_started(self, task_id: int, sheet) -> None:
        self._on_sheet(task_id, sheet)
        self.ws.confirm(self.tr("Stocktake {number} started: its bins are locked. Scan the "
                                "shelf.").format(number=sheet.number))
        self.ws.focus_scan()

    @Slot(int)
    def _resume(self, index: int) -> None:
        take_id = self.open_counts.itemData(index)
        if take_id is not None:
            self.open(take_id)

    def open(self, take_id: int) -> None:
        self.sheet = None
        self._task = self.ws.read(stocktake.variance_report, take_id, on_result=self._on_sheet)
        self.ws.focus_scan()

    def reload(self) -> None:
        if self.sheet is not None:
            self._task = self.ws.read(stocktake.variance_report, self.sheet.id,
                                      differences_only=self.differences.isChecked(),
                                      on_result=self._on_sheet)

    @Slot(int, object)
    def _on_sheet(self, task_id: int, sheet) -> None:
        if self._task is not None and task_id < self._task:
            return  # an older answer
        self.sheet = sheet
        self.lines.set_rows(sheet.lines)
        self._render_summary()
        self.refresh_open()

    def refresh_open(self) -> None:
        self.ws.read(counter.open_stocktakes, on_result=self._on_open)

    @Slot(int, object)
    def _on_open(self, _task_id: int, takes) -> None:
        current = self.sheet.id if self.sheet is not None else None
        self.open_counts.blockSignals(True)
        self.open_counts.clear()
        self.open_counts.addItem(self.tr("(choose a count in progress)"), None)
        for take in takes:
            self.open_counts.addItem(f"{take.number} {take.warehouse_code} "
                                     f"{words.day(take.created_at)}", take.id)
        self.open_counts.setCurrentIndex(max(0, self.open_counts.findData(current)))
        self.open_counts.blockSignals(False)

    # -- counting --------------------------------------------------------------------------------
    def scan(self, text: str, scanned: bool) -> None:
        if self.sheet is None or self.sheet.status != "counting":
            self.ws.refuse(self.tr("Start or choose a stocktake first."))
            return
        self.ws.command(stocktake.record_count, self.sheet.id, text, 1, add=True,
                        on_result=self._on_counted, on_error=self.ws.scan_refused)

    @Slot()
    def set_count(self) -> None:
        """The typed count of the selected line (a box of 20 is not scanned 20 times)."""
        line = selected_row(self.view, self.lines)
        if line is None or self.sheet is None:
            self.ws.refuse(self.tr("Select a line of the sheet first."))
            return
        self.ws.command(stocktake.record_count, self.sheet.id, line.part_code,
                        self.count.text().strip(), on_result=self._on_counted,
                        on_error=self.ws.scan_refused)

    @Slot(int, object)
    def _on_counted(self, _task_id: int, line) -> None:
        self.count.clear()
        self.ws.confirm(self.tr("{code} {name}: {counted} counted (book {book}).").format(
            code=line.part_code, name=line.part_name, counted=qty(line.counted_qty),
            book=qty(line.book_qty)))
        self.reload()
        self.ws.focus_scan()

    def refresh(self) -> None:
        self.reload()
        self.refresh_open()

    def _render_summary(self) -> None:
        sheet = self.sheet
        if sheet is None:
            self.summary.setText(self.tr("No stocktake open. Choose one in progress, or a "
                                         "warehouse (and bins, or none for all) and Start."))
            return
        self.summary.setText(self.tr(
            "{number} · {warehouse} · {status} · bins locked: {bins} · {count} lines, "
            "{uncounted} not counted · gain {gain}, loss {loss}").format(
            number=sheet.number, warehouse=sheet.warehouse_code,
            status=words.state_name(sheet.status), bins=", ".join(sheet.locked_bins) or "-",
            count=sheet.line_count, uncounted=sheet.uncounted,
            gain=_signed(sheet.gain_value), loss=_signed(sheet.loss_value)))

    def retranslate_ui(self) -> None:
        for caption, text in zip(self.captions, (self.tr("&Count:"), self.tr("&Warehouse:"),
                                                 self.tr("&Bins:"))):
            caption.setText(text)
        self.bins.setPlaceholderText(self.tr("e.g. A-01-01, A-01-02 (empty: every bin)"))
        self.start_button.setText(self.tr("Start"))
        self.differences.setText(self.tr("&Differences only"))
        self.count_label.setText(self.tr("T&yped count:"))
        self.lines.retranslate()
        self._render_summary()
