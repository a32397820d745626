"""The old-part store (旧件库) of the whole store, every order's old parts in one list
(`dms.parts.old_parts.old_part_list`): where each is, its claim number once it went back to the
maker, how many days it has been held. Filtered by status, work order and claim number; a
scanned job card shows that order's old parts, any other scan is taken as a claim number.
The selected rows are acted on together, all or none (`move_old_parts`): Ctrl+I into the
store, Ctrl+Shift+M back to the maker under a claim number, Ctrl+Shift+S scrapped."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from dms.parts import counter, old_parts
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel, pages
from dms.ui.common.views import table_view
from dms.ui.parts.dialogs import OldPartMoveDialog
from dms.ui.parts.words import dispositions, qty

translate = QCoreApplication.translate
RIGHT = Qt.AlignmentFlag.AlignRight
FILTER_DELAY_MS = 300  # typing a claim number: the list follows once the typing pauses
# The status filter's choices: (key, the statuses it shows; none: all).
STATUSES = (("custody", old_parts.CUSTODY), ("pending", ("pending",)),
            ("in_store", ("in_store",)), ("returned", ("returned",)),
            ("handed_over", ("handed_over",)), ("scrapped", ("scrapped",)), ("all", ()))


def status_texts() -> dict[str, str]:
    return {"custody": translate("OldPartsPage", "In custody (not yet in the store, or in it)"),
            "pending": translate("OldPartsPage", "Waiting for intake"),
            "in_store": translate("OldPartsPage", "In the old-part store"),
            "returned": translate("OldPartsPage", "Returned to the maker"),
            "handed_over": translate("OldPartsPage", "Handed to the customer"),
            "scrapped": translate("OldPartsPage", "Scrapped"),
            "all": translate("OldPartsPage", "All")}


def columns() -> list[Column]:
    return [
        Column(lambda: translate("OldPartsPage", "Work order"), lambda r: r.order_number),
        Column(lambda: translate("OldPartsPage", "Plate"), lambda r: r.plate or ""),
        Column(lambda: translate("OldPartsPage", "Part"), lambda r: r.part_code),
        Column(lambda: translate("OldPartsPage", "Name"), lambda r: r.part_name),
        Column(lambda: translate("OldPartsPage", "Qty"), lambda r: qty(r.qty), RIGHT),
        Column(lambda: translate("OldPartsPage", "Disposition"),
               lambda r: dispositions().get(r.disposition, r.disposition)),
        Column(lambda: translate("OldPartsPage", "Status"),
               lambda r: words.state_name(r.status)),
        Column(lambda: translate("OldPartsPage", "Location"), lambda r: r.location or ""),
        Column(lambda: translate("OldPartsPage", "Claim no."), lambda r: r.claim or ""),
        Column(lambda: translate("OldPartsPage", "Days held"), lambda r: r.age_days, RIGHT),
    ]


class OldPartsPage(QWidget):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("oldPartsPage")
        self.ws = workspace
        self.status = QComboBox()
        self.status.setObjectName("oldStatus")
        self.order = QLineEdit()
        self.order.setObjectName("oldOrder")
        self.claim = QLineEdit()
        self.claim.setObjectName("oldClaim")
        for field in (self.order, self.claim):  # scanned or typed codes: no input method
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            field.setClearButtonEnabled(True)
        self.captions = [QLabel() for _ in range(4)]
        row = QHBoxLayout()
        for caption, field, stretch in zip(self.captions, (self.status, self.order, self.claim),
                                           (2, 1, 1)):
            caption.setBuddy(field)
            row.addWidget(caption)
            row.addWidget(field, stretch)
        self.model = PagedTableModel(workspace.ctx.runner, columns(), parent=self)
        self.model.failed.connect(workspace.message_bar.show_error)
        self.model.page_loaded.connect(self._on_loaded)
        self.view = table_view(self.model, "oldPartList", (11, 8, 11, 14, 4, 19, 14, 9, 11),
                               stretch=3)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.captions[3].setBuddy(self.view)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.captions[3])
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self._status_chosen)
        for field in (self.order, self.claim):
            field.textEdited.connect(self._timer.start)
            field.returnPressed.connect(self._typed)
        self._loaded = False
        self._scanned: str | None = None  # the scan whose rows are being read
        self.retranslate_ui()

    def load(self) -> None:
        """Read on first show: a clerk who never opens the page does not pay for the list."""
        if not self._loaded:
            self._loaded = True
            self.apply_filter()

    # -- filters -----------------------------------------------------------------------------
    @Slot()
    def apply_filter(self) -> None:
        """A new query for the filters as they are now (read here: the fetch runs off the GUI
        thread and must not touch the widgets)."""
        self._timer.stop()
        db, user = self.ws.ctx.db, self.ws.ctx.user
        statuses = dict(STATUSES).get(self.status.currentData(), old_parts.CUSTODY)
        claim, order = self.claim.text(), self.order.text()
        self.model.set_fetch(pages(old_parts.old_part_list, db, user, statuses, claim, order))

    @Slot()
    def _status_chosen(self) -> None:
        if self._loaded:
            self.apply_filter()

    @Slot()
    def _typed(self) -> None:
        """Enter in a filter: the list now, and the focus on it to choose rows."""
        self.apply_filter()
        self.view.setFocus()

    def scan(self, text: str, scanned: bool) -> None:
        """A job card shows its order's old parts, any other code a claim's: wherever they
        are now (a claim's have gone back to the maker)."""
        is_order = counter.is_order_scan(text)
        (self.order if is_order else self.claim).setText(text.strip())
        (self.claim if is_order else self.order).clear()
        self.status.blockSignals(True)
        self.status.setCurrentIndex(self.status.findData("all"))
        self.status.blockSignals(False)
        self._scanned = text.strip()
        self.apply_filter()

    @Slot(int, bool)
    def _on_loaded(self, count: int, _more: bool) -> None:
        scanned, self._scanned = self._scanned, None
        if scanned is None:
            return
        if count == 0:
            self.ws.refuse(self.tr("No old part matches {code}.").format(code=scanned))
        else:
            self.ws.confirm(self.tr("Old parts for {code}: select them to act on them.").format(
                code=scanned))

    # -- acting on the selection -------------------------------------------------------------
    def selected(self) -> list:
        return [self.model.row_at(i.row())
                for i in sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())]

    def _selected_or_say(self) -> list:
        chosen = self.selected()
        if not chosen:
            self.ws.refuse(self.tr("Select the old parts first (Alt+L goes to the list)."))
        return chosen

    @Slot()
    def intake(self) -> None:
        chosen = self._selected_or_say()
        if chosen:
            self.ws.command(old_parts.move_old_parts, [x.id for x in chosen], "intake",
                            on_result=self._on_intake, on_error=self.ws.scan_refused)

    @Slot(int, object)
    def _on_intake(self, _task_id: int, result) -> None:
        self.ws.confirm(self.tr("{count} old parts into the old-part store.").format(
            count=len(result.moved)))
        self.refresh()

    @Slot()
    def to_maker(self) -> None:
        self._move("return_to_maker")

    @Slot()
    def scrap(self) -> None:
        self._move("scrap")

    def _move(self, action: str) -> None:
        chosen = self._selected_or_say()
        if chosen:
            self.ws.open_dialog(OldPartMoveDialog(self.ws, chosen, action), self.refresh)

    def refresh(self) -> None:
        if self._loaded:
            self.model.refresh()

    def retranslate_ui(self) -> None:
        for caption, text in zip(self.captions, (self.tr("S&tatus:"), self.tr("&Work order:"),
                                                 self.tr("&Claim no.:"),
                                                 self.tr("Old parts of every order, the longest "
                                                         "held first (&L):"))):
            caption.setText(text)
        self.order.setPlaceholderText(self.tr("scan a job card"))
        self.claim.setPlaceholderText(self.tr("part of the claim number"))
        current = self.status.currentData() or "custody"
        self.status.blockSignals(True)
        self.status.clear()
        texts = status_texts()
        for key, _statuses in STATUSES:
            self.status.addItem(texts[key], key)
        self.status.setCurrentIndex(self.status.findData(current))
        self.status.blockSignals(False)
        self.hint.setText(self.tr("Select rows (Shift+arrows, Ctrl+A), then: Ctrl+I into the "
                                  "store, Ctrl+Shift+M back to the maker under a claim number, "
                                  "Ctrl+Shift+S scrap. A scanned job card shows its order's old "
                                  "parts; any other scan, a claim's."))
        self.model.retranslate()
