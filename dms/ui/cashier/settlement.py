"""One order at the desk, as the settlement slip shows it: the lines (labour and parts), labour
and material receivable and net, the fees, each payer's share, what was received and what is
outstanding, the customer's share in capitals (大写), the member card's stored value and
points — and, beside it, the payments being taken."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget)

from dms.billing.pricing import FEE_KINDS
from dms.reports.capitals import amount_in_capitals
from dms.ui.cashier.payments import PaymentsEditor, method_names
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import hours, table_view
from dms.ui.common.words import money, translate

R = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SLIPS = ("settlement", "settlement-receipt")  # A4, 80 mm roll


def fee_names() -> dict[str, str]:
    return {"management": translate("Cashier", "Management fee"),
            "auxiliary": translate("Cashier", "Auxiliary materials"),
            "subcontract": translate("Cashier", "Subcontract"),
            "rescue": translate("Cashier", "Rescue / towing"),
            "other": translate("Cashier", "Other fees")}


def line_columns() -> list[Column]:
    return [
        Column(lambda: translate("Cashier", "Kind"), lambda r: (
            translate("Cashier", "Labour") if r.kind == "labour" else translate("Cashier", "Part"))),
        Column(lambda: translate("Cashier", "Code"), lambda r: r.code),
        Column(lambda: translate("Cashier", "Name"), lambda r: r.name),
        Column(lambda: translate("Cashier", "Hours / qty"), lambda r: hours(r.quantity), R),
        Column(lambda: translate("Cashier", "Price"), lambda r: money(r.unit_price), R),
        Column(lambda: translate("Cashier", "Amount"), lambda r: money(r.amount), R),
        Column(lambda: translate("Cashier", "Discount"), lambda r: money(r.discount), R),
        Column(lambda: translate("Cashier", "Net"), lambda r: money(r.net), R),
        Column(lambda: translate("Cashier", "Payer"), lambda r: words.word(words.payers(), r.payer)),
    ]


def paid_columns() -> list[Column]:
    return [
        Column(lambda: translate("Cashier", "Time"), lambda r: words.when(r.at)),
        Column(lambda: translate("Cashier", "Method"), lambda r: method_names().get(r.method)),
        Column(lambda: translate("Cashier", "Amount"), lambda r: money(r.amount), R),
        Column(lambda: translate("Cashier", "Reference"), lambda r: r.reference or ""),
        Column(lambda: translate("Cashier", "Cashier"), lambda r: r.cashier),
    ]


class SettlementPage(QWidget):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cashierSettlement")
        self.view = None
        self.member = None
        runner = workspace.ctx.runner
        self.title = QLabel()
        self.title.setObjectName("settlementTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.lines = PagedTableModel(runner, line_columns(), key=lambda r: (r.kind, r.code, r.name),
                                     parent=self)
        self.lines_view = table_view(self.lines, "settlementLines", (5, 8, 0, 7, 7, 7, 6, 7, 7), 2)
        self.paid = PagedTableModel(runner, paid_columns(), key=lambda r: (r.at, r.method, r.amount),
                                    parent=self)
        self.paid_view = table_view(self.paid, "settlementPaid", (12, 8, 8, 10), 3)
        self.paid_view.setMaximumHeight(110)
        self.figures = QGridLayout()
        self.figures.setHorizontalSpacing(18)
        self.capitals = QLabel()
        self.capitals.setObjectName("settlementCapitals")
        self.capitals.setWordWrap(True)
        self.member_label = QLabel()
        self.member_label.setObjectName("settlementMember")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.lines_view, 3)
        left_layout.addLayout(self.figures)
        left_layout.addWidget(self.capitals)
        left_layout.addWidget(self.member_label)
        self.paid_caption = QLabel()
        left_layout.addWidget(self.paid_caption)
        left_layout.addWidget(self.paid_view, 1)

        self.payments = PaymentsEditor()
        self.payments_box = QGroupBox()
        box_layout = QVBoxLayout(self.payments_box)
        box_layout.addWidget(self.payments)
        self.add_button = QPushButton()
        self.slip = QComboBox()
        self.slip.setObjectName("slipFormat")
        self.slip.addItems(["", ""])
        self.settle_button = QPushButton()
        self.settle_button.setObjectName("settleButton")
        self.settle_button.setDefault(True)
        self.settle_button.setMinimumHeight(40)
        self.buttons = QVBoxLayout()
        slip_row = QFormLayout()
        self.slip_label = QLabel()
        slip_row.addRow(self.slip_label, self.slip)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.payments_box)
        adding = QHBoxLayout()
        adding.addWidget(self.add_button)
        adding.addStretch(1)
        right_layout.addLayout(adding)
        right_layout.addLayout(slip_row)
        right_layout.addWidget(self.settle_button)
        right_layout.addLayout(self.buttons)
        right_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 520])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        self.retranslate_ui()

    def add_button_for(self, action) -> QPushButton:
        button = QPushButton()
        button.clicked.connect(action.trigger)
        button.setEnabled(action.isEnabled())
        action.changed.connect(lambda: (button.setText(action.text().replace("&", "")),
                                        button.setEnabled(action.isEnabled()),
                                        button.setToolTip(action.toolTip())))
        button.setText(action.text().replace("&", ""))
        button.setToolTip(action.toolTip())
        self.buttons.addWidget(button)
        return button

    def slip_kind(self) -> str:
        return SLIPS[max(0, self.slip.currentIndex())]

    # -- showing an order ---------------------------------------------------------------------
    def show_settlement(self, view, member, keep_payments: bool = False) -> None:
        """The order's figures. The payment rows start again unless `keep_payments` and the
        balance they were typed against is still the same (another seat's change to the
        order must not lose what is being typed; a payment taken must clear it)."""
        same = (self.view is not None and self.view.work_order_id == view.work_order_id
                and self.view.outstanding == view.outstanding)
        self.view, self.member = view, member
        self.lines.set_rows(list(view.lines))
        self.paid.set_rows(list(view.payments))
        self._show_figures()
        if keep_payments and same:
            self.payments.member = member
            self.payments.recalculate()
        else:
            self.payments.reset(view.outstanding, member)
        self.retranslate_ui()

    def _show_figures(self) -> None:
        while self.figures.count():
            self.figures.takeAt(0).widget().deleteLater()
        view, pairs = self.view, []
        pairs += [(self.tr("Labour receivable"), view.labour_receivable),
                  (self.tr("Labour net"), view.labour_net),
                  (self.tr("Material receivable"), view.material_receivable),
                  (self.tr("Material net"), view.material_net)]
        pairs += [(fee_names()[k], a) for k, a in view.fees if a and k in FEE_KINDS]
        pairs += [(self.tr("Total"), view.total)]
        pairs += [(self.tr("Paid by {payer}").format(payer=words.word(words.payers(), p)), a)
                  for p, a in view.shares if a and p != "customer"]
        pairs += [(self.tr("Customer pays"), view.customer_share),
                  (self.tr("Received"), view.received),
                  (self.tr("Outstanding"), view.outstanding)]
        for n, (label, amount) in enumerate(pairs):
            row, column = divmod(n, 3)
            name, value = QLabel(label), QLabel(money(amount))
            value.setAlignment(R)
            if n == len(pairs) - 1 and amount > 0:  # the outstanding
                value.setStyleSheet("color:#8a1c13; font-weight:bold;")
            self.figures.addWidget(name, row, column * 2)
            self.figures.addWidget(value, row, column * 2 + 1)

    def retranslate_ui(self) -> None:
        self.payments_box.setTitle(self.tr("Payments"))
        self.add_button.setText(self.tr("Add payment (Ins)"))
        self.slip_label.setText(self.tr("Slip"))
        self.slip.setItemText(0, self.tr("A4 settlement slip"))
        self.slip.setItemText(1, self.tr("80 mm receipt"))
        self.paid_caption.setText(self.tr("Payments received"))
        self.lines.retranslate()
        self.paid.retranslate()
        self.payments.retranslate_ui()
        view = self.view
        if view is None:
            return
        state = (self.tr("reopened") if view.state == "reopened"  # the settlement's state
                 else words.state_name(view.state.upper()))
        parts = [view.work_order_number, view.plate or "", view.customer_name, state]
        if view.invoice_no:
            parts.append(self.tr("invoice {number}").format(number=view.invoice_no))
        if view.gate_pass_number:
            parts.append(self.tr("gate pass {number}").format(number=view.gate_pass_number))
        if view.credit_approved:
            parts.append(self.tr("credit approved"))
        self.title.setText(" · ".join(p for p in parts if p))
        self.capitals.setText(self.tr("Customer pays in words: RMB {capitals}").format(
            capitals=amount_in_capitals(view.customer_share)))
        member = self.member
        self.member_label.setText(self.tr(
            "Member card {card} ({tier}): stored value {balance}, {points} points").format(
            card=member.card_no, tier=member.tier_name, balance=money(member.balance),
            points=member.points) if member else self.tr("No member card"))
        self.settle_button.setText(
            self.tr("Settle and print (F9)") if view.state == "presettled"
            else self.tr("Take payment and print (F9)"))
        self.settle_button.setEnabled(view.outstanding > 0 or view.state == "presettled")
        self._show_figures()
