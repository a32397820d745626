"""Administration: staff and roles, the store's record, bays and trades, price classes, labour
operations, maintenance packages (and their items), membership tiers, the PDI checklist, the
store's rules (discount limits per role and the rest) and data housekeeping. Each list has
New / Edit (Enter) and, for staff, disable, reset password and unlock; each follows the other
seats' changes to its records (`ENTITIES`) in place.

Printers are not here: the cashier's print preview remembers the printer and page size of each
document kind on the workstation.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from dms.admin import catalogue, store, users
from dms.ui import error_words
from dms.ui.common import words
from dms.ui.common.table import Column, PagedTableModel
from dms.ui.common.views import selected_row, table_view
from dms.ui.manager.admin_dialogs import (PasswordDialog, RecordDialog, RuleDialog, UserDialog,
                                          bay_kinds, field_names, plain, rule_names, trades)
from dms.ui.manager.setup_dialogs import PackageItemsDialog, StoreDialog
from dms.ui.manager.setup_pages import HousekeepingPage, PdiChecklistPage
from dms.workshop.trades import BAY_KINDS, TRADES, bay_kind

SECTIONS = ("users", "store", "bay", "price_class", "labour_operation", "maintenance_package",
            "membership_tier", "pdi_template", "rules", "housekeeping")
# the change feed's entity of each section's records (another seat's change reloads the list)
ENTITIES = {"users": "user", "store": "store", "bay": "bay", "price_class": "price_class",
            "labour_operation": "labour_operation", "maintenance_package": "maintenance_package",
            "membership_tier": "membership_tier", "pdi_template": "pdi_template",
            "rules": "store_setting", "housekeeping": "store_setting"}


class AdminPage(QWidget):
    def __init__(self, workspace):
        super().__init__()
        self.ws = workspace
        self.section = "users"
        self.stale = False  # another seat changed records while the page was hidden
        self._task: int | None = None
        self.price_classes: tuple[dict, ...] = ()
        self.sections = QListWidget()
        self.sections.setObjectName("admin_sections")
        self.sections.setMaximumWidth(220)
        for key in SECTIONS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sections.addItem(item)
        self.model = PagedTableModel(workspace.ctx.runner, [], key=self._key)
        self.table = table_view(self.model, "admin_table")
        self.buttons = {name: QPushButton() for name in ("new", "edit", "items", "active",
                                                         "password", "unlock")}
        for name, button in self.buttons.items():
            button.setObjectName(f"admin_{name}")
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        self.caption = QLabel()  # bays: the capacity of each kind and the trades it takes
        self.caption.setObjectName("admin_caption")
        self.caption.setWordWrap(True)
        self.list_page = QWidget()
        right = QVBoxLayout(self.list_page)
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(row)
        right.addWidget(self.table, 1)
        right.addWidget(self.caption)
        self.pdi_page = PdiChecklistPage(workspace)
        self.housekeeping_page = HousekeepingPage(workspace)
        self.pages = QStackedWidget()
        for page in (self.list_page, self.pdi_page, self.housekeeping_page):
            self.pages.addWidget(page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.sections)
        layout.addWidget(self.pages, 1)

        self.sections.currentRowChanged.connect(self._on_section)
        self.table.doubleClicked.connect(self.edit)
        self.table.activated.connect(self.edit)
        self.buttons["new"].clicked.connect(self.new)
        self.buttons["edit"].clicked.connect(self.edit)
        self.buttons["items"].clicked.connect(self.edit_items)
        self.buttons["active"].clicked.connect(self.toggle_active)
        self.buttons["password"].clicked.connect(self.reset_password)
        self.buttons["unlock"].clicked.connect(self.unlock)
        self.retranslate_ui()
        self.sections.setCurrentRow(0)

    # -- columns of each section ----------------------------------------------------------------
    def _key(self, row):
        if self.section == "rules":
            return row[0]
        return row.id if self.section in ("users", "store") else row["id"]

    def _columns(self) -> list[Column]:
        if self.section == "users":
            roles = error_words.roles()
            return [Column(lambda: self.tr("User name"), lambda r: r.username),
                    Column(lambda: self.tr("Shown as"), lambda r: r.display_name),
                    Column(lambda: self.tr("Team"), lambda r: r.team or ""),
                    Column(lambda: self.tr("Roles"), lambda r: ", ".join(roles.get(x, x) for x in r.roles)),
                    Column(lambda: self.tr("State"), self._user_state)]
        if self.section == "store":
            return [Column(lambda: self.tr("Code"), lambda r: r.code),
                    Column(lambda: self.tr("Name"), lambda r: r.name),
                    Column(lambda: self.tr("Address"), lambda r: r.address or ""),
                    Column(lambda: self.tr("Telephone"), lambda r: r.phone or ""),
                    Column(lambda: self.tr("Logo"), lambda r: r.logo_path or ""),
                    Column(lambda: self.tr("Invoice header"), lambda r: r.invoice.name or ""),
                    Column(lambda: self.tr("Taxpayer ID"), lambda r: r.invoice.tax_id or "")]
        if self.section == "rules":
            names = rule_names()
            return [Column(lambda: self.tr("Rule"), lambda r: names.get(r[0], r[0])),
                    Column(lambda: self.tr("Value"), lambda r: plain(r[1]))]
        names, kinds, bays = field_names(), trades(), bay_kinds()
        yes_no = {True: self.tr("Yes"), False: self.tr("No")}

        def shown(field):
            if field.kind == "trade":
                return lambda r: kinds.get(r[field.key], r[field.key])
            if field.kind == "bay_kind":
                return lambda r: bays.get(r[field.key], r[field.key])
            if field.kind == "flag":
                return lambda r: yes_no[bool(r[field.key])]
            if field.kind == "price_class":
                return lambda r: next((f"{p['code']} {p['name']}" for p in self.price_classes
                                       if p["id"] == r[field.key]), "")
            if field.kind == "money":
                return lambda r: words.money(r[field.key])
            return lambda r: plain(r[field.key])
        return [Column(lambda f=field: names[f.key], shown(field))
                for field in catalogue.KINDS[self.section].fields]

    def _user_state(self, row) -> str:
        if not row.active:
            return self.tr("Disabled")
        if row.locked_until is not None:
            return self.tr("Locked until %1").replace("%1", words.when(row.locked_until))
        return self.tr("Must change password") if row.must_change_password else self.tr("Active")

    # -- loading ----------------------------------------------------------------------------
    @Slot(int)
    def _on_section(self, index: int) -> None:
        self.section = self.sections.item(index).data(Qt.ItemDataRole.UserRole)
        self._task = None  # the previous section's rows, still on their way, are not these
        page = {"pdi_template": self.pdi_page, "housekeeping": self.housekeeping_page}.get(
            self.section, self.list_page)
        self.pages.setCurrentWidget(page)
        if page is not self.list_page:
            page.load()
            return
        staff = self.section == "users"
        for name in ("active", "password", "unlock"):
            self.buttons[name].setVisible(staff)
        self.buttons["new"].setVisible(self.section not in ("rules", "store"))
        self.buttons["items"].setVisible(self.section == "maintenance_package")
        self.caption.setVisible(self.section == "bay")
        old, self.model = self.model, PagedTableModel(self.ws.ctx.runner, self._columns(),
                                                      key=self._key)
        self.table.setModel(self.model)  # another list, other columns
        old.deleteLater()
        self.load()

    def load(self) -> None:
        if self.pages.currentWidget() is not self.list_page:
            self.pages.currentWidget().load()
        elif self.section == "users":
            self._task = self.ws.read(users.staff, on_result=self._on_rows)
        elif self.section == "store":
            self._task = self.ws.read(store.store_info, on_result=self._on_rows)
        elif self.section == "rules":
            self._task = self.ws.read(catalogue.rules, on_result=self._on_rows)
        else:
            self._task = self.ws.read(_with_classes, self.section, on_result=self._on_rows)

    @Slot(int, object)
    def _on_rows(self, task_id: int, rows) -> None:
        if task_id != self._task:
            return
        if isinstance(rows, dict):  # a catalogue and the price classes its form offers
            self.price_classes, rows = rows["price_classes"], rows["rows"]
        if isinstance(rows, store.StoreInfo):
            rows = [rows]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()  # short lists: every value whole
        if self.section == "bay":
            self.caption.setText(self._bay_caption(rows))

    def _bay_caption(self, rows) -> str:
        """Each kind of bay: how many are in use, the hours a day they take, which trades."""
        kinds, names = bay_kinds(), trades()
        lines = []
        for kind in BAY_KINDS:
            used = [r for r in rows if r["kind"] == kind and r["active"]]
            work = "、".join(names[t] for t in TRADES if bay_kind(t) == kind)
            lines.append(self.tr("%1: %n bay(s) in use, %2 h a day; takes %3", "", len(used))
                         .replace("%1", kinds[kind])
                         .replace("%2", plain(sum((r["capacity_hours"] for r in used), 0)))
                         .replace("%3", work))
        return "\n".join(lines)
    def selected(self):
        return selected_row(self.table, self.model)

    # -- actions ------------------------------------------------------------------------------
    def _titles(self) -> dict[str, str]:
        return {"users": self.tr("Staff and roles"), "price_class": self.tr("Price classes and labour rates"),
                "labour_operation": self.tr("Labour operations"),
                "maintenance_package": self.tr("Maintenance packages"),
                "membership_tier": self.tr("Membership tiers"),
                "rules": self.tr("Discount limits and store rules"),
                "store": self.tr("The store"), "bay": self.tr("Bays and trades"),
                "pdi_template": self.tr("PDI checklist"),
                "housekeeping": self.tr("Data housekeeping")}

    @Slot()
    def new(self) -> None:
        if self.section == "users":
            self.ws.open_dialog(UserDialog(self.ws), self.load)
        elif self.section != "rules":
            self.ws.open_dialog(RecordDialog(self.ws, self.section, self._titles()[self.section],
                                       None, self.price_classes), self.load)

    @Slot()
    def edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        if self.section == "users":
            self.ws.open_dialog(UserDialog(self.ws, row), self.load)
        elif self.section == "store":
            self.ws.open_dialog(StoreDialog(self.ws, row), self.load)
        elif self.section == "rules":
            self.ws.open_dialog(RuleDialog(self.ws, *row), self.load)
        else:
            self.ws.open_dialog(RecordDialog(self.ws, self.section, self._titles()[self.section], row,
                                       self.price_classes), self.load)

    @Slot()
    def edit_items(self) -> None:
        row = self.selected()
        if self.section == "maintenance_package" and row is not None:
            self.ws.open_dialog(PackageItemsDialog(self.ws, row), self.load)

    def apply_changes(self, changes) -> None:
        """Another seat's (or this one's) change to the records of the section shown."""
        if any(c.entity == ENTITIES[self.section] for c in changes):
            self.load()

    @Slot()
    def toggle_active(self) -> None:
        row = self.selected()
        if self.section == "users" and row is not None:
            self.ws.command(users.set_active, row.id, not row.active, on_result=self._done)

    @Slot()
    def reset_password(self) -> None:
        row = self.selected()
        if self.section == "users" and row is not None:
            self.ws.open_dialog(PasswordDialog(self.ws, row), self.load)

    @Slot()
    def unlock(self) -> None:
        row = self.selected()
        if self.section == "users" and row is not None:
            self.ws.command(users.unlock, row.username, on_result=self._done)

    @Slot(int, object)
    def _done(self, _task_id: int, _result) -> None:
        self.load()

    def retranslate_ui(self) -> None:
        titles = self._titles()
        for i in range(self.sections.count()):
            item = self.sections.item(i)
            item.setText(titles[item.data(Qt.ItemDataRole.UserRole)])
        for name, text in (("new", self.tr("&New...")), ("edit", self.tr("&Edit... (Enter)")),
                           ("items", self.tr("&Items... (Ctrl+I)")),
                           ("active", self.tr("&Disable / enable")),
                           ("password", self.tr("Reset &password...")),
                           ("unlock", self.tr("&Unlock"))):
            self.buttons[name].setText(text)
        if self.sections.currentRow() >= 0:
            self._on_section(self.sections.currentRow())  # columns and words of the language
        self.pdi_page.retranslate_ui()
        self.housekeeping_page.retranslate_ui()


def _with_classes(db, user, kind: str) -> dict:
    """A catalogue's rows and the price classes (labour operations name theirs): one read."""
    return {"rows": catalogue.records(db, user, kind),
            "price_classes": catalogue.records(db, user, "price_class")}
