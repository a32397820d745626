"""The estimate editor's dialogs, each one command: change a line (payer, hours or quantity,
discount; a manager's name and password for a discount above the advisor's limit), add a fee,
and the customer's approval of the estimate (with the lines they decline and why, and their
signature drawn on the screen)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QWidget)

from dms.billing.pricing import FEE_KINDS
from dms.ui.common import words
from dms.ui.common.command_dialog import CommandDialog
from dms.ui.frontdesk.signature import SignaturePad
from dms.workshop import desk, estimates
from dms.workshop.added_work import approve_added_work
from dms.workshop.estimates import DeclineReason

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
        self.qty = QLineEdit(_plain(line.qty))
        self.qty.setObjectName("changeLineQty")
        self.manager = QLineEdit()
        self.manager.setObjectName("changeLineManager")
        self.password = QLineEdit()
        self.password.setObjectName("changeLinePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("&Payer"), self.payer)
        self.form.addRow(self.tr("&Discount %"), self.discount)
        self.form.addRow(self.tr("Billed &hours") if line.kind == "labour"
                         else self.tr("&Quantity"), self.qty)
        self.form.addRow(self.tr("Manager (above your limit)"), self.manager)
        self.form.addRow(self.tr("Manager's pass&word"), self.password)
        self.discount.setFocus()
        self.discount.selectAll()

    def call(self):
        name = self.manager.text().strip()
        manager = (name, self.password.text()) if name else None
        typed = self.qty.text().strip() or None
        labour = self.line.kind == "labour"
        return desk.change_line, (self.work_order_id, self.line.kind, self.line.id,
                                  self.payer.currentData()), dict(
            discount_pct=self.discount.text().strip() or None,
            billed_hours=typed if labour else None, qty=None if labour else typed,
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
    return {"signature": translate("EstimateDialogs", "Signed"),
            "in_person": translate("EstimateDialogs", "In person"),
            "phone": translate("EstimateDialogs", "Phone")}


class DeclineFields(QWidget):
    """Why the customer declined: one of a short list, and a note in their words."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.reason = _combo({None: translate("EstimateDialogs", "(choose why)"),
                              **words.decline_reasons()}, None)
        self.reason.setObjectName("declineReason")
        self.note = QLineEdit()
        self.note.setObjectName("declineNote")
        self.note.setPlaceholderText(translate("EstimateDialogs", "In the customer's words"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reason)
        row.addWidget(self.note, 1)
        self.setFocusProxy(self.reason)

    def given(self) -> bool:
        return bool(self.reason.currentData() or self.note.text().strip())

    def why(self) -> DeclineReason:
        return DeclineReason(self.reason.currentData() or "", self.note.text().strip() or None)


class ApproveDialog(CommandDialog):
    """The customer's answer on the latest estimate: who, how, the lines declined (unticked)
    and why, and — signed at the desk — the signature drawn on the screen. Declined jobs and
    parts become recommendations for the next visit."""

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
        self.lines.setMaximumHeight(7 * self.fontMetrics().height())
        self.decline = DeclineFields()
        self.pad = SignaturePad()
        self.pad.setMinimumSize(480, 130)
        self.setMinimumWidth(720)  # the labels and the whole pad
        self.clear_button = QPushButton(self.tr("C&lear the signature"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.form.addRow(self.tr("Approved &by"), self.who)
        self.form.addRow(self.tr("&How"), self.method)
        self.form.addRow(self.tr("&Lines (untick what is declined)"), self.lines)
        self.form.addRow(self.tr("&Why declined"), self.decline)
        self.form.addRow(self.tr("Customer signs here"), self.pad)
        self.form.addRow("", self.clear_button)
        self.lines.itemChanged.connect(self._show_fields)
        self.method.currentIndexChanged.connect(self._show_fields)
        self._show_fields()
        self.method.setFocus()

    @Slot()
    def _show_fields(self, *_args) -> None:
        """The reason only once a line is declined; the pad only when signing at the desk."""
        self.form.setRowVisible(self.decline, bool(self.declined()))
        signing = self.method.currentData() == "signature"
        self.form.setRowVisible(self.pad, signing)
        self.form.setRowVisible(self.clear_button, signing)

    def declined(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i in range(self.lines.count()):
            item = self.lines.item(i)
            if item.checkState() != Qt.CheckState.Checked:
                kind, line_id = item.data(Qt.ItemDataRole.UserRole)
                out.setdefault(kind, []).append(line_id)
        return out

    def call(self):
        declined = self.declined()
        signing = self.method.currentData() == "signature" and self.pad.strokes
        return estimates.approve_estimate, (self.work_order_id, self.who.text(),
                                            self.method.currentData()), dict(
            declined_line_ids=declined or None, expected_version=self.version,
            signature=self.pad.strokes if signing else None,
            why=self.decline.why() if declined and self.decline.given() else None)

    def done_text(self, result) -> str:
        if result.recommendation_ids:
            return self.tr("Approved; declined work is kept for the next visit.")
        return self.tr("Approved: the order goes to the workshop.")


class DeclineDialog(CommandDialog):
    """The customer declined the added work on the phone: why, kept with the car's declined
    work."""

    def __init__(self, workspace, row):
        super().__init__(workspace)
        self.setObjectName("declineDialog")
        self.setWindowTitle(self.tr("{number}: the customer declines the added work").format(
            number=row.number))
        self.row = row
        self.decline = DeclineFields()
        self.form.addRow(self.tr("Found"), QLabel(row.description))
        self.form.addRow(self.tr("&Why"), self.decline)
        self.decline.setFocus()

    def call(self):
        return approve_added_work, (self.row.work_order_id, self.row.customer_name, "phone",
                                    False), dict(expected_version=self.row.version,
                                                 why=self.decline.why())

    def done_text(self, result) -> str:
        return self.tr("{number}: declined; kept as a recommendation for the car.").format(
            number=self.row.number)
