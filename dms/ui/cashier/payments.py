"""The payments being taken, as rows: method, amount, reference (the voucher or transaction
number, scanned or typed). The first row comes filled with the whole outstanding amount in
cash, so the usual payment is F9 alone; more rows split it across methods.

Cash is what the customer hands over: above what is left after the other rows, the difference
is change and only the rest is recorded. Other methods are recorded as typed, and more than
the outstanding is refused by the service (nothing changes) — there is no change from a card.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QGridLayout, QLabel, QLineEdit, QToolButton,
                               QVBoxLayout, QWidget)

from dms.billing.settlement import NEEDS_REFERENCE, PaymentIn
from dms.ui.common.words import money

translate = QCoreApplication.translate
ZERO = Decimal("0.00")


def method_names() -> dict[str, str]:
    return {"cash": translate("Cashier", "Cash"), "card": translate("Cashier", "Bank card"),
            "wechat": translate("Cashier", "WeChat Pay"), "alipay": translate("Cashier", "Alipay"),
            "transfer": translate("Cashier", "Transfer"),
            "member_balance": translate("Cashier", "Stored value"),
            "points": translate("Cashier", "Points")}


def parse(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", "").replace("¥", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class PaymentRow:
    def __init__(self, editor: "PaymentsEditor", method: str, amount: Decimal):
        self.method = QComboBox()
        for key, name in method_names().items():
            self.method.addItem(name, key)
        self.method.setCurrentIndex(self.method.findData(method))
        self.amount = QLineEdit(f"{amount:.2f}")
        self.amount.setObjectName("paymentAmount")
        self.reference = QLineEdit()
        self.reference.setObjectName("paymentReference")
        self.remove = QToolButton()
        self.remove.setText("×")
        self.remove.clicked.connect(lambda: editor.remove_row(self))
        for signal in (self.method.currentIndexChanged, self.amount.textChanged,
                       self.reference.textChanged):
            signal.connect(editor.recalculate)
        self.widgets = (self.method, self.amount, self.reference, self.remove)

    def key(self) -> str:
        return self.method.currentData()


class PaymentsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("paymentsEditor")
        self.outstanding = ZERO
        self.member = None
        self.rows: list[PaymentRow] = []
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.headers = [QLabel() for _ in range(3)]
        for column, label in enumerate(self.headers):
            self.grid.addWidget(label, 0, column)
        self.summary = QLabel()
        self.summary.setObjectName("paymentSummary")
        self.summary.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("paymentHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.hint)
        layout.addWidget(self.summary)
        self.retranslate_ui()

    # -- rows ---------------------------------------------------------------------------------
    def reset(self, outstanding: Decimal, member=None) -> None:
        """One cash row for the whole `outstanding` (none when nothing is owed)."""
        for row in list(self.rows):
            self._drop(row)
        self.outstanding, self.member = outstanding, member
        if outstanding > 0:
            self.add_row("cash")
        self.recalculate()

    def add_row(self, method: str = "cash", amount: Decimal | None = None) -> PaymentRow:
        """A row for what is still left (or `amount`); the focus goes to its method."""
        row = PaymentRow(self, method, max(self.left(), ZERO) if amount is None else amount)
        number = len(self.rows) + 1
        for column, widget in enumerate(row.widgets):
            self.grid.addWidget(widget, number, column)
        self.rows.append(row)
        row.method.setFocus()
        self.recalculate()
        return row

    def remove_row(self, row: PaymentRow) -> None:
        self._drop(row)
        self.recalculate()

    def _drop(self, row: PaymentRow) -> None:
        self.rows.remove(row)
        for widget in row.widgets:
            self.grid.removeWidget(widget)
            widget.deleteLater()

    # -- figures ------------------------------------------------------------------------------
    def left(self) -> Decimal:
        """The outstanding less every row that reads as an amount."""
        return self.outstanding - sum((parse(r.amount.text()) or ZERO for r in self.rows), ZERO)

    def figures(self) -> tuple[Decimal, Decimal, Decimal]:
        """(recorded now, change given, outstanding after), cash capped at what is left."""
        others = sum((parse(r.amount.text()) or ZERO for r in self.rows if r.key() != "cash"),
                     ZERO)
        cash = sum((parse(r.amount.text()) or ZERO for r in self.rows if r.key() == "cash"), ZERO)
        cash_kept = max(min(cash, self.outstanding - others), ZERO)
        paid = others + cash_kept
        return paid, cash - cash_kept, self.outstanding - paid

    def payments(self) -> list[PaymentIn]:
        """The rows as the service takes them: cash less the change, in one line; text that is
        not a number goes as typed, for the service to refuse in words."""
        out, cash_rows = [], [r for r in self.rows if r.key() == "cash"]
        for row in self.rows:
            if row.key() != "cash":
                amount = parse(row.amount.text())
                out.append(PaymentIn(row.key(), row.amount.text() if amount is None else amount,
                                     row.reference.text().strip() or None))
        bad = [r.amount.text() for r in cash_rows if parse(r.amount.text()) is None]
        if bad:
            out.append(PaymentIn("cash", bad[0]))
        elif cash_rows:
            paid, _change, _after = self.figures()
            kept = paid - sum((p.amount for p in out), ZERO)
            if kept > 0:
                out.append(PaymentIn("cash", kept))
        return out

    def recalculate(self) -> None:
        paid, change, after = self.figures()
        parts = [self.tr("This payment {paid}").format(paid=money(paid))]
        if change > 0:
            parts.append(self.tr("change {change}").format(change=money(change)))
        parts.append(self.tr("outstanding after {after}").format(after=money(after)))
        self.summary.setText(" · ".join(parts))
        self.summary.setStyleSheet("color:#8a1c13; font-weight:bold;" if after < 0 else
                                   "font-weight:bold;")
        self._show_hint()

    def _show_hint(self) -> None:
        hints = []
        methods = {r.key() for r in self.rows}
        if methods & NEEDS_REFERENCE:
            hints.append(self.tr("Scan or type the voucher or transaction number of card, "
                                 "WeChat Pay, Alipay and transfer payments."))
        if self.member is not None and methods & {"member_balance", "points"}:
            hints.append(self.tr("Card {card}: stored value {balance}, {points} points "
                                 "(100 points pay ¥1.00).").format(
                card=self.member.card_no, balance=money(self.member.balance),
                points=self.member.points))
        self.hint.setText(" ".join(hints))
        self.hint.setVisible(bool(hints))

    def retranslate_ui(self) -> None:
        for label, text in zip(self.headers, (self.tr("Method"), self.tr("Amount"),
                                              self.tr("Reference (scan or type)"))):
            label.setText(text)
        names = method_names()
        for row in self.rows:
            for index in range(row.method.count()):
                row.method.setItemText(index, names[row.method.itemData(index)])
        self.recalculate()
