"""The PDI desk 新车PDI (DESIGN §1 step 1) for the QC inspector, who checks and signs new cars,
and the advisor, who hands them over. Left the store's sheets (search by VIN tail or number),
right the selected sheet: its checklist, answered with keys (F6 OK, F7 failed with a note,
F8 every unanswered item OK, F9 save), signed with Ctrl+S; a failure is fixed (Ctrl+R) before
the advisor hands the car over (Ctrl+H), which files customer, vehicle and plan at once.

The checklist is the one table here that is edited in place, so it has its own small model
(`checklist.ChecklistModel`); the sheet list is the shared paged model.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QApplication,
                               QHBoxLayout, QLabel, QLineEdit, QSplitter, QToolButton,
                               QVBoxLayout, QWidget)

from dms.reports.documents.pdi import pdi_pdf
from dms.ui.common import words
from dms.ui.common.printing import kind_name, show_document
from dms.ui.common.table import Column, PagedTableModel, pages
from dms.ui.common.views import selected_row, table_view
from dms.ui.pdi.checklist import NOTE, ChecklistModel
from dms.ui.pdi.dialogs import FixDialog, HandOverDialog, NewPdiDialog
from dms.ui.shell.workspace import Workspace
from dms.workshop import pdi

translate = QCoreApplication.translate


def sheet_states() -> dict[str, str]:
    return {"open": translate("PdiDesk", "Checking"), "signed": translate("PdiDesk", "Signed"),
            "handed_over": translate("PdiDesk", "Handed over")}


def sheet_columns() -> list[Column]:
    return [Column(lambda: translate("PdiDesk", "Number"), lambda r: r.number),
            Column(lambda: translate("PdiDesk", "VIN"), lambda r: r.vin),
            Column(lambda: translate("PdiDesk", "Model"),
                   lambda r: " ".join(x for x in (r.model, r.colour) if x)),
            Column(lambda: translate("PdiDesk", "State"),
                   lambda r: words.word(sheet_states(), r.state)),
            Column(lambda: translate("PdiDesk", "Checked"), lambda r: f"{r.checked}/{r.items}"),
            Column(lambda: translate("PdiDesk", "Failed"), lambda r: r.failures or "")]


class PdiDesk(Workspace):
    id = "pdi"
    roles = frozenset({"qc_inspector", "advisor"})

    @classmethod
    def title_for(cls) -> str:
        return QCoreApplication.translate("PdiDesk", "New-car PDI")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.sheet = None
        self._sheet_task: int | None = None
        self.search = QLineEdit()
        self.search.setObjectName("pdiSearch")
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.reload)
        self.searched = ""
        self.list_model = PagedTableModel(ctx.runner, sheet_columns(), parent=self)
        self.list = table_view(self.list_model, "pdiSheets", (11, 13, 9, 6, 5, 5), stretch=2)
        self.list.selectionModel().selectionChanged.connect(self._on_pick)
        self.list_model.rowsInserted.connect(self._keep_a_selection)
        self.header = QLabel()
        self.header.setObjectName("pdiHeader")
        self.header.setWordWrap(True)
        self.checklist = ChecklistModel(self)
        self.items = table_view(self.checklist, "pdiChecklist", (8, 22, 9), stretch=3)
        self.items.setSelectionMode(self.items.SelectionMode.ExtendedSelection)
        self.items.setEditTriggers(self.items.EditTrigger.DoubleClicked
                                   | self.items.EditTrigger.EditKeyPressed)
        left, right = QWidget(), QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        self.buttons = QHBoxLayout()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.items, 1)
        right_layout.addLayout(self.buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 780])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        slots = {"pdi.new": self.new_sheet, "pdi.search": self.search.setFocus,
                 "pdi.ok": lambda: self._mark("ok"), "pdi.fail": lambda: self._mark("fail"),
                 "pdi.all_ok": self.checklist.all_ok, "pdi.save": self.save,
                 "pdi.sign": self.sign, "pdi.fix": self.fix, "pdi.hand_over": self.hand_over,
                 "pdi.print": self.print_sheet}
        self.actions = {}
        for action_id, slot in slots.items():
            action = ctx.actions.make(action_id, self, slot)
            self.addAction(action)
            self.actions[action_id] = action
            if action_id != "pdi.search":
                button = QToolButton()
                button.setDefaultAction(action)
                button.setObjectName(action_id.replace(".", "_"))
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.checklist.dataChanged.connect(self._update_actions)
        self.checklist.modelReset.connect(self._update_actions)
        self.items.selectionModel().selectionChanged.connect(self._update_actions)
        self.retranslate_ui()
        self.reload()

    # -- the shell's interface -------------------------------------------------------------
    def focus_widget(self):
        return self.items if self.sheet is not None else self.search

    def can_leave(self) -> bool:
        return not self.checklist.changes()

    def wants(self, changes) -> bool:
        return any(c.entity == "pdi" for c in changes)

    def apply_changes(self, changes) -> None:
        self.list_model.refresh()
        if self.sheet is not None and any(c.entity_id == self.sheet.id for c in changes):
            self._load_sheet(self.sheet.id)

    def refresh(self) -> None:
        self.list_model.refresh()
        if self.sheet is not None:
            self._load_sheet(self.sheet.id)

    # -- the list and the sheet --------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        self._debounce.stop()
        db, user, text = self.ctx.db, self.ctx.user, self.search.text()
        self.searched = text
        self.list_model.set_fetch(pages(pdi.pdi_list, db, user, text))

    def _keep_a_selection(self) -> None:
        if selected_row(self.list, self.list_model) is None and self.list_model.rowCount():
            self.list.selectRow(0)

    @Slot()
    def _on_pick(self) -> None:
        row = selected_row(self.list, self.list_model)
        if row is not None and (self.sheet is None or row.id != self.sheet.id):
            self._load_sheet(row.id)

    def _load_sheet(self, pdi_id: int) -> None:
        self._sheet_task = self.read(pdi.pdi_sheet, pdi_id, on_result=self._on_sheet)

    @Slot(int, object)
    def _on_sheet(self, task_id: int, sheet) -> None:
        if task_id != self._sheet_task:
            return
        same = self.sheet is not None and self.sheet.id == sheet.id
        self.sheet = sheet
        self.checklist.show_sheet(sheet, keep_pending=same)
        self._render_header()
        self._update_actions()

    def _render_header(self) -> None:
        s = self.sheet
        if s is None:
            self.header.setText(translate("PdiDesk", "Choose a sheet, or start one for a new car "
                                                     "(Ctrl+N)."))
            return
        parts = [f"<b>{s.number}</b>", s.vin, " ".join(x for x in (s.brand, s.series,
                                                                    s.colour) if x),
                 words.word(sheet_states(), s.state)]
        if s.inspector:
            parts.append(translate("PdiDesk", "signed by {who} {when}").format(
                who=s.inspector, when=words.when(s.signed_at)))
        if s.failures:
            parts.append(self.tr("%n failure(s) to fix", "", s.failures))
        self.header.setText(" · ".join(p for p in parts if p))

    @Slot()
    def _update_actions(self) -> None:
        s, enable = self.sheet, self.ctx.actions.set_enabled
        open_ = s is not None and s.state == "open"
        rows = {i.row() for i in self.items.selectionModel().selectedRows()}
        for action_id in ("pdi.ok", "pdi.fail"):
            enable(self.actions[action_id], open_ and bool(rows))
        enable(self.actions["pdi.all_ok"], open_)
        enable(self.actions["pdi.save"], open_ and bool(self.checklist.changes()))
        enable(self.actions["pdi.sign"], open_ and not self.checklist.changes()
               and s.unchecked == 0)
        enable(self.actions["pdi.fix"], s is not None and s.state != "handed_over"
               and self._failed_row() is not None and not self.checklist.changes())
        enable(self.actions["pdi.hand_over"], s is not None and s.state == "signed"
               and not s.failures)
        enable(self.actions["pdi.print"], s is not None)

    # -- commands ----------------------------------------------------------------------------
    def _mark(self, result: str) -> None:
        rows = sorted(i.row() for i in self.items.selectionModel().selectedRows())
        self.checklist.set_result(rows, result)
        if result == "fail" and len(rows) == 1:  # say what is wrong, in the row's note cell
            self.items.edit(self.checklist.index(rows[0], NOTE))

    def _commit_editing(self) -> None:
        """A note still being typed counts: F9 saves it with the rest."""
        editor = QApplication.focusWidget()
        if (self.items.state() == QAbstractItemView.State.EditingState and editor is not None
                and self.items.isAncestorOf(editor)):
            self.items.commitData(editor)
            self.items.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    @Slot()
    def save(self) -> None:
        self._commit_editing()
        if self.sheet is not None and self.checklist.changes():
            self.command(pdi.record_results, self.sheet.id, self.checklist.changes(),
                         expected_version=self.sheet.version, on_result=self._saved)

    @Slot(int, object)
    def _saved(self, _task_id: int, _result) -> None:
        self.message_bar.show_message(translate("PdiDesk", "Results saved."), "info")
        self.checklist.pending = {}
        self._load_sheet(self.sheet.id)

    @Slot()
    def sign(self) -> None:
        if self.sheet is not None:
            self.command(pdi.sign_off, self.sheet.id, expected_version=self.sheet.version,
                         on_result=self._signed)

    @Slot(int, object)
    def _signed(self, _task_id: int, _result) -> None:
        self.message_bar.show_message(translate("PdiDesk", "Signed. Failed items are fixed "
                                                           "before the hand-over."), "info")

    @Slot()
    def new_sheet(self) -> None:
        dialog = self.open_dialog(NewPdiDialog(self))
        dialog.accepted.connect(self._after_new)

    @Slot()
    def _after_new(self) -> None:
        if self.dialog is not None and self.dialog.result_value is not None:
            self.search.clear()
            self._load_sheet(self.dialog.result_value.id)

    def _failed_row(self) -> int | None:
        """The selected failed item, else the first failed one."""
        failed = [r for r in range(self.checklist.rowCount())
                  if self.checklist.answer(r)[0] == "fail"]
        chosen = [i.row() for i in self.items.selectionModel().selectedRows()
                  if i.row() in failed]
        return (chosen or failed or [None])[0]

    @Slot()
    def fix(self) -> None:
        row = self._failed_row()
        if self.sheet is not None and row is not None:
            self.open_dialog(FixDialog(self, self.sheet, self.checklist.items[row]))

    @Slot()
    def hand_over(self) -> None:
        if self.sheet is not None:
            self.open_dialog(HandOverDialog(self, self.sheet))

    @Slot()
    def print_sheet(self) -> None:
        if self.sheet is not None:
            self.read(pdi_pdf, self.sheet.id, on_result=self._preview)

    @Slot(int, object)
    def _preview(self, _task_id: int, pdf) -> None:
        show_document(self, "pdi", f"{kind_name('pdi')} {self.sheet.number}", pdf)

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(translate("PdiDesk", "VIN tail or PDI number"))
        self.list_model.retranslate()
        self.checklist.retranslate()
        self._render_header()

