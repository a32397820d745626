"""My jobs: the technician's list, in the order to do them, with big buttons for what the
terminal is for (clock on, clock off, job done, pause for parts or approval, self-check, added
work, parts). The selected job is remembered across refreshes (rows are merged by key)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QGridLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout,
                               QWidget)

from dms import clock
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import hours, selected_row, table_view
from dms.ui.technician import words as tech_words

translate = QCoreApplication.translate
LATE, SOON = QColor("#b42318"), QColor("#a15c07")


def _promise_colour(job):
    if job.promised_at is None or job.state == "done":
        return None
    left = (job.promised_at - clock.now()).total_seconds()
    return QBrush(LATE if left < 0 else SOON) if left < 3600 else None


def _order_state(job) -> str:
    text = words.state_name(job.order_state)
    if job.pause_reason:
        text += " (" + words.word(tech_words.pause_reasons(), job.pause_reason) + ")"
    return text


def _parts(job) -> str:
    text = words.word(tech_words.parts_states(), job.parts)
    return text + " " + translate("TechnicianJobs", "(asked)") if job.request_open else text


def job_columns() -> list[Column]:
    t = lambda text: lambda: translate("TechnicianJobs", text)  # noqa: E731
    return [
        Column(t("Plate"), lambda j: j.plate or j.number),
        Column(t("Model"), lambda j: j.model),
        Column(t("Job"), lambda j: f"{j.code} {j.name}"),
        Column(t("Job state"), lambda j: ("● " if j.clocked_on else "")
               + words.word(tech_words.job_states(), j.state)),
        Column(t("Car"), _order_state),
        Column(t("Parts"), _parts),
        Column(t("Promised"), lambda j: words.when(j.promised_at), colour=_promise_colour),
        Column(t("Bay"), lambda j: j.bay_name),
        Column(t("Hours"), lambda j: hours(j.billed_hours),
               align=Qt.AlignmentFlag.AlignRight),
    ]


class JobsPage(QWidget):
    selection_changed = Signal()

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("technicianJobs")
        self._ws = workspace
        self.model = PagedTableModel(workspace.ctx.runner, job_columns(),
                                     key=lambda j: j.labour_line_id, parent=self)
        self.table = table_view(self.model, "myJobs", (9, 10, 18, 9, 14, 9, 10, 8), stretch=2)
        font = QFont(self.table.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)  # read from a step away, with gloves on
        self.table.setFont(font)
        self.table.verticalHeader().setDefaultSectionSize(int(self.table.fontMetrics().height()
                                                              * 1.8))
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.model.rowsInserted.connect(self._keep_a_selection)
        self.empty = QLabel()
        self.empty.setObjectName("noJobs")
        self.detail = QLabel()
        self.detail.setObjectName("jobDetail")
        self.detail.setWordWrap(True)
        self.buttons = QGridLayout()
        self.buttons.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail)
        layout.addLayout(self.buttons)
        self.setFocusProxy(self.table)
        self.selection_changed.connect(self._show_detail)
        self.retranslate_ui()

    def add_button(self, action, row: int, column: int) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setObjectName(action.objectName().replace(".", "_"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumHeight(44)  # a finger's width on a touch screen
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay on the list
        self.buttons.addWidget(button, row, column)
        return button

    def show_jobs(self, jobs) -> None:
        self.model.set_rows(jobs)
        chosen = self.selected()
        if chosen is not None and chosen.state == "done" and jobs and jobs[0].state != "done":
            self.table.selectRow(0)  # a job just finished: the next one to do is chosen
        self.empty.setVisible(not jobs)
        self._show_detail()
        self.selection_changed.emit()

    def _keep_a_selection(self) -> None:
        if self.selected() is None and self.model.rowCount():
            self.table.selectRow(0)

    def selected(self):
        return selected_row(self.table, self.model)

    def clocked_job(self):
        return next((j for j in self.model.rows if j.clocked_on), None)

    def _show_detail(self) -> None:
        job = self.selected()
        if job is None:
            self.detail.clear()
            return
        text = translate("TechnicianJobs", "{number} · {plate} · {job}").format(
            number=job.number, plate=job.plate or "", job=job.name)
        if job.clocked_on:
            text += " · " + translate("TechnicianJobs", "you are clocked on")
        self.detail.setText(text)

    def retranslate_ui(self) -> None:
        self.empty.setText(translate("TechnicianJobs", "No jobs are dispatched to you."))
        self.model.retranslate()
        self._show_detail()
