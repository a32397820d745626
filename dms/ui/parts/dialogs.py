"""The counter's dialogs: a part back from the workshop (退料), a part exchanged (换料), the old
part a line replaced (旧件) and where it goes next, a stocktake posted, a purchase order
cancelled. Each OK is one command (`CommandDialog`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from dms.parts import old_parts, picking, purchasing, stocktake
from dms.ui.common import words
from dms.ui.common.command_dialog import CommandDialog
from dms.ui.parts.words import dispositions, qty


def _field(text: str = "", name: str = "") -> QLineEdit:
    field = QLineEdit(text)
    field.setObjectName(name)
    return field


def _scan_input(name: str) -> QLineEdit:
    """A field a scanner types into: no input method, or a Chinese IME turns it into pinyin."""
    field = _field(name=name)
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    return field


class _LineDialog(CommandDialog):
    def __init__(self, workspace, line):
        super().__init__(workspace)
        self.line = line
        self.part = QLabel(f"{line.code} {line.name} · {qty(line.issued)} {line.unit}")
        # not self.tr(): at run time that would look in the subclass's context
        self.form.addRow(QCoreApplication.translate("CounterDialogs", "Part:"), self.part)


class ReturnDialog(_LineDialog):
    """Unused parts back into stock."""

    def __init__(self, workspace, line):
        super().__init__(workspace, line)
        self.setWindowTitle(self.tr("Return to the counter"))
        self.qty = _field(qty(line.issued), "returnQty")
        self.reason = _field(name="returnReason")
        self.form.addRow(self.tr("&Quantity:"), self.qty)
        self.form.addRow(self.tr("&Reason:"), self.reason)

    def call(self):
        return picking.return_part, (self.line.part_line_id, self.qty.text().strip(),
                                     self.reason.text()), {}

    def done_text(self, result) -> str:
        return self.tr("Returned to stock: {part}.").format(part=self.line.code)


class ExchangeDialog(_LineDialog):
    """The issued part back, the scanned replacement out on a line of its own."""

    def __init__(self, workspace, line, taker: str):
        super().__init__(workspace, line)
        self.setWindowTitle(self.tr("Exchange a part"))
        self.new_part = _scan_input("exchangeScan")
        self.qty = _field("1", "exchangeQty")
        self.reason = _field(name="exchangeReason")
        self.taker = _field(taker, "exchangeTaker")
        self.form.addRow(self.tr("&New part (scan):"), self.new_part)
        self.form.addRow(self.tr("&Quantity:"), self.qty)
        self.form.addRow(self.tr("&Reason:"), self.reason)
        self.form.addRow(self.tr("&Taken by:"), self.taker)

    def call(self):
        return picking.exchange_part, (self.line.part_line_id, self.new_part.text(),
                                       self.qty.text().strip(), self.reason.text()), {
            "received_by": self.taker.text().strip() or None}

    def done_text(self, result) -> str:
        return self.tr("Exchanged: {part} back, the new part issued.").format(part=self.line.code)


class OldPartDialog(_LineDialog):
    """The part the line replaced, taken off the car: what happens to it and where it is."""

    def __init__(self, workspace, line, warranty: bool = False):
        super().__init__(workspace, line)
        self.setWindowTitle(self.tr("Old part"))
        self.disposition = QComboBox()
        self.disposition.setObjectName("oldDisposition")
        for key, text in dispositions().items():
            self.disposition.addItem(text, key)
        if warranty:
            self.disposition.setCurrentIndex(self.disposition.findData(old_parts.WARRANTY))
        self.location = _field(name="oldLocation")
        self.form.addRow(self.tr("&Disposition:"), self.disposition)
        self.form.addRow(self.tr("&Location:"), self.location)

    def call(self):
        return old_parts.record_old_part, (self.line.part_line_id,
                                           self.disposition.currentData(),
                                           self.location.text()), {}

    def done_text(self, result) -> str:
        return self.tr("Old part recorded: {part}.").format(part=self.line.code)


class PostStocktakeDialog(CommandDialog):
    """The differences approved: adjustments posted, the bins unlocked."""

    def __init__(self, workspace, sheet):
        super().__init__(workspace)
        self.sheet = sheet
        self.setWindowTitle(self.tr("Post stocktake {number}").format(number=sheet.number))
        summary = QLabel(self.tr("Gain {gain}, loss {loss}; {count} lines not counted.").format(
            gain=words.money(sheet.gain_value), loss=words.money(sheet.loss_value),
            count=sheet.uncounted))
        summary.setObjectName("postSummary")
        summary.setWordWrap(True)
        self.zero = QCheckBox(self.tr("Count the uncounted lines as &zero"))
        self.zero.setEnabled(sheet.uncounted > 0)
        self.form.addRow(summary)
        self.form.addRow(self.zero)

    def call(self):
        return stocktake.post_stocktake, (self.sheet.id,), {
            "treat_uncounted_as_zero": self.zero.isChecked()}

    def done_text(self, result) -> str:
        return self.tr("Stocktake {number} posted: {count} adjustments.").format(
            number=result.number, count=len(result.movement_ids))


class OldPartMoveDialog(CommandDialog):
    """Warranty old parts back to the maker (under the claim's number), or old parts scrapped
    (why): one of an order's, or several chosen in the old-part store's list, all or none.
    Where they go and the note are kept in each one's chain of custody."""

    def __init__(self, workspace, olds, action: str):
        super().__init__(workspace)
        self.olds, self.action = list(olds), action
        to_maker = action == "return_to_maker"
        count = len(self.olds)
        if count == 1:
            self.setWindowTitle(self.tr("Old part back to the maker") if to_maker
                                else self.tr("Scrap the old part"))
        else:
            self.setWindowTitle(self.tr("%n old parts back to the maker", "", count) if to_maker
                                else self.tr("Scrap %n old parts", "", count))
        chosen = QLabel("\n".join(f"{x.part_code} {x.part_name} · {qty(x.qty)}"
                                   for x in self.olds))
        chosen.setObjectName("oldChosen")
        self.form.addRow(self.tr("Old part:") if count == 1 else self.tr("Old parts:"), chosen)
        self.note = _scan_input("oldNote") if to_maker else _field(name="oldNote")
        locations = {x.location or "" for x in self.olds}  # where they all are, if one place
        self.location = _field(next(iter(locations)) if len(locations) == 1 else "",
                               "oldMoveLocation")
        self.form.addRow(self.tr("&Claim no.:") if to_maker else self.tr("&Why:"), self.note)
        self.form.addRow(self.tr("&Location:"), self.location)

    def call(self):
        return old_parts.move_old_parts, ([x.id for x in self.olds], self.action,
                                          self.location.text(), self.note.text()), {}

    def done_text(self, result) -> str:
        if len(result.moved) == 1:
            return self.tr("Old part {part}: {status}.").format(
                part=self.olds[0].part_code, status=words.state_name(result.moved[0].status))
        return self.tr("%n old parts: {status}.", "", len(result.moved)).format(
            status=words.state_name(result.moved[0].status))


class CancelOrderDialog(CommandDialog):
    """The supplier will not deliver: the order cancelled, its needs proposed again."""

    def __init__(self, workspace, order):
        super().__init__(workspace)
        self.order = order
        self.setWindowTitle(self.tr("Cancel purchase order {number}").format(number=order.number))
        self.reason = _field(name="cancelReason")
        self.form.addRow(self.tr("Supplier:"), QLabel(f"{order.supplier_code} "
                                                      f"{order.supplier_name}"))
        self.form.addRow(self.tr("&Reason:"), self.reason)

    def call(self):
        return purchasing.cancel_purchase_order, (self.order.id, self.reason.text()), {}

    def done_text(self, result) -> str:
        return self.tr("Purchase order {number} cancelled; what it was to bring is proposed "
                       "again.").format(number=result.number)
