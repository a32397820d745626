"""Added work at the desk (step 7, DESIGN §2): the queue of orders whose technician found more
to do. Each row says what was found, whether it still needs a price and what the customer is
asked to agree to. Ctrl+P prices the proposed lines as the catalogue has them; once the
customer has agreed on the phone, Ctrl+Enter records it (two actions: choose the row, agree);
Ctrl+Shift+Enter records a refusal with why the customer declined (a short list and their
words), and the declined work follows the car as a recommendation with that reason. Enter opens the order in the estimate editor. The queue is live: a proposal
made on a workshop terminal appears within a second.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import selected_row, table_view, title_label
from dms.ui.frontdesk.estimate_dialogs import DeclineDialog
from dms.workshop import desk
from dms.workshop.added_work import approve_added_work, price_added_work

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
AMBER = QColor("#8a5a00")


class AddedWorkQueue(QWidget):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("addedWorkQueue")
        self.ws = workspace
        self._task = None
        self._said = ""  # what to confirm once the answer is recorded
        self.loaded = False  # a read came back (the rows shown are then at most one read old)
        self.loads = 0  # reads answered so far (the benchmark waits for a fresh one)
        self.title = title_label("addedWorkTitle")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.model = PagedTableModel(workspace.ctx.runner, [
            Column(lambda: self.tr("Work order"), lambda r: r.number),
            Column(lambda: self.tr("Plate"), lambda r: r.plate or ""),
            Column(lambda: self.tr("Customer"), lambda r: r.customer_name),
            Column(lambda: self.tr("Phone"), lambda r: r.phone or ""),
            Column(lambda: self.tr("Found in the workshop"), lambda r: r.description,
                   tooltip=lambda r: r.description),
            Column(lambda: self.tr("Status"), self._status,
                   colour=lambda r: AMBER if r.waiting_price else None),
            Column(lambda: self.tr("To agree"), lambda r: words.money(r.priced), align=RIGHT),
            Column(lambda: self.tr("Since"), lambda r: words.when(r.proposed_at)),
        ], key=lambda r: r.work_order_id, parent=self)
        self.view = table_view(self.model, "addedWorkView", (10, 9, 8, 10, 30, 10, 8, 11), 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self.retranslate_ui()

    def _status(self, row) -> str:
        if row.waiting_price:
            return self.tr("%n line(s) to price", "", row.waiting_price)
        return self.tr("ask the customer")

    def refresh(self) -> None:
        self._task = self.ws.read(desk.added_work_queue, on_result=self._loaded)

    @Slot(int, object)
    def _loaded(self, task_id: int, rows) -> None:
        if task_id != self._task:
            return
        self.loaded = True
        self.loads += 1
        self.model.set_rows(rows)
        if rows and not self.view.selectionModel().hasSelection():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def selected(self):
        return selected_row(self.view, self.model)

    # -- the advisor's answers -----------------------------------------------------------------
    @Slot()
    def price(self) -> None:
        row = self.selected()
        if row is not None:
            self.ws.command(price_added_work, row.work_order_id, None,
                            expected_version=row.version, on_result=self._done)

    @Slot()
    def agree(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._said = self.tr("{number}: the customer agreed on the phone.").format(
            number=row.number)
        self.ws.command(approve_added_work, row.work_order_id, row.customer_name, "phone",
                        True, expected_version=row.version, on_result=self._done)

    @Slot()
    def refuse(self) -> None:
        row = self.selected()
        if row is not None:
            self.ws.open_dialog(DeclineDialog(self.ws, row), self.refresh)

    @Slot(int, object)
    def _done(self, _task_id: int, _result) -> None:
        if self._said:
            self.ws.message_bar.show_message(self._said, "info")
            self._said = ""
        self.refresh()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Added work from the workshop"))
        self.hint.setText(self.tr(
            "Ctrl+P prices the found work as the catalogue has it. Call the customer: "
            "Ctrl+Enter when they agree, Ctrl+Shift+Enter when they decline (and why). "
            "Enter opens the order to change a price."))
        self.model.retranslate()
