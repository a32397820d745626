"""Tools and equipment at the terminal: the catalogue with where each tool is (a search field,
"overdue only"), and the selected tool's history. Checkout, return, damaged return and
maintenance are the workspace's actions on the selected tool."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QSplitter,
                               QVBoxLayout, QWidget)

from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel, pages
from dms.ui.common.views import selected_row, table_view
from dms.ui.technician import words as tech_words
from dms.workshop import tools

translate = QCoreApplication.translate
OVERDUE = QBrush(QColor("#b42318"))


def tool_columns() -> list[Column]:
    status = lambda r: (translate("TechnicianTools", "Overdue") if r.overdue  # noqa: E731
                        else words.word(tech_words.tool_statuses(), r.status))
    return [
        Column(lambda: translate("TechnicianTools", "Code"), lambda r: r.code),
        Column(lambda: translate("TechnicianTools", "Name"), lambda r: r.name),
        Column(lambda: translate("TechnicianTools", "Kind"),
               lambda r: words.word(tech_words.tool_kinds(), r.kind)),
        Column(lambda: translate("TechnicianTools", "Status"), status,
               colour=lambda r: OVERDUE if r.overdue else None),
        Column(lambda: translate("TechnicianTools", "Borrower"), lambda r: r.borrower),
        Column(lambda: translate("TechnicianTools", "Work order"), lambda r: r.work_order),
        Column(lambda: translate("TechnicianTools", "Out since"), lambda r: words.when(r.out_at)),
    ]


def history_columns() -> list[Column]:
    kinds = lambda: {"out": translate("TechnicianTools", "Checked out"),  # noqa: E731
                     "in": translate("TechnicianTools", "Returned"),
                     "maintenance": translate("TechnicianTools", "Maintenance")}
    return [Column(lambda: translate("TechnicianTools", "When"), lambda e: words.when(e.at)),
            Column(lambda: translate("TechnicianTools", "What"),
                   lambda e: kinds().get(e.kind, e.kind)),
            Column(lambda: translate("TechnicianTools", "Who"), lambda e: e.who),
            Column(lambda: translate("TechnicianTools", "Work order"), lambda e: e.work_order),
            Column(lambda: translate("TechnicianTools", "Note / damage"), lambda e: e.note)]


class ToolsPage(QWidget):
    selection_changed = Signal()

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("technicianTools")
        self._ws = workspace
        self._history_task: int | None = None
        self.search = QLineEdit()
        self.search.setObjectName("toolSearch")
        self.search.setClearButtonEnabled(True)
        self.overdue = QCheckBox()
        self.overdue.setObjectName("toolsOverdue")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        self.overdue.toggled.connect(self.reload)
        self.search.returnPressed.connect(self._into_table)
        self.model = PagedTableModel(workspace.ctx.runner, tool_columns(), parent=self)
        self.table = table_view(self.model, "toolList", (8, 20, 8, 10, 8, 12))
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.rowsInserted.connect(self._keep_a_selection)
        self.history = PagedTableModel(workspace.ctx.runner, history_columns(),
                                       key=lambda e: (e.at, e.kind), parent=self)
        self.history_view = table_view(self.history, "toolHistory", (11, 9, 7, 12))
        self.history_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.overdue)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.history_label)
        lower_layout.addWidget(self.history_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([420, 160])
        splitter.setChildrenCollapsible(False)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(self.buttons)
        self.setFocusProxy(self.search)
        self.retranslate_ui()

    @Slot()
    def reload(self) -> None:
        ws, text, overdue = self._ws, self.search.text().strip(), self.overdue.isChecked()
        self.model.set_fetch(pages(tools.tools, ws.ctx.db, ws.ctx.user, text,
                                   overdue_only=overdue))

    def refresh(self) -> None:
        if self.model.rowCount() or self.model.loading:
            self.model.refresh()
        else:
            self.reload()
        self._load_history()

    @Slot()
    def _into_table(self) -> None:
        self.table.setFocus()
        self._keep_a_selection()

    def _keep_a_selection(self) -> None:
        if self.selected() is None and self.model.rowCount():
            self.table.selectRow(0)

    def selected(self):
        return selected_row(self.table, self.model)

    @Slot()
    def _on_selection(self) -> None:
        self.selection_changed.emit()
        self._load_history()

    def _load_history(self) -> None:
        tool = self.selected()
        if tool is None:
            self.history.set_rows([])
            return
        self.history_label.setText(translate("TechnicianTools", "History of {code} {name}")
                                   .format(code=tool.code, name=tool.name))
        self._history_task = self._ws.read(tools.tool_history, tool.id,
                                           on_result=self._on_history)

    @Slot(int, object)
    def _on_history(self, task_id: int, events) -> None:
        if task_id == self._history_task:
            self.history.set_rows(events)

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(translate("TechnicianTools", "Tool code or name"))
        self.overdue.setText(translate("TechnicianTools", "O&verdue only"))
        self.model.retranslate()
        self.history.retranslate()
