"""Complaints 投诉 (step 12): the list (open ones by default) and the complaint in full beside it.

An open complaint past its deadline is red in every column; showing the page (and F5 on it)
first escalates the overdue ones one level (`care.escalate`, at most once a day each). Ctrl+N
records a complaint made by phone, at the counter, by the maker or online; Ctrl+H
hands a complaint to an owner with a new deadline, Ctrl+R records root cause, resolution and
prevention note, Ctrl+L the closing call.
"""

from __future__ import annotations

from datetime import timedelta
from html import escape

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, Qt, Slot
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QScrollArea, QSplitter, QVBoxLayout, QWidget)

from dms import clock
from dms.crm import analysis, care, followup, lookup
from dms.errors import ValidationError
from dms.ui.care.followups import questions
from dms.ui.common import words
from dms.ui.common.command_dialog import CommandDialog
from dms.ui.common.table import Column, PagedTableModel, pages
from dms.ui.common.views import selected_row, table_view

RED = QColor("#b3261e")
translate = QCoreApplication.translate
FILTERS = {"open": ("open", "resolved"), "closed": ("closed",), "all": None}


def sources() -> dict[str, str]:
    return {"follow_up": translate("CareWords", "Follow-up call"),
            "phone": translate("CareWords", "Phone"), "walk_in": translate("CareWords", "Walk-in"),
            "manufacturer": translate("CareWords", "Manufacturer"),
            "online": translate("CareWords", "Online")}


def complaint_states() -> dict[str, str]:
    return {"open": translate("CareWords", "Open"),
            "resolved": translate("CareWords", "Resolved, to close"),
            "closed": translate("CareWords", "Closed")}


def _text_box(name: str, text: str | None = None) -> QPlainTextEdit:
    box = QPlainTextEdit(text or "")
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(64)
    return box


class AssignDialog(CommandDialog):
    def __init__(self, workspace, detail):
        super().__init__(workspace)
        self.setObjectName("careAssignDialog")
        self.detail = detail
        self.setWindowTitle(self.tr("Hand over complaint {number}").format(number=detail.number))
        self.owner = QComboBox()
        self.owner.setObjectName("assignOwner")
        start = detail.deadline if detail.deadline and detail.deadline > clock.now() else clock.now()
        self.deadline = QDateTimeEdit(QDateTime(start.astimezone() + timedelta(days=1)))
        self.deadline.setObjectName("assignDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.form.addRow(self.tr("&Owner"), self.owner)
        self.form.addRow(self.tr("&Deadline"), self.deadline)
        self._task = workspace.read(care.complaint_owners, on_result=self._on_owners)
        self.owner.setFocus()

    @Slot(int, object)
    def _on_owners(self, task_id: int, people) -> None:
        if task_id != self._task:
            return
        for person in people:
            self.owner.addItem(person.name, person.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(self.detail.owner_id)))

    def call(self):
        return care.assign_complaint, (self.detail.id, self.owner.currentData(),
                                       self.deadline.dateTime().toPython().astimezone()), {}

    def done_text(self, result) -> str:
        return self.tr("Complaint {number} handed to {owner}.").format(
            number=self.detail.number, owner=self.owner.currentText())


class NewComplaintDialog(CommandDialog):
    """A complaint by phone, at the counter, from the maker or online: find the customer
    (plate, phone or name, Enter), say what is wrong, how bad, who owns it and by when."""

    def __init__(self, workspace):
        super().__init__(workspace)
        self.setObjectName("careNewComplaintDialog")
        self.setWindowTitle(self.tr("New complaint"))
        self._tasks: dict[str, int] = {}
        self.find = QLineEdit()
        self.find.setObjectName("complaintFind")
        self.find.installEventFilter(self)
        self.customer = QComboBox()
        self.customer.setObjectName("complaintCustomer")
        self.source = QComboBox()
        self.source.setObjectName("complaintSource")
        for key, text in sources().items():
            if key != "follow_up":  # those come from the follow-up calls
                self.source.addItem(text, key)
        self.severity = QComboBox()
        self.severity.setObjectName("complaintSeverity")
        for key, text in words.severities().items():
            self.severity.addItem(text, key)
        self.severity.setCurrentIndex(self.severity.findData("medium"))
        self.owner = QComboBox()
        self.owner.setObjectName("complaintOwner")
        self.deadline = QDateTimeEdit(QDateTime(clock.now().astimezone()
                                                + followup.COMPLAINT_DEADLINE))
        self.deadline.setObjectName("complaintDeadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.description = _text_box("complaintDescription")
        for label, field in ((self.tr("&Find the customer (Enter)"), self.find),
                             (self.tr("C&ustomer"), self.customer),
                             (self.tr("&Complaint"), self.description),
                             (self.tr("&Source"), self.source), (self.tr("Se&verity"), self.severity),
                             (self.tr("&Owner"), self.owner), (self.tr("&Deadline"), self.deadline)):
            self.form.addRow(label, field)
        self._tasks["owners"] = workspace.read(care.complaint_owners, on_result=self._on_owners)
        self.find.setFocus()

    @Slot(int, object)
    def _on_owners(self, task_id: int, people) -> None:
        if task_id != self._tasks.get("owners"):
            return
        for person in people:
            self.owner.addItem(person.name, person.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(self.ws.ctx.user.id)))

    def search(self) -> None:
        text = self.find.text().strip()
        if text:
            self._tasks["find"] = self.ws.read(lookup.search, text, 0, 20,
                                               on_result=self._on_found)

    @Slot(int, object)
    def _on_found(self, task_id: int, rows) -> None:
        if task_id != self._tasks.get("find"):
            return
        self.customer.clear()
        seen = set()
        for row in rows:
            if row.customer_id not in seen:
                seen.add(row.customer_id)
                self.customer.addItem(" · ".join(x for x in (row.customer_name, row.plate,
                                                              row.mobile) if x), row.customer_id)
        if not rows:
            self.message_bar.show_message(self.tr("No customer found."), "warning")
        else:
            self.message_bar.clear()
            self.description.setFocus()

    def eventFilter(self, watched, event: QEvent) -> bool:
        if (watched is self.find and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.search()  # Enter finds the customer; it must not confirm the dialog
            return True
        return super().eventFilter(watched, event)

    def call(self):
        if self.customer.currentData() is None:
            raise ValidationError("complaint.customer_required", "Find and choose the customer.")
        return followup.open_complaint, (
            self.customer.currentData(), self.source.currentData(),
            self.description.toPlainText(), self.severity.currentData(),
            self.owner.currentData(), self.deadline.dateTime().toPython().astimezone()), {}

    def done_text(self, result) -> str:
        return self.tr("Complaint recorded for {name}.").format(name=self.customer.currentText())


class ResolveDialog(CommandDialog):
    def __init__(self, workspace, detail):
        super().__init__(workspace)
        self.setObjectName("careResolveDialog")
        self.detail = detail
        self.setWindowTitle(self.tr("Resolve complaint {number}").format(number=detail.number))
        self.root_cause = _text_box("resolveRootCause", detail.root_cause)
        self.resolution = _text_box("resolveResolution", detail.resolution)
        self.prevention = _text_box("resolvePrevention", detail.prevention)
        self.form.addRow(QLabel(escape(detail.description)))
        self.form.addRow(self.tr("Root &cause"), self.root_cause)
        self.form.addRow(self.tr("&Resolution"), self.resolution)
        self.form.addRow(self.tr("&Prevention note"), self.prevention)
        self.root_cause.setFocus()

    def call(self):
        return followup.resolve_complaint, (self.detail.id, self.root_cause.toPlainText(),
                                            self.resolution.toPlainText(),
                                            self.prevention.toPlainText()), {}

    def done_text(self, result) -> str:
        return self.tr("Complaint {number} resolved; make the closing call.").format(
            number=self.detail.number)


class CloseDialog(CommandDialog):
    def __init__(self, workspace, detail):
        super().__init__(workspace)
        self.setObjectName("careCloseDialog")
        self.detail = detail
        self.setWindowTitle(self.tr("Closing call: {number}").format(number=detail.number))
        self.note = QComboBox()
        self.note.setObjectName("closeNote")
        self.note.setEditable(True)
        self.note.addItems([self.tr("The customer accepts the resolution")])
        self.form.addRow(QLabel(escape(detail.resolution or "")))
        self.form.addRow(self.tr("What the customer &said"), self.note)
        self.note.setFocus()

    def call(self):
        return followup.close_complaint, (self.detail.id, self.note.currentText().strip() or None), {}

    def done_text(self, result) -> str:
        return self.tr("Complaint {number} closed.").format(number=self.detail.number)


class ComplaintsPage(QWidget):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("careComplaints")
        self.ws = workspace
        self.detail = None  # the shown complaint's care.ComplaintDetail
        self.loads = 0
        self._task: int | None = None
        self.filter = QComboBox()
        self.filter.setObjectName("complaintFilter")
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter)
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        bar.addWidget(self.count)
        overdue = (lambda c: RED if c.overdue else None)
        columns = [
            Column(lambda: self.tr("No."), lambda c: c.number),
            Column(lambda: self.tr("Opened"), lambda c: words.day(c.created_at)),
            Column(lambda: self.tr("Customer"), lambda c: c.customer_name),
            Column(lambda: self.tr("Order"), lambda c: c.work_order_number),
            Column(lambda: self.tr("Source"), lambda c: words.word(sources(), c.source)),
            Column(lambda: self.tr("Severity"), lambda c: words.word(words.severities(), c.severity)),
            Column(lambda: self.tr("Owner"), lambda c: c.owner),
            Column(lambda: self.tr("Deadline"), lambda c: words.when(c.deadline)),
            Column(lambda: self.tr("Level"), lambda c: c.escalation_level or "",
                   align=Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Status"), lambda c: words.word(complaint_states(), c.status)),
            Column(lambda: self.tr("Complaint"), lambda c: c.description,
                   tooltip=lambda c: c.description),
        ]
        self.model = PagedTableModel(workspace.ctx.runner, [
            Column(c.title, c.value, c.align, c.tooltip, overdue) for c in columns], parent=self)
        self.view = table_view(self.model, "complaintList", (9, 7, 6, 11, 9, 6, 5, 11, 4, 6),
                               stretch=10)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.page_loaded.connect(self._after_load)
        self.model.refreshed.connect(self._after_load)
        self.model.failed.connect(workspace.message_bar.show_error)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("complaintDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail_label)
        self.split = QSplitter()
        self.split.addWidget(self.view)
        self.split.addWidget(scroll)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([1000, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.split, 1)
        self.retranslate_ui()
        self.filter.currentIndexChanged.connect(self.load)

    def load(self) -> None:
        ws, status = self.ws, FILTERS[self.filter.currentData() or "open"]
        self.count.setText(self.tr("Loading..."))
        self.model.set_fetch(pages(analysis.complaint_list, ws.ctx.db, ws.ctx.user,
                                   status=status))

    def selected(self):
        return selected_row(self.view, self.model)

    @Slot()
    def _after_load(self) -> None:
        self.loads += 1  # pages and refreshes answered (benchmarks wait for the next)
        more = "+" if self.model.has_more else ""
        overdue = sum(1 for c in self.model.rows if c.overdue)
        self.count.setText(self.tr("{n}{more} complaints, {overdue} overdue").format(
            n=self.model.rowCount(), more=more, overdue=overdue))
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)
        elif (row := self.selected()) is not None:
            self.read_detail(row.id)  # the shown one may have changed

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.read_detail(self.model.row_at(current.row()).id)

    def read_detail(self, complaint_id: int) -> None:
        self._task = self.ws.read(care.complaint_detail, complaint_id, on_result=self._on_detail)

    @Slot(int, object)
    def _on_detail(self, task_id: int, detail) -> None:
        if task_id != self._task:
            return
        self.detail = detail
        self.detail_label.setText(self._html(detail))
        self.ws.update_actions()

    def _html(self, d) -> str:
        def line(label: str, value, red: bool = False) -> str:
            text = escape(str(value)) if value not in (None, "") else "-"
            style = f' style="color:{RED.name()}"' if red else ""
            return f"<tr><td><b>{label}</b></td><td{style}>{text}</td></tr>"

        labels = questions()
        scores = " · ".join(f"{labels.get(q, q)} {n}" for q, n in d.scores)
        deadline = words.when(d.deadline)
        if d.overdue:
            deadline += " " + self.tr("(overdue)")
        rows = [
            line(self.tr("Customer"), f"{d.customer_name} {d.mobile or ''}"),
            line(self.tr("Vehicle / order"), f"{d.plate or ''} {d.work_order_number or ''}"),
            line(self.tr("Source"), words.word(sources(), d.source)),
            line(self.tr("Severity"), words.word(words.severities(), d.severity)),
            line(self.tr("Status"), words.word(complaint_states(), d.status)),
            line(self.tr("Owner"), d.owner),
            line(self.tr("Deadline"), deadline, d.overdue),
            line(self.tr("Escalation"), self.tr("level {n}").format(n=d.escalation_level)
                 if d.escalation_level else "", d.escalation_level > 0),
            line(self.tr("Scores"), scores),
            line(self.tr("Root cause"), d.root_cause),
            line(self.tr("Resolution"), d.resolution),
            line(self.tr("Prevention note"), d.prevention),
            line(self.tr("Closing call"), d.closing_note),
            line(self.tr("Closed"), words.when(d.closed_at)),
        ]
        return (f"<h3>{escape(d.number)}</h3><p>{escape(d.description)}</p>"
                f"<table cellspacing='4'>{''.join(rows)}</table>")

    def retranslate_ui(self) -> None:
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        for key, text in (("open", self.tr("Open and to close")), ("closed", self.tr("Closed")),
                          ("all", self.tr("All"))):
            self.filter.addItem(text, key)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)
        self.filter_label.setText(self.tr("&Show"))
        self.model.retranslate()
        if self.detail is not None:
            self.detail_label.setText(self._html(self.detail))
