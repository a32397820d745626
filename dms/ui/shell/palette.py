"""Quick open (Ctrl+K), from any workspace: type a plate, VIN tail, phone, name, work-order or
invoice number; Enter jumps to the vehicle file of the first (or selected) match."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from dms.crm.find import front_desk_search
from dms.ui.common.table import Column, PagedTableModel, pages
from dms.ui.common.views import TableView
from dms.ui.common.words import state_name

DEBOUNCE_MS = 150


def found_columns() -> list[Column]:
    """The columns of a search result row (the front desk's search shows the same)."""
    translate = QCoreApplication.translate  # the name lupdate extracts from
    return [
        Column(lambda: translate("Columns", "Plate"), lambda r: r.plate),
        Column(lambda: translate("Columns", "VIN"), lambda r: r.vin),
        Column(lambda: translate("Columns", "Brand / series"),
               lambda r: " ".join(p for p in (r.brand, r.series) if p)),
        Column(lambda: translate("Columns", "Customer"), lambda r: r.customer_name,
               tooltip=lambda r: r.customer_code),
        Column(lambda: translate("Columns", "Mobile"), lambda r: r.mobile),
        Column(lambda: translate("Columns", "Open order"),
               lambda r: f"{r.order_number} · {state_name(r.order_state)}" if r.order_number else ""),
    ]


class QuickOpen(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quickOpen")
        self.setWindowTitle(self.tr("Quick open"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._ctx = ctx
        self.text = QLineEdit()
        self.text.setObjectName("quickOpenText")
        self.text.setPlaceholderText(self.tr(
            "Plate, VIN tail, phone, name, work order or invoice number"))
        self.text.installEventFilter(self)
        self.model = PagedTableModel(ctx.runner, found_columns(), key=lambda r: r.key,
                                     page_size=20, parent=self)
        self.model.page_loaded.connect(self._on_loaded)
        self.results = TableView()
        self.results.setObjectName("quickOpenResults")
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.activated.connect(self._accept_index)
        self.hint = QLabel(self.tr("Enter opens the first match; Down to choose another."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.resize(760, 360)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)
        self.text.textChanged.connect(self._timer.start)
        self.text.returnPressed.connect(self._enter)
        self._open_when_loaded = False

    @Slot()
    def search(self) -> None:
        self._timer.stop()
        text = self.text.text().strip()
        ctx = self._ctx
        self.model.set_fetch(pages(front_desk_search, ctx.db, ctx.user, text) if text else None)

    @Slot()
    def _enter(self) -> None:
        if self._timer.isActive():
            self.search()
        if self.model.loading:
            self._open_when_loaded = True  # Enter typed faster than the search answered
            return
        self._accept_row(0)

    @Slot(int, bool)
    def _on_loaded(self, count: int, _more: bool) -> None:
        if count:
            self.results.selectRow(0)
        if self._open_when_loaded:
            self._open_when_loaded = False
            self._accept_row(0)

    def _accept_row(self, number: int) -> None:
        if number >= self.model.rowCount():
            return
        row = self.model.row_at(number)
        self.accept()
        if row.vehicle_id is not None:
            self._ctx.open_target("vehicle", row.vehicle_id)
        else:
            self._ctx.open_target("customer", row.customer_id)

    @Slot(object)
    def _accept_index(self, index) -> None:
        self._accept_row(index.row())

    def eventFilter(self, watched, event: QEvent) -> bool:
        if (watched is self.text and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
                and self.model.rowCount()):
            self.results.setFocus()
            self.results.selectRow(min(1, self.model.rowCount() - 1))
            return True
        return super().eventFilter(watched, event)
