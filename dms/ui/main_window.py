"""Main window: menus, status bar and the workspaces (lookup first; reception, work orders,
workshop … join as tabs)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

import dms
from dms.ui.lookup import LookupWorkspace
from dms.ui.settings_dialog import SettingsDialog, SettingsStore
from dms.ui.tasks import TaskRunner

ROLE_ORDER = ("advisor", "dispatcher", "technician", "team_lead", "qc_inspector",
              "warehouse_clerk", "cashier", "customer_care", "manager")


class MainWindow(QMainWindow):
    def __init__(self, db: object, user: Any, runner: TaskRunner,
                 settings_store: SettingsStore | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._db = db
        self.user = user
        self._runner = runner
        self._settings_store = settings_store

        self.lookup = LookupWorkspace(db, runner, actor=user)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspaces")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.lookup, "")
        self.setCentralWidget(self.tabs)

        self.settings_action = QAction(self)
        self.settings_action.setObjectName("actionSettings")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.show_settings)
        self.settings_action.setEnabled(settings_store is not None)
        self.quit_action = QAction(self)
        self.quit_action.setObjectName("actionQuit")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.setObjectName("actionAbout")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.about_action)

        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.db_label = QLabel()
        self.db_label.setObjectName("statusDatabase")
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.db_label)

        self.resize(1280, 800)
        self.retranslate_ui()
        self.lookup.setFocus()

    def role_names(self) -> list[str]:
        names = {
            "advisor": self.tr("Service advisor"), "dispatcher": self.tr("Dispatcher"),
            "technician": self.tr("Technician"), "team_lead": self.tr("Team lead"),
            "qc_inspector": self.tr("QC inspector"),
            "warehouse_clerk": self.tr("Warehouse clerk"), "cashier": self.tr("Cashier"),
            "customer_care": self.tr("Customer care"), "manager": self.tr("Service manager"),
        }
        roles = sorted(self.user.roles, key=lambda r: (ROLE_ORDER.index(r)
                                                       if r in ROLE_ORDER else 99, r))
        return [names.get(role, role) for role in roles]

    @Slot()
    def show_settings(self) -> None:
        if self._settings_store is None:
            return
        dialog = SettingsDialog(self._settings_store, self)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About DMS"), self.tr(
            "<h3>DMS {version}</h3><p>After-sales management for 4S dealerships: customers, "
            "vehicles, appointments, work orders, workshop, parts and settlement.</p>"
            ).format(version=dms.__version__))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("DMS — {store} — {user}").format(
            store=self.user.store_name, user=self.user.display_name))
        self.tabs.setTabText(self.tabs.indexOf(self.lookup), self.tr("Lookup"))
        self.file_menu.setTitle(self.tr("&File"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About DMS"))
        self.user_label.setText(self.tr("{user} ({roles}) · {store}").format(
            user=self.user.display_name, roles=", ".join(self.role_names()),
            store=self.user.store_name))
        backend = getattr(self._db, "backend", "")
        self.db_label.setText({"sqlite": self.tr("Local database (SQLite)"),
                               "postgresql": self.tr("Server database (PostgreSQL)")
                               }.get(backend, backend))
        self.statusBar().showMessage(self.tr("Ready"), 5000)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Results of running tasks would arrive at deleted widgets; let them finish first.
        self._runner.shutdown()
        super().closeEvent(event)
