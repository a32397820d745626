"""The follow-up queue 回访 (step 11): calls due after delivery (24 h or 3 days), oldest first,
with the attempts made so far; a customer not reached three times is escalated (red).

Enter or Ctrl+R records the call: reached or not, a 1–5 score per question (overall needed),
an issue in the customer's words, the result. A low score or an issue opens a complaint for the
order's advisor with a deadline, in the same command (`followup.record_follow_up`).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from dms import clock
from dms.crm import followup
from dms.ui.care.calls import outcome_box
from dms.ui.common import words
from dms.ui.common.command_dialog import CommandDialog
from dms.ui.common.table import Column, PagedTableModel, pages
from dms.ui.common.views import form_row, selected_row, table_view

RED = QColor("#b3261e")
translate = QCoreApplication.translate


def questions() -> dict[str, str]:
    return {"reception": translate("CareWords", "Reception"),
            "quality": translate("CareWords", "Repair quality"),
            "timeliness": translate("CareWords", "On time"),
            "price": translate("CareWords", "Price"),
            "overall": translate("CareWords", "Overall")}


def statuses() -> dict[str, str]:
    return {"open": translate("CareWords", "To call"),
            "unreachable": translate("CareWords", "Not reached"),
            "escalated": translate("CareWords", "Escalated"),
            "done": translate("CareWords", "Done")}


def call_kind(row) -> str:
    """24 h or 3 days: the delay the advisor chose at delivery."""
    if row.delivered_at is None:
        return ""
    late = row.due_at - row.delivered_at > timedelta(hours=48)
    return translate("CareWords", "3 days") if late else translate("CareWords", "24 h")


class FollowUpDialog(CommandDialog):
    def __init__(self, workspace, row):
        super().__init__(workspace)
        self.setObjectName("careFollowUpDialog")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 60)  # five scores
        self.row = row
        self.setWindowTitle(self.tr("Follow-up: {number}").format(number=row.work_order_number))
        self.reached = outcome_box("followUpReached")
        self.scores: dict[str, QSpinBox] = {}
        for key in followup.QUESTIONS:
            box = QSpinBox()
            box.setObjectName(f"score_{key}")
            box.setRange(0, 5)
            box.setSpecialValueText("-")  # not asked
            box.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.scores[key] = box
        self.issue = QLineEdit()
        self.issue.setObjectName("followUpIssue")
        self.result = QComboBox()
        self.result.setObjectName("followUpResult")
        self.result.setEditable(True)
        self.result.addItems(["", self.tr("Satisfied"), self.tr("Dissatisfied"),
                              self.tr("No answer"), self.tr("Switched off")])
        self.form.addRow(QLabel(
            f"<b>{row.plate or ''}</b> · {row.customer_name} · {row.mobile or ''}<br>"
            f"{row.work_order_number} · {words.word(words.business_types(), row.business_type)}"
            f" · {row.advisor} · {words.when(row.delivered_at)}"))
        self.form.addRow(self.tr("&Outcome"), self.reached)
        labels = questions()
        score_row = []
        for key, box in self.scores.items():
            label = QLabel(labels[key])
            label.setBuddy(box)
            score_row += [label, box]
        self.form.addRow(self.tr("Scores 1-5"), form_row(*score_row))
        self.form.addRow(self.tr("&Issue raised"), self.issue)
        self.form.addRow(self.tr("&Result"), self.result)
        self.scores["overall"].setFocus()
        self.scores["overall"].selectAll()

    def call(self):
        reached = self.reached.currentData()
        answers = {key: box.value() for key, box in self.scores.items() if box.value()}
        issue = self.issue.text().strip() or None
        result = self.result.currentText().strip() or (issue if reached else "")
        return followup.record_follow_up, (self.row.id, result, None), {"issue": issue,
                                                   "reached": reached,
                                                   "scores": answers if reached else None}

    def done_text(self, result) -> str:
        if result.complaint_id is not None:
            return self.tr("Follow-up {number} recorded; a complaint was opened for the advisor "
                           "(see Complaints).").format(number=self.row.work_order_number)
        if result.status == followup.ESCALATED:
            return self.tr("{name} not reached {n} times: escalated.").format(
                name=self.row.customer_name, n=self.row.attempts + 1)
        return self.tr("Follow-up {number} recorded.").format(number=self.row.work_order_number)


class FollowUpPage(QWidget):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("careFollowUps")
        self.ws = workspace
        self.loads = 0
        self.heading = QLabel()
        self.due = QComboBox()
        self.due.setObjectName("followUpDue")
        self.due_label = QLabel()
        self.due_label.setBuddy(self.due)
        self.count = QLabel()
        self.count.setObjectName("followUpCount")
        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addSpacing(24)
        bar.addWidget(self.due_label)
        bar.addWidget(self.due)
        bar.addStretch(1)
        bar.addWidget(self.count)
        escalated = (lambda r: RED if r.status == followup.ESCALATED else None)
        self.model = PagedTableModel(workspace.ctx.runner, [
            Column(lambda: self.tr("Due"), lambda r: words.when(r.due_at), colour=escalated),
            Column(lambda: self.tr("Call"), call_kind),
            Column(lambda: self.tr("Plate"), lambda r: r.plate),
            Column(lambda: self.tr("Customer"), lambda r: r.customer_name),
            Column(lambda: self.tr("Mobile"), lambda r: r.mobile),
            Column(lambda: self.tr("Order"), lambda r: r.work_order_number),
            Column(lambda: self.tr("Type"),
                   lambda r: words.word(words.business_types(), r.business_type)),
            Column(lambda: self.tr("Advisor"), lambda r: r.advisor),
            Column(lambda: self.tr("Status"), lambda r: words.word(statuses(), r.status),
                   colour=escalated),
            Column(lambda: self.tr("Attempts"), lambda r: r.attempts or "",
                   align=Qt.AlignmentFlag.AlignRight, colour=escalated),
            Column(lambda: self.tr("Last attempt"), lambda r: r.last_result if r.attempts else "",
                   tooltip=lambda r: r.last_result),
        ], parent=self)
        self.view = table_view(self.model, "followUpList", (12, 6, 8, 7, 9, 10, 11, 6, 7, 6),
                               stretch=10)
        self.view.activated.connect(lambda _index: workspace.record_follow_up())
        self.model.page_loaded.connect(self._show_count)
        self.model.refreshed.connect(self._show_count)
        self.model.failed.connect(workspace.message_bar.show_error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.retranslate_ui()
        self.due.currentIndexChanged.connect(self.load)

    def load(self) -> None:
        ws = self.ws
        # due by the end of today (or of a later day): every call left over from before too
        days = 1 + (self.due.currentData() or 0)
        now = clock.now().astimezone()
        until = datetime.combine(now.date() + timedelta(days=days), time.min, tzinfo=now.tzinfo)
        self.count.setText(self.tr("Loading..."))
        self.model.set_fetch(pages(followup.due_follow_ups, ws.ctx.db, ws.ctx.user, until))

    def selected(self):
        return selected_row(self.view, self.model)

    @Slot()
    def _show_count(self) -> None:
        self.loads += 1  # pages and refreshes answered (benchmarks wait for the next)
        more = "+" if self.model.has_more else ""
        self.count.setText(self.tr("{n}{more} calls").format(n=self.model.rowCount(), more=more))
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Calls after delivery: within 24 h or 3 days"))
        current = self.due.currentData()
        self.due.blockSignals(True)
        self.due.clear()
        self.due.addItem(self.tr("today"), 0)
        self.due.addItem(self.tr("in the next 3 days"), 3)
        self.due.setCurrentIndex(max(0, self.due.findData(current)))
        self.due.blockSignals(False)
        self.due_label.setText(self.tr("&Due"))
        self.model.retranslate()
        self._show_count()
