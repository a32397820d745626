"""The customer-care 客服回访 workspace (DESIGN §9): reminder calls, the follow-up queue after
delivery, complaints with owner and deadline — one tab each (Alt+1, Alt+2, Alt+3).

Every write is one command in the workspace's lane, through a `CommandDialog` that keeps what
was typed when the service refuses. Changes from this seat and others (appointments, follow-
ups, complaints, work orders) refresh the lists in place, by key.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from dms.crm import care
from dms.ui.care.calls import CallDialog, CallsPage, ReminderBookingDialog
from dms.ui.care.complaints import (AssignDialog, CloseDialog, ComplaintsPage,
                                    NewComplaintDialog, ResolveDialog)
from dms.ui.care.followups import FollowUpDialog, FollowUpPage
from dms.ui.shell.workspace import Workspace
from dms.workshop.common import Changed

ENTITIES = {"reminder", "appointment", "follow_up", "complaint", "work_order", "customer", "vehicle"}


class CustomerCare(Workspace):
    id = "care"
    roles = frozenset({"customer_care"})

    @classmethod
    def title_for(cls) -> str:
        return QCoreApplication.translate("CustomerCare", "Customer care")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self._loaded: set[int] = set()
        self.calls = CallsPage(self)
        self.follow_ups = FollowUpPage(self)
        self.complaints = ComplaintsPage(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("careTabs")
        for page in (self.calls, self.follow_ups, self.complaints):
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        make = ctx.actions.make
        self.tab_actions = [make(f"care.{name}", self, lambda _=False, i=i: self.show_tab(i))
                            for i, name in enumerate(("calls", "followups", "complaints"))]
        self.call_action = make("care.call", self.calls, self.record_call)
        self.book_action = make("care.book", self.calls, self.book)
        self.list_action = make("care.list", self.calls, self.calls.kind.setFocus)
        self.follow_up_action = make("care.follow_up", self.follow_ups, self.record_follow_up)
        self.new_complaint_action = make("care.new_complaint", self.complaints,
                                         self.new_complaint)
        self.assign_action = make("care.assign", self.complaints, self.assign)
        self.resolve_action = make("care.resolve", self.complaints, self.resolve)
        self.close_action = make("care.close", self.complaints, self.close_complaint)
        self.escalate_action = make("care.escalate", self.complaints, self.escalate)
        self.addActions(self.tab_actions)
        for page, actions in ((self.calls, (self.call_action, self.book_action, self.list_action)),
                              (self.follow_ups, (self.follow_up_action,)),
                              (self.complaints, (self.new_complaint_action, self.assign_action,
                                                 self.resolve_action, self.close_action,
                                                 self.escalate_action))):
            page.addActions(actions)
            page.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.retranslate_ui()
        self._tab_shown(0)

    # -- the shell's interface -------------------------------------------------------------
    def focus_widget(self):
        page = self.tabs.currentWidget()
        return page.view

    def wants(self, changes) -> bool:
        return any(c.entity in ENTITIES for c in changes)

    def apply_changes(self, changes) -> None:
        for page in (self.calls, self.follow_ups, self.complaints):
            page.model.refresh()

    def refresh(self) -> None:
        if self.tabs.currentWidget() is self.complaints:
            self.escalate(quiet=True)
        self.apply_changes([])

    @Slot(int, object)
    def _publish(self, task_id: int, result: object) -> None:
        """A follow-up may have opened a complaint, which its result names by id only."""
        if getattr(result, "complaint_id", None) is not None:
            result = [result, Changed("complaint", result.complaint_id)]
        super()._publish(task_id, result)

    # -- tabs -------------------------------------------------------------------------------
    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self.focus_widget().setFocus()

    @Slot(int)
    def _tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if index not in self._loaded:  # each list is read the first time it is shown
            self._loaded.add(index)
            if page is self.complaints:
                self.escalate(quiet=True)
            page.load()
        self.update_actions()

    def update_actions(self) -> None:
        detail = self.complaints.detail
        status = detail.status if detail is not None else None
        self.ctx.actions.set_enabled(self.assign_action, status == "open")
        self.ctx.actions.set_enabled(self.resolve_action, status == "open")
        self.ctx.actions.set_enabled(self.close_action, status == "resolved")

    # -- commands: each through a dialog, one service call -------------------------------
    @Slot()
    def record_call(self) -> None:
        row = self.calls.selected()
        if row is not None:
            self.open_dialog(CallDialog(self, row))

    @Slot()
    def book(self) -> None:
        row = self.calls.selected()
        if row is not None:
            self.open_dialog(ReminderBookingDialog(self, row))

    @Slot()
    def record_follow_up(self) -> None:
        row = self.follow_ups.selected()
        if row is not None:
            self.open_dialog(FollowUpDialog(self, row))

    def _detail(self):
        """The complaint shown beside the list, if it is the selected one."""
        row, detail = self.complaints.selected(), self.complaints.detail
        return detail if row is not None and detail is not None and detail.id == row.id else None

    @Slot()
    def new_complaint(self) -> None:
        self.open_dialog(NewComplaintDialog(self))

    @Slot()
    def assign(self) -> None:
        if (detail := self._detail()) is not None:
            self.open_dialog(AssignDialog(self, detail))

    @Slot()
    def resolve(self) -> None:
        if (detail := self._detail()) is not None:
            self.open_dialog(ResolveDialog(self, detail))

    @Slot()
    def close_complaint(self) -> None:
        if (detail := self._detail()) is not None:
            self.open_dialog(CloseDialog(self, detail))

    @Slot()
    def escalate(self, quiet: bool = False) -> None:
        if self.ctx.actions.allowed("care.escalate"):
            self.command(care.escalate, on_result=self._quiet_escalated if quiet
                         else self._escalated)

    @Slot(int, object)
    def _escalated(self, _task_id: int, changed) -> None:
        self.message_bar.show_message(self.tr("%n overdue complaint(s) escalated.", "",
                                              len(changed)), "info")

    @Slot(int, object)
    def _quiet_escalated(self, task_id: int, changed) -> None:
        if changed:
            self._escalated(task_id, changed)

    def retranslate_ui(self) -> None:
        for index, text in enumerate((self.tr("Reminder calls"), self.tr("Follow-ups"),
                                      self.tr("Complaints"))):
            self.tabs.setTabText(index, text)
        for page in (self.calls, self.follow_ups, self.complaints):
            page.retranslate_ui()
