"""The front desk's entry: one search field for plate, VIN tail, phone, name or a work-order /
invoice number; the results with each car's open order; the customer card beside them.

Keyboard: type, Enter opens the vehicle file (at once when there is a single match), Down moves
into the results, Up from the first row or Esc goes back to the field. Live changes of other
seats update the rows in place (no reset): the selection and the card stay.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLineEdit, QSplitter,
                               QVBoxLayout, QWidget)

from dms.crm import lookup
from dms.crm.find import front_desk_search
from dms.ui.common.table import PagedTableModel, pages
from dms.ui.common.views import TableView
from dms.ui.customer_card import CustomerCardView
from dms.ui.shell.palette import found_columns

DEBOUNCE_MS = 250


class SearchPage(QWidget):
    open_vehicle = Signal(int)  # vehicle id
    open_customer = Signal(int)  # a customer without vehicles: edit the customer

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("frontDeskSearch")
        self._ws = workspace
        self._card_task: int | None = None
        self._open_when_loaded = False
        self._status = ("idle", 0, False)
        self.text = ""

        self.search = QLineEdit()
        self.search.setObjectName("lookupSearch")
        self.search.setClearButtonEnabled(True)
        font = self.search.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.search.setFont(font)
        self.search.installEventFilter(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._enter)

        self.model = PagedTableModel(workspace.ctx.runner, found_columns(),
                                     key=lambda r: r.key, parent=self)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.failed.connect(self._on_failed)
        self.model.modelReset.connect(self._on_reset)

        self.table = TableView()
        self.table.setObjectName("lookupResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.installEventFilter(self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate((8, 14, 11, 6, 8)):  # 京ADM9587 and a whole VIN fit
            header.resizeSection(column, width * em)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the query's order first
        self.table.setSortingEnabled(True)  # a header click sorts the rows loaded so far
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.activated.connect(lambda index: self.open_row(index.row()))

        self.status = QLabel()
        self.status.setObjectName("lookupStatus")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.status)
        self.card = CustomerCardView()
        self.card.setObjectName("customerCard")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.card)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 540])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.search)
        self.retranslate_ui()

    # -- searching ---------------------------------------------------------------------------
    @Slot()
    def run_search(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        if text == self.text and (self.model.rowCount() or self.model.loading):
            return
        self.text = text
        ws = self._ws
        self.model.set_fetch(pages(front_desk_search, ws.ctx.db, ws.ctx.user, text)
                             if text else None)
        self._set_status("searching" if text else "idle")

    @Slot()
    def _enter(self) -> None:
        """Enter: search now; a single match (or the selected one) opens its vehicle file."""
        self.run_search()
        if self.model.loading:
            self._open_when_loaded = True
        elif self.model.rowCount() == 1 or self.selected_row() is not None:
            self.open_row(max(0, self._selected_number()))

    def refresh(self) -> None:
        self.model.refresh()

    @Slot(int, bool)
    def _on_page_loaded(self, count: int, more: bool) -> None:
        self._set_status("results" if count else "none", count, more)
        if self._open_when_loaded:
            self._open_when_loaded = False
            if count == 1:
                self.open_row(0)
            elif count:
                self.table.setFocus()
                self.table.selectRow(0)

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self._open_when_loaded = False
        self._set_status("failed")
        self._ws.message_bar.show_error(error)

    @Slot()
    def _on_reset(self) -> None:
        self._card_task = None
        self.card.clear()

    def _set_status(self, state: str, count: int = 0, more: bool = False) -> None:
        self._status = (state, count, more)
        self._render_status()

    def _render_status(self) -> None:
        state, count, more = self._status
        texts = {
            "searching": self.tr("Searching..."),
            "none": self.tr("No customer, vehicle or work order matches “{text}”.").format(
                text=self.text),
            # %n: Qt picks the language's plural form (the English ones are in dms_en.ts)
            "results": (self.tr("%n result(s), scroll down for more", "", count) if more
                        else self.tr("%n result(s); Enter opens the vehicle file", "", count)),
            "failed": self.tr("The search failed."),
            "idle": self.tr("Type part of a plate, VIN, phone number, name or a work-order "
                            "or invoice number."),
        }
        self.status.setText(texts[state])

    # -- results and the card ------------------------------------------------------------------
    def _selected_number(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_row(self):
        number = self._selected_number()
        return self.model.row_at(number) if number >= 0 else None

    def open_row(self, number: int) -> None:
        if not 0 <= number < self.model.rowCount():
            return
        row = self.model.row_at(number)
        if row.vehicle_id is not None:
            self.open_vehicle.emit(row.vehicle_id)
        else:
            self.open_customer.emit(row.customer_id)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, _selected, _deselected) -> None:
        row = self.selected_row()
        if row is None:
            return  # a refresh may drop the row for a moment; keep the card until it is back
        current = self.card.card
        if current is not None and current.id == row.customer_id:
            self.card.show_card(current, row.vehicle_id)
            return
        self.card.show_loading()
        self._card_task = self._ws.read(lookup.customer_card, row.customer_id,
                                        on_result=self._on_card)

    @Slot(int, object)
    def _on_card(self, task_id: int, card: object) -> None:
        if task_id != self._card_task:
            return
        self._card_task = None
        row = self.selected_row()
        self.card.show_card(card, row.vehicle_id if row is not None else None)

    def reload_card(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._card_task = self._ws.read(lookup.customer_card, row.customer_id,
                                        on_result=self._on_card)

    # -- keyboard: no traps ---------------------------------------------------------------------
    def eventFilter(self, watched, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if self._selected_number() < 0:
                    self.table.selectRow(0)
                return True
            if watched is self.table and (
                    key == Qt.Key.Key_Escape
                    or (key == Qt.Key.Key_Up and self._selected_number() <= 0)):
                self.search.setFocus()
                self.search.selectAll()
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_row(self._selected_number())
                return True
        return super().eventFilter(watched, event)

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr(
            "Plate, VIN, phone, name, work order or invoice number"))
        self.search.setToolTip(self.tr("Searches as you type. Enter opens the vehicle file; "
                                       "Down moves into the results."))
        self.model.retranslate()
        self._render_status()
