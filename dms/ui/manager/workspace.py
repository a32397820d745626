"""The manager 服务经理 workspace (DESIGN §9): the KPI dashboard, reports and exports,
administration and the standard times learned from the workshop's clocks.

Each page is a tab; F5 refreshes the page shown. Reads run in the pool, writes are one
command each in the workspace's lane (dialogs keep what was typed when the service refuses).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from dms.ui.manager.dashboard import Dashboard
from dms.ui.manager.reports import ReportsPage
from dms.ui.shell.workspace import Workspace


class Manager(Workspace):
    id = "manager"
    roles = frozenset({"manager"})

    @classmethod
    def title_for(cls) -> str:
        return QCoreApplication.translate("Manager", "Manager")

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.dialog = None  # the dialog open now (tests drive it)
        self.dashboard = Dashboard(self)
        self.reports = ReportsPage(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("manager_tabs")
        for page in (self.dashboard, self.reports):
            self.tabs.addTab(page, "")
        make = ctx.actions.make
        self.export_action = make("manager.export", self.reports, self.reports.run)
        self.cancel_export_action = make("manager.cancel_export", self.reports, self.reports.stop)
        self.reports.addActions([self.export_action, self.cancel_export_action])
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate_ui()
        self.dashboard.load()

    def focus_widget(self):
        return self.tabs.currentWidget()

    def refresh(self) -> None:
        page = self.tabs.currentWidget()
        if hasattr(page, "load"):
            page.load()

    def _open(self, dialog, on_accept=None):
        """Window-modal and non-blocking; the last dialog is kept until the next one opens."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        if on_accept is not None:
            dialog.accepted.connect(on_accept)
        dialog.open()
        return dialog

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.dashboard), self.tr("&Dashboard"))
        self.tabs.setTabText(self.tabs.indexOf(self.reports), self.tr("&Reports and exports"))
        self.dashboard.retranslate_ui()
        self.reports.retranslate_ui()
