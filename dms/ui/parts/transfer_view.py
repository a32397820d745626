"""One transfer shown whole beside the list of transfers in transit: where it comes from and
goes to, who sent it and when, each part with its quantity and bins. It is the transfer the
counter's keys act on: Ctrl+Shift+G books it in, Ctrl+P prints its note."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import table_view
from dms.ui.parts.words import qty

translate = QCoreApplication.translate
RIGHT = Qt.AlignmentFlag.AlignRight


def note_columns() -> list[Column]:
    return [
        Column(lambda: translate("TransferBox", "Code"), lambda r: r.part_code),
        Column(lambda: translate("TransferBox", "Name"), lambda r: r.part_name),
        Column(lambda: translate("TransferBox", "Quantity"), lambda r: f"{qty(r.qty)} {r.unit}",
               RIGHT),
        Column(lambda: translate("TransferBox", "From bin"), lambda r: r.from_bin or ""),
        Column(lambda: translate("TransferBox", "To bin"), lambda r: r.to_bin or ""),
    ]


class TransferBox(QGroupBox):
    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.setObjectName("transferBox")
        self.note = None  # the transfer shown (dms.parts.transfers.TransferNote)
        self.bookable = False  # scanned or chosen to be booked in (not just sent from here)
        self.summary = QLabel()
        self.summary.setObjectName("transferSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.lines = PagedTableModel(runner, note_columns(), key=lambda r: r.part_code,
                                     parent=self)
        self.lines_view = table_view(self.lines, "transferLines", (11, 14, 6, 8), stretch=1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.lines_view, 1)
        self.retranslate_ui()

    def show_note(self, note, bookable: bool = True) -> None:
        self.note, self.bookable = note, bookable
        self.lines.set_rows(note.lines if note is not None else [])
        self.retranslate_ui()

    def can_book_in(self) -> bool:
        return (self.bookable and self.note is not None and self.note.incoming
                and self.note.status == "in_transit")

    def _summary(self) -> str:
        note = self.note
        text = self.tr("{from_store} {from_warehouse} {from_name} → {to_store} {to_warehouse} "
                       "{to_name}\nSent {when} by {who}; {status}.").format(
            from_store=note.from_store, from_warehouse=note.from_warehouse,
            from_name=note.from_warehouse_name, to_store=note.to_store,
            to_warehouse=note.to_warehouse, to_name=note.to_warehouse_name,
            when=words.when(note.sent_at), who=note.sent_by,
            status=words.state_name(note.status))
        if note.received_at is not None:
            text += " " + self.tr("Booked in {when} by {who}.").format(
                when=words.when(note.received_at), who=note.received_by or "")
        if self.can_book_in():
            text += "\n" + self.tr("Ctrl+Shift+G books it in; Ctrl+P prints its note.")
        else:
            text += "\n" + self.tr("Ctrl+P prints its note.")
        return text

    def retranslate_ui(self) -> None:
        if self.note is None:
            self.setTitle(self.tr("Transfer"))
            self.summary.setText(self.tr("Scan a transfer note (or select a transfer in the "
                                         "list) to see it here."))
        else:
            self.setTitle(self.tr("Transfer {number}").format(number=self.note.number))
            self.summary.setText(self._summary())
        self.lines.retranslate()
