"""The QC desk 质检 (step 8): the cars waiting for the technician's self-check, the team lead's
check or the final inspection, the longest waiting first.

F9 passes the selected car (the QC inspector: the final inspection, a late car asks for the
delay reason; a team lead: the team-lead check); Shift+F9 fails it with a reason, the rework
owner, the faulty jobs among the owner's (all of them unless the inspector picks: Alt+J, then
↓ picks one, Shift+↓ adds the next, Ctrl+Space toggles one) and, at the final inspection, a
penalty (`FailDialog`). Each is one command. Ctrl+P
opens its QC sheet in the print preview (`dms.ui.common.printing`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from dms import clock
from dms.reports import documents
from dms.ui import i18n
from dms.ui.common import words
from dms.ui.common.command_dialog import CommandDialog
from dms.ui.common.printing import show_document
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import selected_row, table_view
from dms.ui.workshop.cards import dwell
from dms.workshop import kanban, qc

translate = QCoreApplication.translate  # the name pyside6-lupdate extracts from


def levels() -> dict[str, str]:
    return {"self": translate("QCDesk", "Self-check (technician)"),
            "team_lead": translate("QCDesk", "Team-lead check"),
            "final": translate("QCDesk", "Final inspection")}


def _uses_final(roles) -> bool:
    """The inspector inspects; a team lead (who is not also an inspector) checks."""
    return "qc_inspector" in roles


class JobPicker(QListWidget):
    """The jobs going back to rework: the selected ones, all until the inspector picks. No job
    is current until a key moves to one (a list view makes its first row current when it gets
    the focus), so the first ↓ picks the first job alone, the next ↓ the second."""

    def __init__(self):
        super().__init__()
        self.setObjectName("qcReworkJobs")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def set_jobs(self, jobs) -> None:
        self.clear()
        for job in jobs:
            entry = QListWidgetItem(job.name)
            entry.setData(Qt.ItemDataRole.UserRole, job.labour_line_id)
            self.addItem(entry)
        rows = min(max(self.count(), 1), 6)  # as high as its jobs, up to six
        self.setFixedHeight(rows * max(self.sizeHintForRow(0), self.fontMetrics().height())
                            + 2 * self.frameWidth())
        self.selectAll()
        self._no_current()

    def picked(self) -> list[int]:
        return [self.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.count()) if self.item(row).isSelected()]

    def focusInEvent(self, event) -> None:
        untouched = not self.currentIndex().isValid()
        super().focusInEvent(event)
        if untouched:
            self._no_current()

    def _no_current(self) -> None:
        self.selectionModel().setCurrentIndex(QModelIndex(),
                                              QItemSelectionModel.SelectionFlag.NoUpdate)


class FailDialog(CommandDialog):
    def __init__(self, workspace, item, final: bool):
        super().__init__(workspace)
        self.setObjectName("qcFailDialog")
        self.item, self.final = item, final
        self.setWindowTitle(self.tr("Fail {plate}: back to rework").format(
            plate=item.plate or item.number))
        self.form.addRow(QLabel(f"<b>{item.plate or ''}</b> · {item.number} · "
                                f"{'、'.join(j.name for j in item.jobs)}"))
        self.reason = QLineEdit()
        self.reason.setObjectName("qcReason")
        self.owner = QComboBox()
        self.owner.setObjectName("qcReworkOwner")
        if not final:
            self.owner.addItem(self.tr("Every job goes back"), None)
        for tech_id, name in item.technicians:
            self.owner.addItem(name, tech_id)
        self.jobs = JobPicker()
        self.penalty = QLineEdit()
        self.penalty.setObjectName("qcPenalty")
        self.penalty.setPlaceholderText(self.tr("none"))
        self.form.addRow(self.tr("&Reason"), self.reason)
        self.form.addRow(self.tr("Rework &owner"), self.owner)
        self.form.addRow(self.tr("&Jobs to redo"), self.jobs)
        if final:
            self.form.addRow(self.tr("&Penalty (¥)"), self.penalty)
        else:
            self.penalty.hide()
        self.owner.currentIndexChanged.connect(self._owners_jobs)
        self._owners_jobs()
        self.reason.setFocus()

    @Slot()
    def _owners_jobs(self) -> None:
        """The jobs the chosen owner worked on (every job for no owner), all going back."""
        owner = self.owner.currentData()
        self.jobs.set_jobs(j for j in self.item.jobs if owner is None or owner in j.worked_by)

    def rework_jobs(self) -> list[int]:
        return self.jobs.picked()

    def call(self):
        owner, kwargs = self.owner.currentData(), {"expected_version": self.item.version,
                                                   "rework_job_ids": self.rework_jobs()}
        if not self.final:
            return qc.team_lead_check, (self.item.work_order_id, False, self.reason.text(),
                                        owner), kwargs
        return qc.final_inspection, (self.item.work_order_id, False, self.reason.text(), owner,
                                     self.penalty.text().strip() or None), kwargs

    def done_text(self, result) -> str:
        return self.tr("{plate} failed: back to rework.").format(
            plate=self.item.plate or self.item.number)


class LateDialog(CommandDialog):
    """A pass of a car later than promised needs the reason of the delay."""

    def __init__(self, workspace, item):
        super().__init__(workspace)
        self.setObjectName("qcLateDialog")
        self.item = item
        self.setWindowTitle(self.tr("Pass {plate}").format(plate=item.plate or item.number))
        self.form.addRow(QLabel(self.tr("Promised {time}: why is it late?").format(
            time=words.when(item.promised_at))))
        self.delay = QLineEdit()
        self.delay.setObjectName("qcDelayReason")
        self.form.addRow(self.tr("&Delay reason"), self.delay)
        self.delay.setFocus()

    def call(self):
        return qc.final_inspection, (self.item.work_order_id, True), {
            "delay_reason": self.delay.text(), "expected_version": self.item.version}

    def done_text(self, result) -> str:
        return passed_text(self.item)


def passed_text(item) -> str:
    return translate("QCDesk", "{plate} passed.").format(plate=item.plate or item.number)


class QCDeskPage(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("qcDesk")
        self.ws = workspace
        self.dialog = None
        self._passing = self._printing = None  # the car whose pass (sheet) is on its way
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.queue = PagedTableModel(workspace.ctx.runner, [
            Column(lambda: self.tr("Waiting for"), lambda i: levels()[i.level]),
            Column(lambda: self.tr("Plate"), lambda i: i.plate),
            Column(lambda: self.tr("Work order"), lambda i: i.number),
            Column(lambda: self.tr("Model"), lambda i: i.model),
            Column(lambda: self.tr("Jobs"), lambda i: "、".join(j.name for j in i.jobs),
                   tooltip=lambda i: "\n".join(j.name for j in i.jobs)),
            Column(lambda: self.tr("Technicians"), lambda i: "、".join(n for _, n in i.technicians)),
            Column(lambda: self.tr("Advisor"), lambda i: i.advisor),
            Column(lambda: self.tr("Promised"), lambda i: words.when(i.promised_at),
                   colour=lambda i: _late_colour(i)),
            Column(lambda: self.tr("Waiting"), lambda i: dwell(i.since, clock.now())),
        ], key=lambda i: i.work_order_id, parent=self)
        self.table = table_view(self.queue, "qcQueue", (10, 8, 10, 12, 16, 8, 6, 12), stretch=4)
        make = workspace.ctx.actions.make
        self.pass_action = make("qc.pass", self, self.pass_selected)
        self.fail_action = make("qc.fail", self, self.fail_selected)
        self.print_action = make("qc.print", self, self.print_sheet)
        for action in (self.pass_action, self.fail_action):
            # F9 is also OK in the dialogs opened from here: the desk's keys stay on the desk
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addActions([self.pass_action, self.fail_action, self.print_action])
        self.table.addActions([self.pass_action, self.fail_action, self.print_action])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.pass_button, self.fail_button, self.print_button = (
            QPushButton(), QPushButton(), QPushButton())
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        for button, action in ((self.pass_button, self.pass_action),
                               (self.fail_button, self.fail_action),
                               (self.print_button, self.print_action)):
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.queue.rowsInserted.connect(self._count)
        self.queue.rowsRemoved.connect(self._count)
        self.retranslate_ui()
        self._enable()

    def focus_widget(self):
        return self.table

    def refresh(self) -> None:
        self.ws.read(kanban.qc_queue, on_result=self._on_queue)

    @Slot(int, object)
    def _on_queue(self, _task_id: int, items) -> None:
        self.queue.set_rows(items)
        if not self.table.selectionModel().hasSelection() and self.queue.rowCount():
            self.table.selectRow(0)
        self._count()
        self._enable()

    def selected(self):
        return selected_row(self.table, self.queue)

    @Slot()
    def _enable(self) -> None:
        item = self.selected()
        can = item is not None and item.level != "self"
        # a team lead's check is done once; the final inspection is the inspector's
        self.ws.ctx.actions.set_enabled(self.pass_action, can and (
            _uses_final(self.ws.ctx.user.roles) or item.level == "team_lead"))
        self.ws.ctx.actions.set_enabled(self.fail_action, can)
        self.ws.ctx.actions.set_enabled(self.print_action, item is not None)
        for button, action in ((self.pass_button, self.pass_action),
                               (self.fail_button, self.fail_action),
                               (self.print_button, self.print_action)):
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.toolTip())

    @Slot()
    def _count(self) -> None:
        self.heading.setText(self.tr("%n car(s) waiting for a check", "", self.queue.rowCount()))

    @Slot()
    def pass_selected(self) -> None:
        item = self.selected()
        if item is None or not self.pass_action.isEnabled():
            return
        self._passing = item
        if not _uses_final(self.ws.ctx.user.roles):
            self.ws.command(qc.team_lead_check, item.work_order_id, True,
                            expected_version=item.version, on_result=self._passed)
        elif item.promised_at is not None and clock.now() > item.promised_at:
            self._open(LateDialog(self.ws, item))
        else:
            self.ws.command(qc.final_inspection, item.work_order_id, True,
                            expected_version=item.version, on_result=self._passed)

    @Slot(int, object)
    def _passed(self, _task_id: int, _result) -> None:
        self.ws.message_bar.show_message(passed_text(self._passing), "info")

    @Slot()
    def fail_selected(self) -> None:
        item = self.selected()
        if item is None or item.level == "self":
            return
        self._open(FailDialog(self.ws, item, _uses_final(self.ws.ctx.user.roles)))

    @Slot()
    def print_sheet(self) -> None:
        """The QC sheet of the selected car in the print preview (the shared printing piece)."""
        item = self.selected()
        if item is not None:
            self._printing = item
            self.ws.read(documents.render, "qc", item.number, i18n.current_language(),
                         on_result=self._sheet_ready)

    @Slot(int, object)
    def _sheet_ready(self, _task_id: int, pdf) -> None:
        show_document(self, "qc", self.tr("QC sheet {number}").format(
            number=self._printing.number), pdf)

    def _open(self, dialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(self.refresh)
        dialog.open()

    def retranslate_ui(self) -> None:
        self.pass_button.setText(self.tr("Pass (F9)"))
        self.fail_button.setText(self.tr("Fail (Shift+F9)"))
        self.print_button.setText(self.tr("QC sheet (Ctrl+P)"))
        self._count()
        self.queue.retranslate()


def _late_colour(item):
    return QColor("#c62828") if item.promised_at and clock.now() > item.promised_at else None

