"""The manager 服务经理 workspace (DESIGN §9): the KPI dashboard, reports and exports,
administration and the standard times learned from the workshop's clocks.

Each page is a tab; F5 refreshes the page shown. Reads run in the pool, writes are one
command each in the workspace's lane (dialogs keep what was typed when the service refuses).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from dms.ui.manager.admin import ENTITIES as SECTION_ENTITIES
from dms.ui.manager.admin import AdminPage
from dms.ui.manager.dashboard import Dashboard
from dms.ui.manager.reports import ReportsPage
from dms.ui.manager.standard_times import StandardTimesPage
from dms.ui.shell.workspace import Workspace


ADMIN_ENTITIES = frozenset(SECTION_ENTITIES.values())


class Manager(Workspace):
    id = "manager"
    roles = frozenset({"manager"})

    @classmethod
    def title_for(cls) -> str:
        return QCoreApplication.translate("Manager", "Manager")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.dashboard = Dashboard(self)
        self.reports = ReportsPage(self)
        self.admin = AdminPage(self)
        self.times = StandardTimesPage(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("manager_tabs")
        for page in (self.dashboard, self.reports, self.admin, self.times):
            self.tabs.addTab(page, "")
        make = ctx.actions.make
        self.export_action = make("manager.export", self.reports, self.reports.run)
        self.cancel_export_action = make("manager.cancel_export", self.reports, self.reports.stop)
        self.reports.addActions([self.export_action, self.cancel_export_action])
        self.new_record_action = make("manager.new_record", self.admin, self.admin.new)
        self.items_action = make("manager.package_items", self.admin, self.admin.edit_items)
        self.admin.addActions([self.new_record_action, self.items_action])
        self.adopt_action = make("manager.adopt_median", self.times,
                                 lambda: self.times.adopt("median"))
        self.times.addAction(self.adopt_action)
        self.times.adopt_median.setEnabled(self.adopt_action.isEnabled())
        self.times.adopt_p80.setEnabled(self.adopt_action.isEnabled())
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate_ui()
        self.dashboard.load()

    def focus_widget(self):
        return self.tabs.currentWidget()

    @Slot(object)
    def on_changes(self, changes) -> None:
        """Users, catalogues and settings changed (here or on another seat): the list shown
        takes them now; hidden, it is read again when shown. The dashboard is not recomputed
        (F5 does that): a second's computation for every change would be too much."""
        if not any(c.entity in ADMIN_ENTITIES for c in changes):
            return
        if self.active and self.isVisible() and self.tabs.currentWidget() is self.admin:
            self.admin.apply_changes(changes)
        else:
            self.admin.stale = True

    def activate(self) -> None:
        super().activate()
        self._on_tab(self.tabs.currentIndex())

    def refresh(self) -> None:
        page = self.tabs.currentWidget()
        if hasattr(page, "load"):
            page.load()

    def _on_tab(self, _index: int) -> None:
        page = self.tabs.currentWidget()
        if page is self.times and not self.times.model.rows:
            self.times.load()  # read when first shown, not at sign-in
        if page is self.admin and self.admin.stale:
            self.admin.stale = False
            self.admin.load()

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.dashboard), self.tr("&Dashboard"))
        self.tabs.setTabText(self.tabs.indexOf(self.reports), self.tr("&Reports and exports"))
        self.tabs.setTabText(self.tabs.indexOf(self.admin), self.tr("&Administration"))
        self.dashboard.retranslate_ui()
        self.reports.retranslate_ui()
        self.admin.retranslate_ui()
        self.tabs.setTabText(self.tabs.indexOf(self.times), self.tr("&Standard times"))
        self.times.retranslate_ui()
