"""The work-order page's actions (estimate editor, approvals, pre-settlement, delivery): each
opens its dialog or runs its one command for the order on screen. Kept here so the workspace
module stays a switchboard."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from dms.ui.frontdesk.estimate_dialogs import ApproveDialog, ChangeLineDialog, FeeDialog
from dms.workshop import estimates


class OrderActions(QObject):
    def __init__(self, ws, page):
        super().__init__(page)
        self.ws, self.page = ws, page
        make = ws.ctx.actions.make
        self.actions = {
            "estimate.add": make("estimate.add", page, self.focus_add),
            "estimate.change_line": make("estimate.change_line", page, self.change_line),
            "estimate.remove_line": make("estimate.remove_line", page, self.remove_line),
            "estimate.add_fee": make("estimate.add_fee", page, self.add_fee),
            "estimate.issue": make("estimate.issue", page, self.issue),
            "estimate.approve": make("estimate.approve", page, self.approve),
            "estimate.print_checkin": make("estimate.print_checkin", page, self.print_checkin),
        }
        page.addActions(list(self.actions.values()))
        for action in self.actions.values():
            if action.objectName() != "estimate.add":
                page.add_button(action)

    def _order(self):
        page = self.page
        return (page.work_order_id, page.version()) if page.lines is not None else (None, None)

    @Slot()
    def focus_add(self) -> None:
        self.page.add.setFocus()
        self.page.add.selectAll()

    @Slot()
    def change_line(self) -> None:
        wo, version = self._order()
        line = self.page.selected_line()
        if wo is not None and line is not None and line.kind != "fee":
            self.ws._open(ChangeLineDialog(self.ws, wo, version, line), self.page.reload)

    @Slot()
    def remove_line(self) -> None:
        wo, version = self._order()
        line = self.page.selected_line()
        if wo is not None and line is not None:
            self.ws.command(estimates.remove_line, wo, line.kind, line.id,
                            expected_version=version, on_result=self._done)

    @Slot()
    def add_fee(self) -> None:
        wo, version = self._order()
        if wo is not None:
            self.ws._open(FeeDialog(self.ws, wo, version), self.page.reload)

    @Slot()
    def issue(self) -> None:
        wo, version = self._order()
        if wo is not None:
            self.ws.command(estimates.issue_estimate, wo, expected_version=version,
                            on_result=self._issued)

    @Slot(int, object)
    def _issued(self, _task_id: int, result) -> None:
        self.ws.message_bar.show_message(self.tr(
            "Estimate version {version} issued: {total}, the customer pays {share}.").format(
                version=result.version, total=f"¥{result.total:,.2f}",
                share=f"¥{result.customer_share:,.2f}"), "info")
        self.page.reload()
        self.ws.print_order("estimate", self.page.work_order_id)

    @Slot()
    def approve(self) -> None:
        wo, version = self._order()
        header = self.page.header
        if wo is not None and header is not None:
            self.ws._open(ApproveDialog(self.ws, wo, version, header.customer_name,
                                        self.page.model.rows), self.page.reload)

    @Slot()
    def print_checkin(self) -> None:
        if self.page.work_order_id is not None:
            self.ws.print_order("checkin", self.page.work_order_id)

    @Slot(int, object)
    def _done(self, _task_id: int, _result) -> None:
        self.page.reload()
