"""Lookup workspace: one search field for plate, VIN, phone or name; results; customer card.

Typing searches as you type (debounced); the query and the card are fetched off the GUI
thread through the task runner, one service call per task.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLineEdit, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from dms.crm import lookup
from dms.ui import messages
from dms.ui.customer_card import CustomerCardView
from dms.ui.lookup_model import LookupModel
from dms.ui.tasks import TaskRunner

DEBOUNCE_MS = 250


class LookupWorkspace(QWidget):
    def __init__(self, db: object, runner: TaskRunner, parent: QWidget | None = None,
                 actor: object = None):
        super().__init__(parent)
        self.setObjectName("lookupWorkspace")
        self._db = db
        self._runner = runner
        self._card_task: int | None = None
        self._status = ("idle", 0, False)

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
        self.search.textChanged.connect(self._on_text_changed)
        self.search.returnPressed.connect(self.run_search)

        self._actor = actor
        self.model = LookupModel(db, runner, self, actor=actor)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.loading_changed.connect(self._on_loading_changed)
        self.model.failed.connect(self._on_search_failed)
        self.model.modelReset.connect(self._on_model_reset)

        self.table = QTableView()
        self.table.setObjectName("lookupResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((LookupModel.PLATE, 8), (LookupModel.VIN, 13),
                              (LookupModel.VEHICLE, 13), (LookupModel.CUSTOMER, 7)):
            header.resizeSection(column, width * em)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

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
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 620])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.search)
        self.retranslate_ui()

    # -- searching -----------------------------------------------------------------------
    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def run_search(self) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        if text == self.model.text and (self.model.rowCount() or self.model.loading):
            return
        self.model.set_query(text)

    @Slot(object)
    def on_changes(self, changes: object) -> None:
        """Another seat changed a customer or vehicle: show the current search again."""
        if self.model.text and any(c.entity in ("customer", "vehicle") for c in changes):
            self.model.refresh()

    @Slot()
    def _on_model_reset(self) -> None:
        self._card_task = None
        self.card.clear()
        self._set_status("idle" if not self.model.text else "searching")

    @Slot(bool)
    def _on_loading_changed(self, loading: bool) -> None:
        if loading and self.model.rowCount() == 0:
            self._set_status("searching")

    @Slot(int, bool)
    def _on_page_loaded(self, count: int, more: bool) -> None:
        self._set_status("results" if count else "none", count, more)

    @Slot(object)
    def _on_search_failed(self, error: object) -> None:
        self._set_status("failed")
        messages.report(self, error)

    def _set_status(self, state: str, count: int = 0, more: bool = False) -> None:
        self._status = (state, count, more)
        self._render_status()

    def _render_status(self) -> None:
        state, count, more = self._status
        if state == "searching":
            text = self.tr("Searching…")
        elif state == "none":
            text = self.tr("No customer or vehicle matches “{text}”.").format(text=self.model.text)
        elif state == "results":
            text = (self.tr("{count}+ results, scroll down for more") if more
                    else self.tr("{count} results")).format(count=count)
        elif state == "failed":
            text = self.tr("The search failed.")
        else:
            text = self.tr("Type at least part of a plate, VIN, phone number or name.")
        self.status.setText(text)

    # -- selection and the customer card -------------------------------------------------
    def selected_row(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = self.selected_row()
        if row is None:
            self._card_task = None
            self.card.clear()
            return
        current = self.card.card
        if current is not None and current.id == row.customer_id:
            self.card.show_card(current, row.vehicle_id)  # same owner: just another vehicle
            return
        self.card.show_loading()
        self._card_task = self._runner.submit(
            lookup.customer_card, self._db, self._actor, row.customer_id,
            on_result=self._on_card, on_error=self._on_card_failed)

    @Slot(int, object)
    def _on_card(self, task_id: int, card: object) -> None:
        if task_id != self._card_task:
            return
        self._card_task = None
        row = self.selected_row()
        self.card.show_card(card, row.vehicle_id if row is not None else None)

    @Slot(int, object)
    def _on_card_failed(self, task_id: int, error: object) -> None:
        if task_id != self._card_task:
            return
        self._card_task = None
        self.card.clear()
        messages.report(self, error)

    # -- keyboard: Down in the search field moves into the results ------------------------
    def eventFilter(self, watched, event: QEvent) -> bool:
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
                and self.model.rowCount()):
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    # -- translation ---------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Plate, VIN, phone or name"))
        self.search.setToolTip(self.tr(
            "Searches as you type. Press Down to move into the results."))
        self.model.retranslate()
        self._render_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
