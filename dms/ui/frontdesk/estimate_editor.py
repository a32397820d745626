"""The estimate editor 估价/制单 (step 4): one work order's lines, priced as they are added.

One add field takes everything: a package code or name (a standard job: its labour with its
parts), a labour operation by code, name or pinyin initials, a part by code, name or barcode
(stock, bin and price shown). Enter adds the highlighted match — the first when none is — with
the payer and discount beside the field. Lines show each payer, the member discount, the
manual discount and the net; the totals per payer follow every change. Ctrl+E changes a line's
payer, hours or discount (above the role's limit with a manager's name and password), Del
removes it, F9 issues the estimate and opens it for printing, Ctrl+Enter records the customer's
approval (`approvals.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from dms.ui.common import words
from dms.ui.common.photos import PhotoStrip
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import hours, selected_row, table_view, title_label
from dms.ui.frontdesk.estimate_dialogs import fee_kinds
from dms.workshop import desk, estimates
from dms.workshop.lines import order_lines
from dms.workshop.photos import order_photos

translate = QCoreApplication.translate
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
GREY, RED = QColor("#777777"), QColor("#b3261e")


@dataclass(frozen=True)
class LineRow:
    """One line of the editor's table: a job, a part (under its job) or a fee."""

    kind: str  # labour | part | fee
    id: int
    code: str
    name: str
    qty: Decimal | None
    price: Decimal | None
    amount: Decimal
    discount_pct: Decimal | None
    net: Decimal
    payer: str
    approval: str
    added_work: bool = False


def line_rows(lines) -> list[LineRow]:
    """Jobs in order, each followed by its parts; loose parts, then fees."""
    def part(p):
        return LineRow("part", p.id, p.code, p.name, p.qty, p.unit_price, p.amount,
                       p.discount_pct, p.net, p.payer, p.approval, p.added_work)

    rows = []
    for job in lines.labour:
        rows.append(LineRow("labour", job.id, job.code, job.name, job.billed_hours, job.rate,
                            job.amount, job.discount_pct, job.net, job.payer, job.approval,
                            job.added_work))
        rows += [part(p) for p in lines.parts if p.labour_line_id == job.id]
    jobs = {job.id for job in lines.labour}
    rows += [part(p) for p in lines.parts if p.labour_line_id not in jobs]
    rows += [LineRow("fee", f.id, f.kind, f.description or "", None, None, f.amount, None,
                     f.amount, f.payer, "approved") for f in lines.fees]
    return rows


def approval_names() -> dict[str, str]:
    return {"proposed": translate("EstimateEditor", "proposed"),
            "priced": translate("EstimateEditor", "priced"), "approved": "",
            "declined": translate("EstimateEditor", "declined")}


class EstimateEditor(QWidget):
    opened = Signal(int)  # a work order's lines are on screen

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("estimateEditor")
        self.ws = workspace
        self.work_order_id: int | None = None
        self.header = None  # desk.OrderHeader
        self.lines = None  # OrderLines
        self._tasks: dict[str, int] = {}
        self._searched = ""  # the text the shown matches are for
        self._pending_add = False  # Enter came before the matches
        runner = workspace.ctx.runner

        self.title = title_label("estimateTitle")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.add = QLineEdit()
        self.add.setObjectName("estimateAdd")
        self.add.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.payer = QComboBox()
        self.payer.setObjectName("estimatePayer")
        self.qty = QLineEdit("1")
        self.qty.setObjectName("estimateQty")
        self.qty.setMaximumWidth(60)
        self.discount = QLineEdit()
        self.discount.setObjectName("estimateDiscount")
        self.discount.setMaximumWidth(70)
        self.matches = PagedTableModel(runner, [
            Column(lambda: self.tr("Kind"), lambda h: self._kind_name(h.kind)),
            Column(lambda: self.tr("Code"), lambda h: h.code),
            Column(lambda: self.tr("Name"), lambda h: h.name),
            Column(lambda: self.tr("Hours"), lambda h: hours(h.hours), align=RIGHT),
            Column(lambda: self.tr("Price"), lambda h: words.money(h.price), align=RIGHT),
            Column(lambda: self.tr("Stock"), lambda h: hours(h.available), align=RIGHT,
                   colour=lambda h: RED if h.available is not None and h.available <= 0 else None),
            Column(lambda: self.tr("Bin"), lambda h: h.bin or ""),
        ], key=lambda h: (h.kind, h.code), parent=self)
        self.match_view = table_view(self.matches, "estimateMatches", (6, 12, 22, 5, 8, 6), 2)
        self.match_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.match_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.match_view.setMaximumHeight(6 * (self.fontMetrics().height() + 6) + 4)
        self.model = PagedTableModel(runner, [
            Column(lambda: self.tr("Kind"), lambda r: self._kind_name(r.kind)),
            Column(lambda: self.tr("Code"), lambda r: fee_kinds().get(r.code, r.code)
                   if r.kind == "fee" else r.code),
            Column(lambda: self.tr("Name"),
                   lambda r: ("    " if r.kind == "part" else "") + r.name),
            Column(lambda: self.tr("Hours / qty"), lambda r: hours(r.qty), align=RIGHT),
            Column(lambda: self.tr("Rate / price"), lambda r: words.money(r.price), align=RIGHT),
            Column(lambda: self.tr("Amount"), lambda r: words.money(r.amount), align=RIGHT),
            Column(lambda: self.tr("Discount %"), lambda r: hours(r.discount_pct or None),
                   align=RIGHT),
            Column(lambda: self.tr("Net"), lambda r: words.money(r.net), align=RIGHT),
            Column(lambda: self.tr("Payer"), lambda r: words.word(words.payers(), r.payer)),
            Column(lambda: self.tr("Status"), lambda r: approval_names().get(r.approval, r.approval)
                   + (" · " + self.tr("added work") if r.added_work else ""),
                   colour=lambda r: GREY if r.approval == "declined" else None),
        ], key=lambda r: (r.kind, r.id), parent=self)
        self.view = table_view(self.model, "estimateLines", (5, 12, 24, 7, 8, 8, 7, 8, 7), 2)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.totals = {key: QLabel() for key in ("labour", "parts", "fees", "total", "customer",
                                                 "insurance", "warranty", "internal")}
        self.total_labels = {key: QLabel() for key in self.totals}
        for key, label in self.totals.items():
            label.setObjectName(f"total_{key}")
            label.setAlignment(RIGHT)
        self.photos = PhotoStrip("estimatePhotos")
        self.photos.setFixedHeight(2 * self.photos.gridSize().height() + 8)
        self.photos_box = QGroupBox()
        box = QVBoxLayout(self.photos_box)
        box.setContentsMargins(4, 2, 4, 4)
        box.addWidget(self.photos)
        self.photos_box.hide()
        self._layout()
        self._search_timer = QTimer(self, singleShot=True, interval=150, timeout=self._search)
        self._reload_timer = QTimer(self, singleShot=True, interval=0, timeout=self._read)
        self.add.textEdited.connect(lambda _t: self._search_timer.start())
        self.add.returnPressed.connect(self.add_selected)
        self.add.installEventFilter(self)
        self.retranslate_ui()

    def _layout(self) -> None:
        add_row = QHBoxLayout()
        self.add_label = QLabel()
        self.add_label.setBuddy(self.add)
        self.payer_label, self.qty_label, self.discount_label = QLabel(), QLabel(), QLabel()
        for widget in (self.add_label, self.add, self.qty_label, self.qty, self.payer_label,
                       self.payer, self.discount_label, self.discount):
            add_row.addWidget(widget, 1 if widget is self.add else 0)
        self.totals_box = QGroupBox()
        grid = QGridLayout(self.totals_box)
        for row, key in enumerate(self.totals):
            grid.addWidget(self.total_labels[key], row, 0)
            grid.addWidget(self.totals[key], row, 1)
        grid.setRowStretch(len(self.totals), 1)
        self.buttons = QVBoxLayout()
        right = QVBoxLayout()
        right.addWidget(self.totals_box)
        right.addLayout(self.buttons)
        right.addWidget(self.photos_box)
        right.addStretch(1)
        main = QVBoxLayout()
        main.addLayout(add_row)
        main.addWidget(self.match_view)
        main.addWidget(self.view, 1)
        body = QHBoxLayout()
        body.addLayout(main, 1)
        body.addLayout(right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(body, 1)

    def add_button(self, action) -> None:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.buttons.addWidget(button)

    # -- the order ----------------------------------------------------------------------------
    def open_order(self, work_order_id: int) -> None:
        if work_order_id != self.work_order_id:
            self.header, self.lines = None, None
            self.model.set_rows([])
            self.add.clear()
            self.matches.set_rows([])
        self.work_order_id = work_order_id
        self.reload()
        self.add.setFocus()

    def reload(self) -> None:
        """Read the order again, once however many ask in the same turn of the event loop (a
        command's own answer and the change bus it publishes both ask)."""
        if self.work_order_id is not None:
            self._reload_timer.start()

    @Slot()
    def _read(self) -> None:
        if self.work_order_id is None:
            return
        self._tasks["header"] = self.ws.read(desk.order_header, self.work_order_id,
                                             on_result=self._on_header)
        self._tasks["lines"] = self.ws.read(order_lines, self.work_order_id,
                                            on_result=self._on_lines)
        self._tasks["photos"] = self.ws.read(order_photos, self.work_order_id,
                                             on_result=self._on_photos)

    @Slot(int, object)
    def _on_photos(self, task_id: int, found) -> None:
        if task_id != self._tasks.get("photos"):
            return
        self.photos.set_photos((p.id, p.thumbnail, self.tr("{name} · {when}").format(
            name=p.filename, when=words.when(p.taken_at))) for p in found)
        self.photos_box.setVisible(bool(found))

    @Slot(int, object)
    def _on_header(self, task_id: int, header) -> None:
        if task_id != self._tasks.get("header"):
            return
        self.header = header
        self._render_header()

    @Slot(int, object)
    def _on_lines(self, task_id: int, lines) -> None:
        if task_id != self._tasks.get("lines"):
            return
        self.lines = lines
        self.model.set_rows(line_rows(lines))
        totals = lines.totals
        values = {"labour": totals.labour_net, "parts": totals.material_net,
                  "fees": totals.fees_total, "total": totals.total, **totals.shares}
        for key, label in self.totals.items():
            label.setText(words.money(values[key]))
        self._render_header()
        self.opened.emit(lines.work_order_id)

    def _render_header(self) -> None:
        h, lines = self.header, self.lines
        if h is None:
            return
        state = lines.state if lines is not None else h.state
        self.title.setText(self.tr("{number} · {plate} · {customer}").format(
            number=h.number, plate=h.plate or self.tr("(no plate)"), customer=h.customer_name))
        member = (self.tr("{tier} member").format(tier=h.member_tier) if h.member_tier
                  else self.tr("not a member"))
        self.subtitle.setText(self.tr(
            "{state} · {type} · {vehicle} · {km} · {member} · promised {promised}<br>"
            "Complaint: {complaint}").format(
                state=words.state_name(state),
                type=words.word(words.business_types(), h.business_type), vehicle=h.vehicle,
                km=words.km(h.entry_mileage), member=member, promised=words.when(h.promised_at),
                complaint=(h.complaint or "").replace("\n", "; ")))

    def version(self) -> int | None:
        return self.lines.version if self.lines is not None else None

    def selected_line(self) -> LineRow | None:
        return selected_row(self.view, self.model)

    # -- adding ------------------------------------------------------------------------------
    @Slot()
    def _search(self) -> None:
        text = self.add.text().strip()
        if not text:
            self.matches.set_rows([])
            self._searched = ""
            return
        self._tasks["search"] = self.ws.read(desk.catalogue, text, on_result=self._on_matches)
        self._tasks["search_text"] = text

    @Slot(int, object)
    def _on_matches(self, task_id: int, hits) -> None:
        if task_id != self._tasks.get("search"):
            return
        self._searched = self._tasks.get("search_text", "")
        self.matches.set_rows(hits)
        if hits:
            self.match_view.selectRow(0)
        if self._pending_add:
            self._pending_add = False
            self.add_selected()

    def eventFilter(self, watched, event) -> bool:
        """Up and Down in the add field move through the matches."""
        if watched is self.add and event.type() == event.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.matches.rowCount():
            rows = self.match_view.selectionModel().selectedRows()
            row = rows[0].row() if rows else -1
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.match_view.selectRow(max(0, min(self.matches.rowCount() - 1, row + step)))
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def add_selected(self) -> None:
        text = self.add.text().strip()
        if not text or self.work_order_id is None:
            return
        if text != self._searched:  # the matches are for older text: add when they arrive
            self._pending_add = True
            self._search_timer.stop()
            self._search()
            return
        hit = selected_row(self.match_view, self.matches)
        if hit is None:
            self.ws.message_bar.show_message(
                self.tr("Nothing in the catalogue matches {text}.").format(text=text), "warning")
            return
        payer = self.payer.currentData()
        discount = self.discount.text().strip() or None
        version = {"expected_version": self.version()}
        if hit.kind == "package":
            call = (desk.add_package, (self.work_order_id, hit.code, payer), version)
        elif hit.kind == "labour":
            call = (estimates.add_labour, (self.work_order_id, hit.code),
                    dict(payer=payer, discount_pct=discount, **version))
        else:
            call = (estimates.add_part, (self.work_order_id, hit.code, self.qty.text().strip()),
                    dict(payer=payer, discount_pct=discount, **version))
        fn, args, kwargs = call
        self.ws.command(fn, *args, on_result=self._added, **kwargs)

    @Slot(int, object)
    def _added(self, _task_id: int, _result) -> None:
        self.add.clear()
        self.qty.setText("1")
        self.discount.clear()
        self.matches.set_rows([])
        self._searched = ""
        self.reload()
        self.add.setFocus()

    # -- words -------------------------------------------------------------------------------
    def _kind_name(self, kind: str) -> str:
        return {"package": self.tr("Package"), "labour": self.tr("Job"), "part": self.tr("Part"),
                "fee": self.tr("Fee")}.get(kind, kind)

    def retranslate_ui(self) -> None:
        self.add_label.setText(self.tr("&Add"))
        self.add.setPlaceholderText(self.tr(
            "Package, job or part: code, name, pinyin initials or barcode; Enter adds"))
        self.qty_label.setText(self.tr("Qty"))
        self.payer_label.setText(self.tr("Payer"))
        self.discount_label.setText(self.tr("Discount %"))
        current = self.payer.currentData()
        self.payer.clear()
        self.payer.addItem(self.tr("by business type"), None)
        for key, text in words.payers().items():
            self.payer.addItem(text, key)
        self.payer.setCurrentIndex(max(0, self.payer.findData(current)))
        self.totals_box.setTitle(self.tr("Totals"))
        self.photos_box.setTitle(self.tr("Check-in photos"))
        names = {"labour": self.tr("Labour"), "parts": self.tr("Parts"), "fees": self.tr("Fees"),
                 "total": self.tr("Total"), **{k: self.tr("{payer} pays").format(payer=v)
                                               for k, v in words.payers().items()}}
        for key, label in self.total_labels.items():
            label.setText(names[key])
        self.matches.retranslate()
        self.model.retranslate()
        self._render_header()
