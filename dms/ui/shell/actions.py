"""One action registry (DESIGN §9): every action a menu, toolbar, context menu or shortcut
offers has an id, its text, a default shortcut and the permission it needs.

Shortcuts are the same in every workspace: F1 help, F2 search, F5 refresh, F9 save/confirm,
Esc back, Ctrl+K quick open. An action the signed-in roles may not use stays visible but
disabled, with a tooltip saying why — the service would refuse it anyway (dms.permissions).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from dms import permissions


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: str | None = None
    permission: str | None = None  # an id of dms.permissions.ACTIONS; None: everyone


translate = QCoreApplication.translate  # the name pyside6-lupdate extracts from


def specs() -> dict[str, ActionSpec]:
    """Every action, texts in the current language (built on each call, like error texts)."""
    return {
        # the shell
        "shell.palette": ActionSpec(
            translate("Actions", "&Quick open..."), "Ctrl+K", "lookup.search"),
        "shell.help": ActionSpec(translate("Actions", "&Keyboard shortcuts"), "F1"),
        "shell.refresh": ActionSpec(translate("Actions", "&Refresh"), "F5"),
        "shell.sign_out": ActionSpec(
            translate("Actions", "Sign &out / switch user"), "Ctrl+Shift+L"),
        "shell.settings": ActionSpec(translate("Actions", "&Settings...")),
        "shell.quit": ActionSpec(translate("Actions", "&Quit"), "Ctrl+Q"),
        "shell.about": ActionSpec(translate("Actions", "&About DMS")),
        # front desk
        "frontdesk.search": ActionSpec(
            translate("Actions", "&Search customer or vehicle"), "F2", "lookup.search"),
        "frontdesk.open_file": ActionSpec(
            translate("Actions", "&Open vehicle file (Enter)"), None, "customer.read"),
        "frontdesk.back": ActionSpec(translate("Actions", "&Back to search"), "Esc"),
        "frontdesk.new_customer": ActionSpec(
            translate("Actions", "New &customer..."), "Ctrl+Shift+C", "customer.edit"),
        "frontdesk.edit_customer": ActionSpec(
            translate("Actions", "&Edit customer..."), "Ctrl+E", "customer.edit"),
        "frontdesk.new_vehicle": ActionSpec(
            translate("Actions", "New &vehicle..."), "Ctrl+Shift+V", "vehicle.edit"),
        "frontdesk.edit_vehicle": ActionSpec(
            translate("Actions", "Edit ve&hicle..."), "Ctrl+Shift+E", "vehicle.edit"),
        "frontdesk.change_owner": ActionSpec(
            translate("Actions", "Change &owner..."), None, "vehicle.edit"),
        "frontdesk.walk_in": ActionSpec(
            translate("Actions", "New &work order (walk-in)..."), "Ctrl+N", "workorder.open"),
        "frontdesk.book": ActionSpec(
            translate("Actions", "&Book appointment..."), "Ctrl+B", "appointment.book"),
        "frontdesk.add_recommendation": ActionSpec(
            translate("Actions", "&Add declined work to a new order..."), "Ctrl+D", "workorder.open"),
        "frontdesk.appointments": ActionSpec(
            translate("Actions", "&Appointment book"), "F3", "appointment.read"),
        "appointment.arrive": ActionSpec(
            translate("Actions", "&Arrived: open work order..."), "Ctrl+Return", "appointment.arrive"),
        "appointment.no_show": ActionSpec(
            translate("Actions", "&No-show"), None, "appointment.no_show"),
        "appointment.cancel": ActionSpec(
            translate("Actions", "&Cancel booking..."), "Del", "appointment.cancel"),
        "appointment.remind": ActionSpec(
            translate("Actions", "Record &reminder call..."), "Ctrl+R", "appointment.remind"),
        "appointment.previous": ActionSpec(
            translate("Actions", "&Previous day"), "Alt+Left", "appointment.read"),
        "appointment.next": ActionSpec(
            translate("Actions", "Ne&xt day"), "Alt+Right", "appointment.read"),
        "appointment.today": ActionSpec(
            translate("Actions", "&Today"), "Alt+Home", "appointment.read"),
        "appointment.week": ActionSpec(
            translate("Actions", "&Week view"), "Alt+W", "appointment.read"),
        # manager
        "manager.export": ActionSpec(
            translate("Actions", "&Export the chosen list"), "F9", "report.kpi"),
        "manager.cancel_export": ActionSpec(
            translate("Actions", "&Cancel the export"), "Esc", "report.kpi"),
        "manager.new_record": ActionSpec(
            translate("Actions", "&New user or record..."), "Ctrl+N", "catalogue.edit"),
        "manager.adopt_median": ActionSpec(
            translate("Actions", "&Adopt the learned median"), "Ctrl+Return",
            "standard_time.adopt"),
    }


class Actions(QObject):
    """The QActions of one signed-in user, made on demand and enabled from their roles."""

    def __init__(self, roles, parent: QObject | None = None):
        super().__init__(parent)
        self._roles = frozenset(roles)
        self._made: list[tuple[str, QAction]] = []

    def allowed(self, action_id: str) -> bool:
        spec = specs()[action_id]
        return spec.permission is None or permissions.may(self._roles, spec.permission)

    def make(self, action_id: str, parent: QObject, slot=None) -> QAction:
        """A QAction for `action_id` owned by `parent` (its shortcut works while `parent`'s
        window is active and `parent` is visible; see Qt.ShortcutContext)."""
        action = QAction(parent)
        action.setObjectName(action_id)
        spec = specs()[action_id]
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setEnabled(self.allowed(action_id))
        if slot is not None:
            action.triggered.connect(slot)
        self._made.append((action_id, action))
        self._retranslate_one(action_id, action)
        return action

    def retranslate(self) -> None:
        alive = []
        for action_id, action in self._made:
            try:
                self._retranslate_one(action_id, action)
            except RuntimeError:  # its owner was deleted
                continue
            alive.append((action_id, action))
        self._made = alive

    def _retranslate_one(self, action_id: str, action: QAction) -> None:
        spec = specs()[action_id]
        action.setText(spec.text)
        plain = spec.text.replace("&", "").rstrip("...")
        if action.isEnabled() or self.allowed(action_id):
            action.setToolTip(plain)
        else:
            action.setToolTip(translate("Actions", "{action}: your role does not allow this.")
                              .format(action=plain))

    def set_enabled(self, action: QAction, enabled: bool) -> None:
        """Enable an action for the screen's state, never beyond what the roles allow."""
        action.setEnabled(enabled and self.allowed(action.objectName()))
