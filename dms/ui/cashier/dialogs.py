"""The desk's dialogs, each one command: credit (挂账) approved by a manager, and a refund or
credit note (红字冲销) with a manager's approval above the store's limit. A manager signed in
at the desk approves as themselves; otherwise the manager types their name and password."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from dms import permissions
from dms.billing import desk
from dms.ui.common.command_dialog import CommandDialog
from dms.ui.common.words import money, translate


class _Approved(CommandDialog):
    """A reason, and the approving manager's name and password unless one is signed in."""

    approval = ""  # the permission the manager's approval stands for

    def __init__(self, workspace, view):
        super().__init__(workspace)
        self.view = view
        self.order = QLabel(f"{view.work_order_number} · {view.plate or ''} · "
                            f"{view.customer_name}")
        self.reason = QLineEdit()
        self.reason.setObjectName("approvalReason")
        self.manager = QLineEdit()
        self.manager.setObjectName("approvalManager")
        self.password = QLineEdit()
        self.password.setObjectName("approvalPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.signed_in_manager = permissions.may(workspace.ctx.user.roles, self.approval)

    def approval_rows(self, title: str) -> None:
        # translate(), not tr(): the words are the same for both dialogs built on this class
        self.form.addRow(translate("Cashier", "Work order"), self.order)
        self.form.addRow(translate("Cashier", "&Reason"), self.reason)
        if not self.signed_in_manager:
            self.form.addRow(translate("Cashier", "&Manager"), self.manager)
            self.form.addRow(translate("Cashier", "Pass&word"), self.password)
        self.setWindowTitle(title)

    def approver(self) -> dict:
        if self.signed_in_manager:
            return {}
        return {"manager": self.manager.text(), "password": self.password.text()}


class CreditDialog(_Approved):
    approval = "credit.approve"

    def __init__(self, workspace, view):
        super().__init__(workspace, view)
        self.setObjectName("creditDialog")
        self.approval_rows(self.tr("Credit: let the car go with {amount} outstanding").format(
            amount=money(view.outstanding)))
        self.reason.setFocus()

    def call(self):
        return (desk.approve_credit, (self.view.work_order_id, self.reason.text()),
                self.approver())

    def done_text(self, result) -> str:
        return self.tr("Credit approved; gate pass {number} printed.").format(
            number=result.gate_pass_number or "-")


class RefundDialog(_Approved):
    approval = "refund.approve"

    def __init__(self, workspace, view):
        super().__init__(workspace, view)
        self.setObjectName("refundDialog")
        self.kind = QComboBox()
        self.kind.setObjectName("refundKind")
        self.kind.addItem(self.tr("Refund: money back by the methods it was paid"), "refund")
        self.kind.addItem(self.tr("Credit note (红字冲销): lower the bill, new invoice"),
                          "credit_note")
        self.amount = QLineEdit()
        self.amount.setObjectName("refundAmount")
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.form.addRow(self.tr("&Amount"), self.amount)
        self.approval_rows(self.tr("Refund or credit note"))
        self.manager.setPlaceholderText(self.tr("only above the store's refund limit"))
        self.amount.setFocus()

    def call(self):
        approval = self.approver() if self.manager.text().strip() else {}
        return (desk.refund, (self.view.work_order_id, self.kind.currentData(),
                              self.amount.text(), self.reason.text()), approval)

    def done_text(self, result) -> str:
        return self.tr("{number}: {amount} done; the slip is in the preview.").format(
            number=result.number, amount=money(result.amount))
