"""Counter picking (领料, DESIGN §1 step 6): the queue of orders waiting for parts, and the order
open at the counter.

Everything is driven by the scan field above the page (`PartsCounter.scan`): a job card's
barcode opens its order, then every part scan issues one unit of the matching line as one
command in the workspace's serial lane — no click per line. The lines are read again after
each scan and the scanned line is selected, so the clerk sees what is still to pick.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QLineEdit, QSplitter,
                               QStackedWidget, QVBoxLayout, QWidget)

from dms.parts import counter, old_parts, picking
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel, pages
from dms.ui.common.views import selected_row, table_view
from dms.ui.parts.words import dispositions, line_states, qty

translate = QCoreApplication.translate
RIGHT = Qt.AlignmentFlag.AlignRight
SHORT = QColor("#b3261e")
DONE = QColor("#1d7a33")


def _line_state(row) -> str:
    key = row.state if row.approval == "approved" else row.approval
    return line_states().get(key, key)


def _line_colour(row):
    if row.approval == "approved" and row.state == "requested":
        return SHORT
    return DONE if row.state == "issued" else None


def queue_columns() -> list[Column]:
    return [
        Column(lambda: translate("Picking", "Promised"), lambda r: words.when(r.promised_at)),
        Column(lambda: translate("Picking", "Work order"), lambda r: r.number),
        Column(lambda: translate("Picking", "Plate"), lambda r: r.plate),
        Column(lambda: translate("Picking", "State"), lambda r: words.state_name(r.state)),
        Column(lambda: translate("Picking", "Lines"), lambda r: r.lines, RIGHT),
        Column(lambda: translate("Picking", "To pick"), lambda r: qty(r.to_pick), RIGHT),
        Column(lambda: translate("Picking", "Short"), lambda r: ", ".join(r.short),
               colour=lambda r: SHORT if r.short else None),
    ]


def _held(row) -> str:
    return ", ".join(f"{x.code} {x.name} × {qty(x.qty)} ({x.warehouse} {x.bin or ''})"
                     .replace(" )", ")") for x in row.held)


def booked_columns() -> list[Column]:
    return [
        Column(lambda: translate("Picking", "Booked for"), lambda r: words.when(r.booked_for)),
        Column(lambda: translate("Picking", "Appointment"), lambda r: r.number),
        Column(lambda: translate("Picking", "Plate"), lambda r: r.plate),
        Column(lambda: translate("Picking", "Held for it: put ready"), _held),
        Column(lambda: translate("Picking", "Waiting for"), lambda r: ", ".join(r.short),
               colour=lambda r: SHORT if r.short else None),
    ]


def line_columns() -> list[Column]:
    return [
        Column(lambda: translate("Picking", "Part"), lambda r: r.code),
        Column(lambda: translate("Picking", "Name"), lambda r: r.name),
        Column(lambda: translate("Picking", "Warehouse"), lambda r: r.warehouse),
        Column(lambda: translate("Picking", "Bin"), lambda r: r.bin),
        Column(lambda: translate("Picking", "Needed"), lambda r: f"{qty(r.requested)} {r.unit}",
               RIGHT),
        Column(lambda: translate("Picking", "Reserved"), lambda r: qty(r.reserved), RIGHT),
        Column(lambda: translate("Picking", "Issued"), lambda r: qty(r.issued), RIGHT),
        Column(lambda: translate("Picking", "To pick"), lambda r: qty(r.to_pick), RIGHT,
               colour=_line_colour),
        Column(lambda: translate("Picking", "State"), _line_state, colour=_line_colour),
    ]


def old_part_columns() -> list[Column]:
    return [
        Column(lambda: translate("Picking", "Old part"), lambda r: r.part_code),
        Column(lambda: translate("Picking", "Name"), lambda r: r.part_name),
        Column(lambda: translate("Picking", "Qty"), lambda r: qty(r.qty), RIGHT),
        Column(lambda: translate("Picking", "Disposition"),
               lambda r: dispositions().get(r.disposition, r.disposition)),
        Column(lambda: translate("Picking", "Status"), lambda r: words.state_name(r.status)),
        Column(lambda: translate("Picking", "Location"), lambda r: r.location),
    ]


class PickingPage(QWidget):
    order_opened = Signal(int)

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("pickingPage")
        self.ws = workspace
        runner = workspace.ctx.runner
        self.order_id: int | None = None
        self.head = None
        self.focused_line: int | None = None  # the line the last scan issued
        self.shown_order: int | None = None  # whose lines the table shows
        self._tasks: dict[str, int] = {}
        self._reading: set[int] = set()  # the order's reads in flight
        self._again = False  # a change came while they were: read once more after them

        self.queue = PagedTableModel(runner, queue_columns(), parent=self)
        self.queue.failed.connect(workspace.message_bar.show_error)
        self.queue_view = table_view(self.queue, "pickingQueue", (11, 13, 9, 9, 5, 6), stretch=6)
        self.queue_view.activated.connect(lambda index: self.open_order(
            self.queue.row_at(index.row()).id))
        self.queue_hint = QLabel()
        self.queue_hint.setObjectName("queueHint")
        # Tomorrow's bookings: the parts held for them, so the clerk can put them ready.
        self.booked = PagedTableModel(runner, booked_columns(), parent=self)
        self.booked.failed.connect(workspace.message_bar.show_error)
        self.booked_view = table_view(self.booked, "bookedParts", (11, 13, 9, 40), stretch=3)
        self.booked_box = QGroupBox()
        QVBoxLayout(self.booked_box).addWidget(self.booked_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.queue_view)
        split.addWidget(self.booked_box)
        split.setSizes([340, 190])
        queue_page = QWidget()
        queue_layout = QVBoxLayout(queue_page)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.addWidget(self.queue_hint)
        queue_layout.addWidget(split, 1)

        self.title = QLabel()
        self.title.setObjectName("orderTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.taker_label = QLabel()
        self.taker = QLineEdit()
        self.taker.setObjectName("takenBy")
        self.taker.setMaximumWidth(220)
        self.taker.returnPressed.connect(workspace.focus_scan)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.taker_label)
        head.addWidget(self.taker)
        self.lines = PagedTableModel(runner, line_columns(), key=lambda r: r.part_line_id,
                                     parent=self)
        self.lines_view = table_view(self.lines, "pickLines", (12, 16, 6, 7, 7, 6, 6, 6), stretch=1)
        self.old = PagedTableModel(runner, old_part_columns(), parent=self)
        self.old_view = table_view(self.old, "oldParts", (12, 16, 5, 14, 12), stretch=5)
        self.old_box = QGroupBox()
        old_layout = QVBoxLayout(self.old_box)
        old_layout.addWidget(self.old_view)
        self.old_box.setMaximumHeight(170)
        order_page = QWidget()
        order_layout = QVBoxLayout(order_page)
        order_layout.setContentsMargins(0, 0, 0, 0)
        order_layout.addLayout(head)
        order_layout.addWidget(self.lines_view, 3)
        order_layout.addWidget(self.old_box, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(queue_page)
        self.pages.addWidget(order_page)
        self.queue_page, self.order_page = queue_page, order_page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.queue.set_fetch(pages(counter.picking_queue, workspace.ctx.db, workspace.ctx.user))
        self.booked.set_fetch(lambda offset, limit: counter.booked_parts(
            workspace.ctx.db, workspace.ctx.user) if offset == 0 else [])
        self.retranslate_ui()

    # -- scans -----------------------------------------------------------------------------
    def scan(self, text: str, scanned: bool) -> None:
        if counter.is_order_scan(text):
            self.ws.read(counter.order_by_scan, text, on_result=self._on_order_found,
                         on_error=self.ws.scan_refused)
        elif self.order_id is None:
            self.ws.refuse(self.tr("Scan the job card first: {code} is not a work order.")
                           .format(code=text))
        else:
            self.ws.command(picking.issue_scan, self.order_id, text,
                            received_by=self.taker.text().strip() or None,
                            on_result=self._on_issued, on_error=self.ws.scan_refused)

    @Slot(int, object)
    def _on_order_found(self, _task_id: int, order_id: int) -> None:
        self.open_order(order_id)
        self.ws.confirm(self.tr("Work order opened: scan its parts."))

    @Slot(int, object)
    def _on_issued(self, _task_id: int, result) -> None:
        issued = sum((i.qty for i in result.issued), start=0)
        self.ws.push_undo(self.order_id, [i.movement_id for i in result.issued])
        if result.issued:
            self.focused_line = result.issued[-1].part_line_id
        line = next((x for x in self.lines.rows if x.part_id == result.part_id), None)
        name = line.name if line is not None else ""
        self.ws.confirm(self.tr("{qty} × {code} {name} issued.").format(
            qty=qty(issued), code=result.code, name=name))
        # the lines are read again once the order's change reaches the bus (`refresh`)

    # -- the order ---------------------------------------------------------------------------
    def open_order(self, order_id: int) -> None:
        if order_id != self.order_id:
            self.taker.clear()
            self.lines.set_rows([])
            self.old.set_rows([])
            self.shown_order = None
            self.title.setText("")
        self.order_id = order_id
        self.pages.setCurrentWidget(self.order_page)
        self._read("head", counter.order_head, self._on_head)
        self.reload()
        self.order_opened.emit(order_id)

    def reload(self) -> None:
        if self.order_id is None:
            return
        self._read("lines", picking.picking_list, self._on_lines)
        self._read("old", old_parts.old_parts_of, self._on_old)

    def _read(self, key: str, fn, on_result) -> None:
        task = self.ws.read(fn, self.order_id, on_result=on_result, on_error=self._read_failed)
        self._tasks[key] = task
        self._reading.add(task)

    def _read_done(self, task_id: int) -> None:
        """A burst of scans publishes a change per scan: the order is read once after the
        reads in flight, not once per scan (a backlog would slow every answer)."""
        self._reading.discard(task_id)
        if not self._reading and self._again:
            self._again = False
            self.refresh()

    @Slot(int, object)
    def _read_failed(self, task_id: int, error) -> None:
        self._read_done(task_id)
        self.ws.message_bar.show_error(error)

    @Slot(int, object)
    def _on_head(self, task_id: int, head) -> None:
        self._read_done(task_id)
        if task_id != self._tasks.get("head") or head.id != self.order_id:
            return
        self.head = head
        if not self.taker.text() and head.technicians:
            self.taker.setText(head.technicians[0])
        self._render_title()

    @Slot(int, object)
    def _on_lines(self, task_id: int, listing) -> None:
        self._read_done(task_id)
        if task_id != self._tasks.get("lines") or listing.work_order_id != self.order_id:
            return
        self.lines.set_rows(listing.lines)
        self.shown_order = listing.work_order_id
        if self.focused_line is not None:
            row = self.lines.row_of(self.focused_line)
            if row >= 0:
                self.lines_view.selectRow(row)
                self.lines_view.scrollTo(self.lines.index(row, 0))

    @Slot(int, object)
    def _on_old(self, task_id: int, views) -> None:
        self._read_done(task_id)
        if task_id == self._tasks.get("old"):
            self.old.set_rows(views)

    def show_queue(self) -> None:
        self.order_id, self.head, self.focused_line = None, None, None
        self.pages.setCurrentWidget(self.queue_page)
        self.queue.refresh()
        self.booked.refresh()

    def refresh(self) -> None:
        """The queue, or while an order is open only the order (the queue is read again
        when the clerk goes back to it)."""
        if self.order_id is None:
            self.queue.refresh()
            self.booked.refresh()
        elif self._reading:
            self._again = True
        else:
            self._read("head", counter.order_head, self._on_head)
            self.reload()

    def selected_line(self):
        return selected_row(self.lines_view, self.lines) if self.order_id else None

    def selected_old_part(self):
        return selected_row(self.old_view, self.old) if self.order_id else None

    def _render_title(self) -> None:
        head = self.head
        if head is None:
            return
        self.title.setText(self.tr("{number}  {plate}  {model}  {state}  promised {when}").format(
            number=head.number, plate=head.plate or "", model=head.model or "",
            state=words.state_name(head.state), when=words.when(head.promised_at) or "-"))

    def retranslate_ui(self) -> None:
        self.queue_hint.setText(self.tr("Orders waiting for parts, the earliest promise first. "
                                        "Scan a job card (or Enter on a row) to open it."))
        self.taker_label.setText(self.tr("Taken by:"))
        self.taker.setPlaceholderText(self.tr("technician's name"))
        self.old_box.setTitle(self.tr("Old parts of this order: Ctrl+I into the store, Ctrl+H "
                                      "to the customer, Ctrl+Shift+M back to the maker, "
                                      "Ctrl+Shift+S scrap"))
        self.booked_box.setTitle(self.tr("Booked until tomorrow: parts held for the "
                                         "appointments, to put ready"))
        for model in (self.queue, self.lines, self.old, self.booked):
            model.retranslate()
        self._render_title()
