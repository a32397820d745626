"""The day-end report 日结: one day's receipts and refunds per cashier and method, the balances
still outstanding and the invoices issued and voided; printed through the preview, exported
to a workbook."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QDateEdit, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from dms.ui.cashier.payments import method_names
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import table_view
from dms.ui.common.words import money, translate

R = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def line_columns() -> list[Column]:
    return [
        Column(lambda: translate("Cashier", "Cashier"), lambda r: r.cashier),
        Column(lambda: translate("Cashier", "Method"), lambda r: method_names().get(r.method)),
        Column(lambda: translate("Cashier", "Payments"), lambda r: str(r.count), R),
        Column(lambda: translate("Cashier", "Receipts"), lambda r: money(r.receipts), R),
        Column(lambda: translate("Cashier", "Refunds"), lambda r: money(r.refunds), R),
        Column(lambda: translate("Cashier", "Net"), lambda r: money(r.net), R),
    ]


def invoice_columns() -> list[Column]:
    return [
        Column(lambda: translate("Cashier", "Invoice"), lambda r: r.number),
        Column(lambda: translate("Cashier", "Work order"), lambda r: r.work_order_number),
        Column(lambda: translate("Cashier", "Time"), lambda r: words.when(r.at)),
        Column(lambda: translate("Cashier", "Customer pays"), lambda r: money(r.customer_share), R),
        Column(lambda: translate("Cashier", "Voided"), lambda r: (
            (r.reason or translate("Cashier", "voided")) if r.voided else "")),
    ]


class DayEndPage(QWidget):
    day_changed = Signal()

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cashierDayEnd")
        self.report = None
        runner = workspace.ctx.runner
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("dayEndDate")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(self.day_changed)
        self.print_button, self.export_button = QPushButton(), QPushButton()
        self.lines = PagedTableModel(runner, line_columns(),
                                     key=lambda r: (r.cashier, r.method), parent=self)
        self.lines_view = table_view(self.lines, "dayEndLines", (10, 10, 6, 10, 10), 5)
        self.invoices = PagedTableModel(runner, invoice_columns(),
                                        key=lambda r: (r.number, r.voided, r.at), parent=self)
        self.invoices_view = table_view(self.invoices, "dayEndInvoices", (14, 14, 12, 10), 4)
        self.totals = QFormLayout()
        self.total_labels = {key: QLabel() for key in (
            "receipts", "refunds", "net", "by_method", "credit_notes", "outstanding", "invoices")}
        for label in self.total_labels.values():
            label.setWordWrap(True)
        self.total_names = {key: QLabel() for key in self.total_labels}
        for key, label in self.total_labels.items():
            label.setObjectName(f"dayEnd_{key}")
            self.totals.addRow(self.total_names[key], label)
        self.day_label, self.lines_caption, self.invoices_caption = QLabel(), QLabel(), QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.day_label)
        bar.addWidget(self.day)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.export_button)
        left = QVBoxLayout()
        left.addWidget(self.lines_caption)
        left.addWidget(self.lines_view, 1)
        left.addWidget(self.invoices_caption)
        left.addWidget(self.invoices_view, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(self.totals, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        self.retranslate_ui()

    def chosen_day(self):
        return self.day.date().toPython()

    def show_report(self, report) -> None:
        self.report = report
        self.lines.set_rows(list(report.lines))
        self.invoices.set_rows(list(report.issued) + [v for v in report.voided if v.number not in
                                                      {i.number for i in report.issued}])
        self._show_totals()

    def _show_totals(self) -> None:
        report = self.report
        if report is None:
            return
        names = method_names()
        texts = {
            "receipts": money(report.receipts), "refunds": money(report.refunds),
            "net": money(report.net),
            "by_method": "\n".join(f"{names.get(m, m)}: {money(r - f)}"
                                   for m, r, f in report.by_method()) or "-",
            "credit_notes": money(report.credit_notes),
            "outstanding": self.tr("{amount} on {count} order(s)").format(
                amount=money(report.outstanding), count=report.outstanding_orders),
            "invoices": self.tr("{issued} issued, {voided} voided").format(
                issued=len(report.issued), voided=len(report.voided)),
        }
        for key, text in texts.items():
            self.total_labels[key].setText(text)

    def retranslate_ui(self) -> None:
        self.day_label.setText(self.tr("Day"))
        self.print_button.setText(self.tr("Print... (Ctrl+P)"))
        self.export_button.setText(self.tr("Export to Excel... (Ctrl+S)"))
        self.lines_caption.setText(self.tr("Per cashier and payment method"))
        self.invoices_caption.setText(self.tr("Invoices issued and voided"))
        names = {"receipts": self.tr("Receipts"), "refunds": self.tr("Refunds"),
                 "net": self.tr("Net takings"), "by_method": self.tr("Net per method"),
                 "credit_notes": self.tr("Credit notes"),
                 "outstanding": self.tr("Outstanding now"), "invoices": self.tr("Invoices")}
        for key, label in self.total_names.items():
            label.setText(names[key])
        self.lines.retranslate()
        self.invoices.retranslate()
        self._show_totals()
