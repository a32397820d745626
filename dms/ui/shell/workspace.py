"""What every workspace is (DESIGN §9), and which roles get which workspace.

A workspace is one person's whole job in one screen. The shell builds it on first show, calls
`activate()`/`deactivate()` as the user switches, asks `can_leave()` before signing out, and
hands it every change (`on_changes`): a visible workspace refreshes at once, a hidden one only
remembers that it is stale and refreshes when it is shown again.

Workspaces never touch the database: `read()` runs a query in the pool, `command()` runs a
service call in the workspace's serial lane and publishes what it changed on the change bus.
A domain error lands in the workspace's message bar, translated; the form keeps its input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from dms.changes import Change
from dms.ui.common.message_bar import MessageBar
from dms.ui.shell.actions import Actions
from dms.ui.shell.bus import ChangeBus, as_changes
from dms.ui.tasks import TaskRunner


@dataclass
class Context:
    """What the shell hands every workspace."""

    db: Any
    user: Any  # dms.auth.CurrentUser
    runner: TaskRunner
    bus: ChangeBus
    actions: Actions
    open_target: Callable[[str, int], None]  # jump to ("vehicle"|"work_order", id) anywhere


class Workspace(QWidget):
    id = ""
    roles: frozenset[str] = frozenset()

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"workspace_{self.id}")
        self.ctx = ctx
        self.active = False
        self.stale = False
        self.dialog = None  # the last dialog opened here, kept until the next (tests read it)
        self.message_bar = MessageBar()
        self.body = QWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.body, 1)

    # -- what the shell calls ------------------------------------------------------------
    @classmethod
    def title_for(cls) -> str:
        """The tab's text in the current language (before the workspace is built, too)."""
        raise NotImplementedError

    def title(self) -> str:
        return self.title_for()

    def activate(self) -> None:
        self.active = True
        if self.stale:
            self.stale = False
            self.refresh()
        widget = self.focus_widget()
        if widget is not None:
            widget.setFocus()

    def deactivate(self) -> None:
        self.active = False

    def can_leave(self) -> bool:
        """False while something typed is not saved (the shell asks before signing out)."""
        return True

    def focus_widget(self) -> QWidget | None:
        return None

    @Slot(object)
    def on_changes(self, changes: list[Change]) -> None:
        if not self.wants(changes):
            return
        if self.active and self.isVisible():
            self.apply_changes(changes)
        else:
            self.stale = True

    def wants(self, changes: list[Change]) -> bool:
        return False

    def apply_changes(self, changes: list[Change]) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Show the current data again (F5, and after changes while hidden)."""

    def open_target(self, entity: str, key: int) -> bool:
        """Show this record here if the workspace can (quick open); True when it did."""
        return False

    # -- what workspaces use ---------------------------------------------------------------
    def read(self, fn, *args, on_result, on_error=None, **kwargs) -> int:
        """`fn(db, user, *args)`, in a reader process where the runner has them."""
        return self.ctx.runner.submit(fn, self.ctx.db, self.ctx.user, *args,
                                      on_result=on_result, on_error=on_error or self._failed,
                                      apart=True, **kwargs)

    def command(self, fn, *args, on_result, on_error=None, **kwargs) -> int:
        """One user action: `fn(db, user, *args)` in this workspace's serial lane."""
        self.message_bar.clear()
        return self.ctx.runner.submit(fn, self.ctx.db, self.ctx.user, *args,
                                      on_result=on_result, on_error=on_error or self._failed,
                                      lane=self.id, then=self._publish, **kwargs)

    def open_dialog(self, dialog, on_accept=None):
        """Window-modal and non-blocking: the event loop (and live updates) keep running. The
        last dialog is kept until the next one opens (tests read what it holds)."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        if on_accept is not None:
            dialog.accepted.connect(on_accept)
        dialog.open()
        return dialog

    @Slot(int, object)
    def _publish(self, _task_id: int, result: object) -> None:
        self.ctx.bus.publish(as_changes(result))

    @Slot(int, object)
    def _failed(self, _task_id: int, error: object) -> None:
        self.message_bar.show_error(error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every visible text again (called on a language change)."""


@dataclass(frozen=True)
class WorkspaceSpec:
    id: str
    roles: frozenset[str]
    factory: Callable[[Context], Workspace]
    shortcut: str  # Ctrl+<n>


def registry() -> list[WorkspaceSpec]:
    """The workspaces that exist, in tab order. (Imported here so the shell module stays free
    of every workspace's imports until a user who has the role signs in.)"""
    from dms.ui.care.workspace import CustomerCare
    from dms.ui.cashier.workspace import CashierDesk
    from dms.ui.frontdesk.workspace import FrontDesk
    from dms.ui.manager.workspace import Manager
    from dms.ui.parts.workspace import PartsCounter
    from dms.ui.pdi.workspace import PdiDesk
    from dms.ui.technician.workspace import TechnicianTerminal
    from dms.ui.workshop.workspace import WorkshopBoard

    return [WorkspaceSpec(FrontDesk.id, FrontDesk.roles, FrontDesk, "Ctrl+1"),
            WorkspaceSpec(WorkshopBoard.id, WorkshopBoard.roles, WorkshopBoard, "Ctrl+2"),
            WorkspaceSpec(TechnicianTerminal.id, TechnicianTerminal.roles, TechnicianTerminal,
                          "Ctrl+3"),
            WorkspaceSpec(PartsCounter.id, PartsCounter.roles, PartsCounter, "Ctrl+4"),
            WorkspaceSpec(CashierDesk.id, CashierDesk.roles, CashierDesk, "Ctrl+5"),
            WorkspaceSpec(CustomerCare.id, CustomerCare.roles, CustomerCare, "Ctrl+6"),
            WorkspaceSpec(Manager.id, Manager.roles, Manager, "Ctrl+7"),
            WorkspaceSpec(PdiDesk.id, PdiDesk.roles, PdiDesk, "Ctrl+8")]


def for_roles(roles) -> list[WorkspaceSpec]:
    """A user's workspaces: those of the roles they hold; a manager sees every one."""
    roles = frozenset(roles)
    return [w for w in registry() if "manager" in roles or not w.roles.isdisjoint(roles)]
