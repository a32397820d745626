"""The estimate editor's dialogs, each one command: change a line (payer, hours, discount; a
manager's name and password for a discount above the advisor's limit), add a fee, and the
customer's approval of the estimate (with the lines they decline)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem

from dms.billing.pricing import FEE_KINDS
from dms.ui.common import words
from dms.ui.common.command_dialog import CommandDialog
from dms.workshop import desk, estimates

translate = QCoreApplication.translate


def _combo(items: dict[str, str], current: str | None) -> QComboBox:
    box = QComboBox()
    for key, text in items.items():
        box.addItem(text, key)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def _plain(value) -> str:
    return "" if value is None else f"{value.normalize():f}"


class ChangeLineDialog(CommandDialog):
    def __init__(self, workspace, work_order_id: int, version: int, line):
        super().__init__(workspace)
        self.setObjectName("changeLineDialog")
        self.setWindowTitle(self.tr("Change line: {name}").format(name=line.name))
        self.work_order_id, self.version, self.line = work_order_id, version, line
        self.payer = _combo(words.payers(), line.payer)
        self.discount = QLineEdit(_plain(line.discount_pct) if line.discount_pct else "")
        self.discount.setObjectName("changeLineDiscount")
        self.hours = QLineEdit(_plain(line.qty))
        self.manager = QLineEdit()
        self.manager.setObjectName("changeLineManager")
        self.password = QLineEdit()
        self.password.setObjectName("changeLinePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("&Payer"), self.payer)
        self.form.addRow(self.tr("&Discount %"), self.discount)
        if line.kind == "labour":
            self.form.addRow(self.tr("Billed &hours"), self.hours)
        self.form.addRow(self.tr("Manager (above your limit)"), self.manager)
        self.form.addRow(self.tr("Manager's pass&word"), self.password)
        self.discount.setFocus()
        self.discount.selectAll()

    def call(self):
        manager = (self.manager.text().strip(), self.password.text()) if self.manager.text().strip() else None
        return desk.change_line, (self.work_order_id, self.line.kind, self.line.id,
                                  self.payer.currentData()), dict(
            discount_pct=self.discount.text().strip() or None,
            billed_hours=self.hours.text().strip() or None if self.line.kind == "labour" else None,
            manager=manager, expected_version=self.version)

    def done_text(self, result) -> str:
        return self.tr("Line changed.")


class FeeDialog(CommandDialog):
    def __init__(self, workspace, work_order_id: int, version: int):
        super().__init__(workspace)
        self.setObjectName("feeDialog")
        self.setWindowTitle(self.tr("Add a fee"))
        self.work_order_id, self.version = work_order_id, version
        self.kind = _combo(fee_kinds(), "management")
        self.amount = QLineEdit()
        self.amount.setObjectName("feeAmount")
        self.payer = _combo({None: self.tr("by business type"), **words.payers()}, None)
        self.description = QLineEdit()
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.form.addRow(self.tr("&Amount"), self.amount)
        self.form.addRow(self.tr("&Payer"), self.payer)
        self.form.addRow(self.tr("&Description"), self.description)
        self.amount.setFocus()

    def call(self):
        return estimates.add_fee, (self.work_order_id, self.kind.currentData(),
                                   self.amount.text().strip()), dict(
            payer=self.payer.currentData(), description=self.description.text().strip() or None,
            expected_version=self.version)


def fee_kinds() -> dict[str, str]:
    names = {"management": translate("EstimateDialogs", "Management fee"),
             "auxiliary": translate("EstimateDialogs", "Auxiliary material"),
             "subcontract": translate("EstimateDialogs", "Subcontract"),
             "rescue": translate("EstimateDialogs", "Rescue / towing"),
             "other": translate("EstimateDialogs", "Other")}
    return {kind: names[kind] for kind in FEE_KINDS}


def methods() -> dict[str, str]:
    return {"signature": translate("EstimateDialogs", "Signed"), "in_person": translate("EstimateDialogs", "In person"),
            "phone": translate("EstimateDialogs", "Phone")}


class ApproveDialog(CommandDialog):
    """The customer's answer on the latest estimate: who, how, and the lines declined
    (unticked). Declined jobs and parts become recommendations for the next visit."""

    def __init__(self, workspace, work_order_id: int, version: int, customer: str, rows):
        super().__init__(workspace)
        self.setObjectName("approveDialog")
        self.setWindowTitle(self.tr("Customer approves the estimate"))
        self.work_order_id, self.version = work_order_id, version
        self.who = QLineEdit(customer)
        self.who.setObjectName("approveWho")
        self.method = _combo(methods(), "signature")
        self.lines = QListWidget()
        self.lines.setObjectName("approveLines")
        for row in rows:
            if row.kind == "fee" or row.approval != "approved":
                continue
            item = QListWidgetItem(f"{row.code} {row.name}  {words.money(row.net)}")
            item.setData(Qt.ItemDataRole.UserRole, (row.kind, row.id))
            item.setCheckState(Qt.CheckState.Checked)
            self.lines.addItem(item)
        self.form.addRow(self.tr("Approved &by"), self.who)
        self.form.addRow(self.tr("&How"), self.method)
        self.form.addRow(self.tr("&Lines (untick what is declined)"), self.lines)
        self.method.setFocus()

    def declined(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i in range(self.lines.count()):
            item = self.lines.item(i)
            if item.checkState() != Qt.CheckState.Checked:
                kind, line_id = item.data(Qt.ItemDataRole.UserRole)
                out.setdefault(kind, []).append(line_id)
        return out

    def call(self):
        return estimates.approve_estimate, (self.work_order_id, self.who.text(),
                                            self.method.currentData()), dict(
            declined_line_ids=self.declined() or None, expected_version=self.version)

    def done_text(self, result) -> str:
        if result.recommendation_ids:
            return self.tr("Approved; declined work is kept for the next visit.")
        return self.tr("Approved: the order goes to the workshop.")
