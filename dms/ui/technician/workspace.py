"""The technician terminal 技师终端 (DESIGN §9): my jobs, clock on / off, pause for parts or
approval, self-check, added work, parts from the counter; tools and equipment (F3).

Each button is one command on the selected job (the first is selected when the list loads, so
clocking on the next job is one key). Another seat's change (the dispatcher moving a job, the
counter issuing parts) arrives through the change bus and is merged into the list by key.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout

from dms.ui.technician import words as tech_words
from dms.ui.technician.dialogs import (AddedWorkDialog, CheckoutDialog, DamageDialog,
                                       MaintenanceDialog, SelfCheckDialog)
from dms.ui.technician.jobs import JobsPage
from dms.ui.technician.tools import ToolsPage
from dms.ui.shell.bus import as_changes
from dms.ui.shell.workspace import Workspace
from dms.workshop import dispatch, terminal, tools

translate = QCoreApplication.translate
CLOCK = ("technician.clock_on", "technician.clock_off", "technician.job_done")
ORDER = ("technician.pause_parts", "technician.pause_approval", "technician.resume",
         "technician.self_check", "technician.added_work", "technician.request_parts")
TOOL = ("tools.check_out", "tools.return", "tools.damaged", "tools.maintenance")


class TechnicianTerminal(Workspace):
    id = "technician"
    roles = frozenset({"technician", "team_lead"})

    @classmethod
    def title_for(cls) -> str:
        return QCoreApplication.translate("TechnicianTerminal", "Technician terminal")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.dialog = None
        self._texts: dict[int, str] = {}
        self._jobs_task: int | None = None
        self.jobs_page = JobsPage(self)
        self.tools_page = ToolsPage(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.jobs_page)
        self.pages.addWidget(self.tools_page)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        make = ctx.actions.make
        slots = {"technician.clock_on": self.clock_on, "technician.clock_off": self.clock_off,
                 "technician.job_done": self.job_done,
                 "technician.pause_parts": lambda: self.pause("waiting_parts"),
                 "technician.pause_approval": lambda: self.pause("waiting_approval"),
                 "technician.resume": self.resume, "technician.self_check": self.self_check,
                 "technician.added_work": self.added_work,
                 "technician.request_parts": self.request_parts,
                 "technician.tools": self.show_tools}
        self.actions = {}
        for n, action_id in enumerate((*CLOCK, *ORDER, "technician.tools")):
            action = make(action_id, self.jobs_page, slots[action_id])
            self.jobs_page.addAction(action)
            self.jobs_page.add_button(action, n // 5, n % 5)
            self.actions[action_id] = action
        tool_slots = {"tools.check_out": self.check_out, "tools.return": self.return_tool,
                      "tools.damaged": self.return_damaged,
                      "tools.maintenance": self.maintenance,
                      "tools.search": self.tools_page.search.setFocus,
                      "technician.back": self.show_jobs}
        for action_id, slot in tool_slots.items():
            action = make(action_id, self.tools_page, slot)
            self.tools_page.addAction(action)
            self.actions[action_id] = action
            if action_id in TOOL:
                button = self.jobs_page.add_button(action, 0, 0)  # same look as the job buttons
                self.jobs_page.buttons.removeWidget(button)
                self.tools_page.buttons.addWidget(button)
        self.jobs_page.selection_changed.connect(self._update_actions)
        self.tools_page.selection_changed.connect(self._update_actions)
        self.tools_page.model.dataChanged.connect(self._update_actions)
        self._update_actions()
        self.refresh()

    # -- the shell's interface -------------------------------------------------------------
    def focus_widget(self):
        return self.pages.currentWidget().focusProxy()

    def wants(self, changes) -> bool:
        return any(c.entity in ("work_order", "tool") for c in changes)

    def apply_changes(self, changes) -> None:
        if any(c.entity == "work_order" for c in changes):
            self._load_jobs()
        if any(c.entity == "tool" for c in changes):
            self.tools_page.refresh()

    def refresh(self) -> None:
        self._load_jobs()
        self.tools_page.refresh()

    def _load_jobs(self) -> None:
        self._jobs_task = self.read(terminal.my_jobs, on_result=self._on_jobs)

    @Slot(int, object)
    def _on_jobs(self, task_id: int, jobs) -> None:
        if task_id == self._jobs_task:
            self.jobs_page.show_jobs(jobs)

    @Slot()
    def show_tools(self) -> None:
        self.pages.setCurrentWidget(self.tools_page)
        self.tools_page.search.setFocus()
        self._update_actions()

    @Slot()
    def show_jobs(self) -> None:
        self.pages.setCurrentWidget(self.jobs_page)
        self.jobs_page.table.setFocus()
        self._update_actions()

    @Slot()
    def _update_actions(self) -> None:
        job, tool = self.jobs_page.selected(), self.tools_page.selected()
        enable = self.ctx.actions.set_enabled
        on = job is not None and job.clocked_on
        repairing = job is not None and job.order_state == "IN_REPAIR"
        enable(self.actions["technician.clock_on"], job is not None and not on
               and job.state != "done" and job.order_state in ("DISPATCHED", "IN_REPAIR", "REWORK"))
        enable(self.actions["technician.clock_off"], on)
        enable(self.actions["technician.job_done"], on)
        enable(self.actions["technician.pause_parts"], repairing)
        enable(self.actions["technician.pause_approval"], repairing)
        enable(self.actions["technician.resume"], job is not None
               and job.order_state == "PAUSED")
        enable(self.actions["technician.self_check"], repairing and not on)
        enable(self.actions["technician.added_work"], job is not None
               and job.order_state in ("IN_REPAIR", "PAUSED"))
        enable(self.actions["technician.request_parts"], job is not None
               and job.parts == "waiting" and not job.request_open)
        enable(self.actions["tools.check_out"], tool is not None and tool.status == "available")
        for action_id in ("tools.return", "tools.damaged"):
            enable(self.actions[action_id], tool is not None and tool.status == "out")
        enable(self.actions["tools.maintenance"], tool is not None and tool.status != "out")

    # -- job commands -----------------------------------------------------------------------
    def _job(self):
        job = self.jobs_page.selected()
        if job is None:
            self.message_bar.show_message(translate("TechnicianTerminal", "Select a job first."),
                                          "warning")
        return job

    def _act(self, fn, *args, text: str) -> None:
        """One command; `text` confirms it in the message bar once it went through."""
        self._texts[self.command(fn, *args, on_result=self._acted)] = text

    @Slot(int, object)
    def _acted(self, task_id: int, result) -> None:
        self.message_bar.show_message(self._texts.pop(task_id, ""), "info")
        if hasattr(result, "order"):  # a clock result names its order as `.order`
            self.ctx.bus.publish(as_changes(result.order))

    @Slot()
    def clock_on(self) -> None:
        job = self._job()
        if job is not None:
            self._act(dispatch.clock_on, job.labour_line_id, text=(
                translate("TechnicianTerminal", "Clocked on {job} ({plate}).").format(
                    job=job.name, plate=job.plate or job.number)))

    @Slot()
    def clock_off(self, done: bool = False) -> None:
        job = self._job()
        if job is not None:
            text = (translate("TechnicianTerminal", "{job} is done; clocked off.") if done else
                    translate("TechnicianTerminal", "Clocked off {job}."))
            self._act(dispatch.clock_off, job.labour_line_id, done,
                      text=text.format(job=job.name))

    @Slot()
    def job_done(self) -> None:
        self.clock_off(done=True)

    def pause(self, reason: str) -> None:
        job = self._job()
        if job is not None:
            self._act(dispatch.pause, job.work_order_id, reason, text=(
                translate("TechnicianTerminal", "{number} paused: {reason}.").format(
                    number=job.number, reason=tech_words.pause_reasons()[reason])))

    @Slot()
    def resume(self) -> None:
        job = self._job()
        if job is not None:
            self._act(dispatch.resume, job.work_order_id, text=(
                translate("TechnicianTerminal", "{number} resumed.").format(number=job.number)))

    @Slot()
    def request_parts(self) -> None:
        job = self._job()
        if job is not None:
            self._act(terminal.request_parts, job.labour_line_id, text=(
                translate("TechnicianTerminal", "The counter is asked for the parts of "
                                                "{number}.").format(number=job.number)))

    def _open(self, dialog):
        """Window-modal, non-blocking; kept until the next one (tests drive it)."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def self_check(self) -> None:
        job = self._job()
        if job is not None:
            self._open(SelfCheckDialog(self, job))

    @Slot()
    def added_work(self) -> None:
        job = self._job()
        if job is not None:
            self._open(AddedWorkDialog(self, job))

    # -- tool commands ----------------------------------------------------------------------
    def _tool(self):
        tool = self.tools_page.selected()
        if tool is None:
            self.message_bar.show_message(translate("TechnicianTerminal",
                                                    "Select a tool first."), "warning")
        return tool

    @Slot()
    def check_out(self) -> None:
        tool = self._tool()
        if tool is not None:
            job = self.jobs_page.clocked_job() or self.jobs_page.selected()
            self._open(CheckoutDialog(self, tool, job.number if job else None))

    @Slot()
    def return_tool(self) -> None:
        tool = self._tool()
        if tool is not None:
            self._act(tools.return_tool, tool.id, text=(
                translate("TechnicianTerminal", "{code} is back on the shelf.").format(
                    code=tool.code)))

    @Slot()
    def return_damaged(self) -> None:
        tool = self._tool()
        if tool is not None:
            self._open(DamageDialog(self, tool))

    @Slot()
    def maintenance(self) -> None:
        tool = self._tool()
        if tool is not None:
            self._open(MaintenanceDialog(self, tool))

    def retranslate_ui(self) -> None:
        self.jobs_page.retranslate_ui()
        self.tools_page.retranslate_ui()

