"""The vehicle file page: the car, its owner and everything the advisor needs before speaking
to the customer, on one screen that fits 1366×768 (`dms.crm.vehicle_file`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QToolButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from dms import clock
from dms.ui.common import words
from dms.ui.common.photos import THUMB, PhotoStrip
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import table_view

RED, AMBER = QColor("#b3261e"), QColor("#8a5a00")


def declined_text(item) -> str:
    """Declined work with why the customer said no, when that was recorded."""
    if not item.reason:
        return item.description
    why = item.reason_note if item.reason == "other" else " · ".join(
        x for x in (words.word(words.decline_reasons(), item.reason), item.reason_note) if x)
    return f"{item.description} ({why})"


def _box(view: QWidget) -> QGroupBox:
    box = QGroupBox()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 4, 6, 6)
    layout.addWidget(view)
    return box


class VehicleFilePage(QWidget):
    back = Signal()

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("vehicleFile")
        self.file = None
        runner = workspace.ctx.runner

        self.title = QLabel()
        self.title.setObjectName("vehicleTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel()
        self.details.setObjectName("vehicleDetails")
        self.details.setWordWrap(True)
        self.owner = QLabel()
        self.owner.setObjectName("vehicleOwner")
        self.owner.setWordWrap(True)
        self.owner.setTextFormat(Qt.TextFormat.RichText)

        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(4)

        self.open_orders = PagedTableModel(runner, [
            Column(lambda: self.tr("Work order"), lambda o: o.number),
            Column(lambda: self.tr("State"), lambda o: words.state_name(o.state)),
            Column(lambda: self.tr("Promised"), lambda o: words.when(o.promised_at),
                   colour=self._promise_colour),
            Column(lambda: self.tr("Advisor"), lambda o: o.advisor),
            Column(lambda: self.tr("Complaint"), lambda o: (o.complaint or "").splitlines()[0]
                   if o.complaint else ""),
        ], parent=self)
        self.declined = PagedTableModel(runner, [
            Column(lambda: self.tr("Declined work"), declined_text, tooltip=declined_text),
            Column(lambda: self.tr("Estimate"), lambda d: words.money(d.estimated_amount),
                   align=Qt.AlignmentFlag.AlignRight),
            Column(lambda: self.tr("Since"), lambda d: f"{words.day(d.since)} {d.work_order_number}"),
        ], parent=self)
        self.campaigns = PagedTableModel(runner, [
            Column(lambda: self.tr("Campaign / recall"), lambda c: f"{c.code} {c.name}",
                   colour=lambda c: RED if c.kind == "recall" else None),
            Column(lambda: self.tr("Work"), lambda c: c.labour_text or c.description or ""),
        ], key=lambda c: c.campaign_id, parent=self)
        self.complaints = PagedTableModel(runner, [
            Column(lambda: self.tr("Status"), lambda c: words.state_name(c.status),
                   colour=lambda c: RED if c.status == "open" else None),
            Column(lambda: self.tr("Severity"), lambda c: words.word(words.severities(), c.severity)),
            Column(lambda: self.tr("Complaint"), lambda c: f"{c.number} {c.description}",
                   tooltip=lambda c: c.description),
        ], parent=self)
        self.open_view = table_view(self.open_orders, "vehicleOpenOrders")
        self.declined_view = table_view(self.declined, "vehicleDeclined")
        self.declined_view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.campaign_view = table_view(self.campaigns, "vehicleCampaigns")
        self.complaint_view = table_view(self.complaints, "vehicleComplaints")
        self.history = QTreeWidget()
        self.history.setObjectName("vehicleHistory")
        self.history.setColumnCount(5)
        self.history.setAlternatingRowColors(True)
        self.history.itemExpanded.connect(lambda _item: self.history.resizeColumnToContents(1))
        self.maintenance = QLabel()
        self.maintenance.setObjectName("vehicleMaintenance")
        self.maintenance.setWordWrap(True)
        self.maintenance.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.photos = PhotoStrip("vehicleCheckinPhotos")
        self.boxes = {name: _box(view) for name, view in (
            ("open", self.open_view), ("history", self.history), ("declined", self.declined_view),
            ("campaigns", self.campaign_view), ("maintenance", self.maintenance),
            ("complaints", self.complaint_view), ("photos", self.photos))}
        self.boxes["photos"].setFixedWidth(3 * (THUMB.width() + 8) + 36)
        self.boxes["photos"].hide()
        header = QGridLayout()
        header.addWidget(self.title, 0, 0)
        header.addLayout(self.buttons, 0, 1, Qt.AlignmentFlag.AlignRight)
        header.addWidget(self.details, 1, 0)
        header.addWidget(self.owner, 1, 1)
        header.setColumnStretch(0, 3)
        header.setColumnStretch(1, 2)
        top_left = QHBoxLayout()
        top_left.addWidget(self.boxes["open"], 1)
        top_left.addWidget(self.boxes["photos"])
        grid = QGridLayout()
        grid.addLayout(top_left, 0, 0)
        grid.addWidget(self.boxes["history"], 1, 0, 2, 1)
        grid.addWidget(self.boxes["declined"], 0, 1)
        grid.addWidget(self.boxes["campaigns"], 1, 1)
        right_bottom = QHBoxLayout()
        right_bottom.addWidget(self.boxes["maintenance"], 1)
        right_bottom.addWidget(self.boxes["complaints"], 1)
        grid.addLayout(right_bottom, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addLayout(grid, 1)
        self.retranslate_ui()

    def add_button(self, action) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.buttons.addWidget(button)
        return button

    def selected_declined(self) -> tuple[int, ...]:
        rows = self.declined_view.selectionModel().selectedRows()
        return tuple(self.declined.row_at(i.row()).id for i in rows)

    def _promise_colour(self, order):
        if order.promised_at is None:
            return None
        left = (order.promised_at - clock.now()).total_seconds()
        return RED if left < 0 else AMBER if left < 3600 else None

    # -- showing a file ------------------------------------------------------------------------
    def show_file(self, file) -> None:
        same = self.file is not None and self.file.id == file.id
        self.file = file
        self.open_orders.set_rows(file.open_orders)
        self.declined.set_rows(file.declined)
        self.campaigns.set_rows(file.campaigns)
        self.complaints.set_rows(file.complaints)
        self.photos.set_photos((p.id, p.thumbnail, self.tr("{number} · {when} · {name}").format(
            number=p.work_order_number, when=words.when(p.taken_at), name=p.filename))
            for p in file.photos)
        self.boxes["photos"].setVisible(bool(file.photos))
        expanded = {self.history.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                    for i in range(self.history.topLevelItemCount())
                    if self.history.topLevelItem(i).isExpanded()} if same else set()
        self.history.clear()
        for order in file.history:
            item = QTreeWidgetItem([order.number, words.day(order.entry_at), words.km(order.mileage),
                                    words.word(words.business_types(), order.business_type),
                                    f"{words.state_name(order.state)} · {order.advisor}"])
            item.setData(0, Qt.ItemDataRole.UserRole, order.id)
            for line in order.lines:
                qty = f"{line.qty.normalize():f}" + (" h" if line.kind == "labour" else "")
                child = QTreeWidgetItem(["", line.name, qty, words.money(line.net),
                                         words.word(words.payers(), line.payer)
                                         + (" · " + self.tr("declined")
                                            if line.approval == "declined" else "")])
                item.addChild(child)
            self.history.addTopLevelItem(item)
            item.setExpanded(order.id in expanded)
        for column in range(3):
            self.history.resizeColumnToContents(column)
        for view in (self.open_view, self.declined_view, self.campaign_view, self.complaint_view):
            view.resizeColumnsToContents()
            view.horizontalHeader().setStretchLastSection(True)
        self._render()

    def _render(self) -> None:
        f = self.file
        if f is None:
            return
        self.title.setText(f.plate or self.tr("(no plate)"))
        model = " ".join(str(p) for p in (f.brand, f.series, f.model_code, f.model_year, f.colour) if p)
        self.details.setText(self.tr("{model} · VIN {vin} · {mileage} on {day}").format(
            model=model, vin=f.vin, mileage=words.km(f.mileage) or "—",
            day=words.day(f.mileage_on) or "—"))
        member = f.membership
        member_text = (self.tr("{tier} member · balance {balance} · {points} points").format(
            tier=member.tier_name, balance=words.money(member.balance),
            points=member.points_balance) if member else self.tr("not a member"))
        policy = f.insurance[0] if f.insurance else None
        insurance = (self.tr("insurance {insurer} until {day}").format(
            insurer=policy.insurer, day=words.day(policy.expiry_date))
            if policy else self.tr("no insurance on file"))
        self.owner.setText(f"<b>{f.customer_name}</b> {f.customer_code} · {f.mobile or ''}<br>"
                           f"{member_text}<br>{insurance}")
        nxt = f.next_service
        if nxt.item is None:
            self.maintenance.setText(self.tr("No maintenance plan."))
        else:
            basis = self.tr("by mileage") if nxt.basis == "mileage" else self.tr("by date")
            pace = (self.tr("{km} km a day").format(km=nxt.km_per_day)
                    if nxt.km_per_day is not None else self.tr("pace unknown"))
            self.maintenance.setText(self.tr(
                "Next: <b>{package}</b> due {due} ({basis})<br>plan: {date} or {mileage}<br>"
                "{pace}").format(package=nxt.item.package_name, due=words.day(nxt.due_date),
                                 basis=basis, date=words.day(nxt.item.due_date) or "—",
                                 mileage=words.km(nxt.item.due_mileage) or "—", pace=pace))

    def retranslate_ui(self) -> None:
        titles = {"open": self.tr("Open work orders"), "history": self.tr("Service history"),
                  "declined": self.tr("Declined work (select, then Ctrl+D)"),
                  "campaigns": self.tr("Campaigns and recalls"),
                  "maintenance": self.tr("Maintenance"), "complaints": self.tr("Complaints"),
                  "photos": self.tr("Check-in photos (Enter opens)")}
        for name, box in self.boxes.items():
            box.setTitle(titles[name])
        self.history.setHeaderLabels([self.tr("Work order"), self.tr("Date / line"),
                                      self.tr("Mileage / qty"), self.tr("Type / amount"),
                                      self.tr("State / payer")])
        for model in (self.open_orders, self.declined, self.campaigns, self.complaints):
            model.retranslate()
        if self.file is not None:
            self.show_file(self.file)
