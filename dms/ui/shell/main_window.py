"""The main window: a thin shell around the signed-in user's workspaces (DESIGN §9).

Tabs (Ctrl+1…) switch workspaces; each is built the first time it is shown and the last one
used is reopened at the next sign-in. Menus are built from the action registry. The window's
size and the last workspace live in the settings store; the default size fits a 1366×768
screen. Sign out asks every workspace whether it may be left (unsaved input) first.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QLabel, QMainWindow, QMessageBox, QStackedWidget, QTabBar,
                               QVBoxLayout, QWidget)

import dms
from dms.ui.settings_dialog import SettingsDialog
from dms.ui.shell import workspace as registry
from dms.ui.shell.actions import Actions
from dms.ui.shell.bus import ChangeBus
from dms.ui.shell.palette import QuickOpen
from dms.ui.shell.workspace import Context, Workspace
from dms.ui.tasks import TaskRunner

ROLE_ORDER = ("advisor", "dispatcher", "technician", "team_lead", "qc_inspector",
              "warehouse_clerk", "cashier", "customer_care", "manager")
DEFAULT_SIZE = (1340, 720)  # inside a 1366×768 screen with a task bar
MINIMUM_SIZE = (1024, 640)


class MainWindow(QMainWindow):
    signed_out = Signal()

    def __init__(self, db: object, user: Any, runner: TaskRunner,
                 settings_store: Any = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.user = user
        self._db = db
        self._settings_store = settings_store
        self.bus = ChangeBus(self)
        self.actions = Actions(user.roles, self)
        self.ctx = Context(db, user, runner, self.bus, self.actions, self.open_target)
        self.specs = registry.for_roles(user.roles)
        self.workspaces: dict[str, Workspace] = {}
        self._current: Workspace | None = None

        self.tab_bar = QTabBar()
        self.tab_bar.setObjectName("workspaceTabs")
        self.tab_bar.setDocumentMode(True)
        self.tab_bar.setExpanding(False)
        for _spec in self.specs:
            self.tab_bar.addTab("")
        self.stack = QStackedWidget()
        self.empty = QLabel()  # a user whose roles have no workspace yet
        self.empty.setObjectName("noWorkspace")
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tab_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.tab_bar.currentChanged.connect(self._on_tab)
        self.bus.changed.connect(self._on_changes)

        make = self.actions.make
        self.palette_action = make("shell.palette", self, self.quick_open)
        self.refresh_action = make("shell.refresh", self, self.refresh)
        self.help_action = make("shell.help", self, self.show_shortcuts)
        self.sign_out_action = make("shell.sign_out", self, self.sign_out)
        self.settings_action = make("shell.settings", self, self.show_settings)
        self.settings_action.setEnabled(settings_store is not None)
        self.quit_action = make("shell.quit", self, self.close)
        self.about_action = make("shell.about", self, self.show_about)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addActions([self.sign_out_action, self.settings_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.go_menu = self.menuBar().addMenu("")
        self.go_menu.addActions([self.palette_action, self.refresh_action])
        self.go_menu.addSeparator()
        self.workspace_menu_actions = []
        for number, spec in enumerate(self.specs):
            action = self.go_menu.addAction("")
            action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, n=number: self.tab_bar.setCurrentIndex(n))
            self.workspace_menu_actions.append(action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addActions([self.help_action, self.about_action])

        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.db_label = QLabel()
        self.db_label.setObjectName("statusDatabase")
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.db_label)

        self.setMinimumSize(*MINIMUM_SIZE)
        self.resize(*DEFAULT_SIZE)
        self.retranslate_ui()
        self._restore()

    # -- workspaces ----------------------------------------------------------------------
    def workspace(self, workspace_id: str) -> Workspace:
        """The workspace, built now if it was not shown before."""
        if workspace_id not in self.workspaces:
            spec = next(s for s in self.specs if s.id == workspace_id)
            built = spec.factory(self.ctx)
            self.workspaces[workspace_id] = built
            self.stack.addWidget(built)
            self.tab_bar.setTabText(self.specs.index(spec), built.title())
        return self.workspaces[workspace_id]

    @property
    def current(self) -> Workspace | None:
        return self._current

    def show_workspace(self, workspace_id: str) -> Workspace:
        self.tab_bar.setCurrentIndex([s.id for s in self.specs].index(workspace_id))
        return self.workspace(workspace_id)

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        if not 0 <= index < len(self.specs):
            return
        if self._current is not None:
            self._current.deactivate()
        self._current = self.workspace(self.specs[index].id)
        self.stack.setCurrentWidget(self._current)
        self._current.activate()

    @Slot(object)
    def _on_changes(self, changes: list) -> None:
        for built in self.workspaces.values():
            built.on_changes(changes)

    def open_target(self, entity: str, key: int) -> None:
        """Show a record in the first workspace that can (the quick-open palette uses it)."""
        order = ([self._current] if self._current else []) + [
            self.workspace(s.id) for s in self.specs]
        for candidate in order:
            if candidate.open_target(entity, key):
                if candidate is not self._current:
                    self.show_workspace(candidate.id)
                return

    # -- shell actions ---------------------------------------------------------------------
    @Slot()
    def quick_open(self) -> None:
        QuickOpen(self.ctx, self).open()

    @Slot()
    def refresh(self) -> None:
        if self._current is not None:
            self._current.refresh()

    @Slot()
    def sign_out(self) -> None:
        if all(w.can_leave() for w in self.workspaces.values()):
            self.signed_out.emit()

    @Slot()
    def show_shortcuts(self) -> None:
        lines = [f"<tr><td><b>{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}"
                 f"</b></td><td>{a.text().replace('&', '')}</td></tr>"
                 for a in self.findChildren(type(self.quit_action)) if not a.shortcut().isEmpty()]
        QMessageBox.information(self, self.tr("Keyboard shortcuts"),
                                "<table cellspacing=6>" + "".join(sorted(set(lines))) + "</table>")

    @property
    def settings_store(self) -> Any:
        """This workstation's settings (printers per document kind: `common/printing.py`)."""
        return self._settings_store

    @Slot()
    def show_settings(self) -> None:
        if self._settings_store is None:
            return
        dialog = SettingsDialog(self._settings_store, self)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About DMS"), self.about_text())

    def about_text(self) -> str:
        """What this window can do: its workspaces, read from the tabs, so it stays true."""
        workspaces = [self.tab_bar.tabText(i).replace("&", "") for i in range(self.tab_bar.count())]
        return self.tr(
            "<h3>DMS {version}</h3><p>After-sales management for 4S dealerships.</p>"
            "<p>In this window: {workspaces}; settings.</p><p>Documents, exports, the KPI "
            "report and imports: the <code>dms</code> command line (<code>dms --help</code>)."
            "</p>").format(version=dms.__version__, workspaces=QCoreApplication.translate(
                "Messages", ", ", "between list items").join(workspaces))

    # -- remembered layout ---------------------------------------------------------------------
    def _restore(self) -> None:
        saved = (self._settings_store.load() if self._settings_store else {}).get("window", {})
        geometry = saved.get("geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        ids = [s.id for s in self.specs]
        last = saved.get("workspace")
        if ids:
            index = ids.index(last) if last in ids else 0
            if self.tab_bar.currentIndex() == index:
                self._on_tab(index)
            else:
                self.tab_bar.setCurrentIndex(index)
        else:
            self.stack.setCurrentWidget(self.empty)

    def _save_layout(self) -> None:
        if self._settings_store is None:
            return
        settings = self._settings_store.load()
        settings["window"] = {"geometry": bytes(self.saveGeometry().toBase64()).decode(),
                              "workspace": self._current.id if self._current else None}
        self._settings_store.save(settings)

    # -- translation and closing -----------------------------------------------------------------
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

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("DMS — {store} — {user}").format(
            store=self.user.store_name, user=self.user.display_name))
        self.file_menu.setTitle(self.tr("&File"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.actions.retranslate()
        for number, spec in enumerate(self.specs):
            built = self.workspaces.get(spec.id)
            title = built.title() if built else spec.factory.title_for()
            self.tab_bar.setTabText(number, title)
            self.workspace_menu_actions[number].setText(title)
        self.empty.setText(self.tr(
            "Your roles have no workspace in this window yet. Their work runs through the "
            "command line (see the README)."))
        self.user_label.setText(self.tr("{user} ({roles}) · {store}").format(
            user=self.user.display_name, roles=", ".join(self.role_names()),
            store=self.user.store_name))
        backend = getattr(self._db, "backend", "")
        self.db_label.setText({"sqlite": self.tr("Local database (SQLite)"),
                               "postgresql": self.tr("Server database (PostgreSQL)")
                               }.get(backend, backend))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(w.can_leave() for w in self.workspaces.values()):
            event.ignore()
            return
        self._save_layout()
        # Results of running tasks would arrive at deleted widgets; let them finish first.
        self.ctx.runner.shutdown()
        super().closeEvent(event)
