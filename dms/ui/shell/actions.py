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


def _t(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def specs() -> dict[str, ActionSpec]:
    """Every action, texts in the current language (built on each call, like error texts)."""
    return {
        # the shell
        "shell.palette": ActionSpec(_t("&Quick open…"), "Ctrl+K", "lookup.search"),
        "shell.help": ActionSpec(_t("&Keyboard shortcuts"), "F1"),
        "shell.refresh": ActionSpec(_t("&Refresh"), "F5"),
        "shell.sign_out": ActionSpec(_t("Sign &out / switch user"), "Ctrl+Shift+L"),
        "shell.settings": ActionSpec(_t("&Settings…")),
        "shell.quit": ActionSpec(_t("&Quit"), "Ctrl+Q"),
        "shell.about": ActionSpec(_t("&About DMS")),
        # front desk
        "frontdesk.search": ActionSpec(_t("&Search customer or vehicle"), "F2", "lookup.search"),
        "frontdesk.open_file": ActionSpec(_t("&Open vehicle file (Enter)"), None, "customer.read"),
        "frontdesk.back": ActionSpec(_t("&Back to search"), "Esc"),
        "frontdesk.new_customer": ActionSpec(_t("New &customer…"), "Ctrl+Shift+C", "customer.edit"),
        "frontdesk.edit_customer": ActionSpec(_t("&Edit customer…"), "Ctrl+E", "customer.edit"),
        "frontdesk.new_vehicle": ActionSpec(_t("New &vehicle…"), "Ctrl+Shift+V", "vehicle.edit"),
        "frontdesk.edit_vehicle": ActionSpec(_t("Edit ve&hicle…"), "Ctrl+Shift+E", "vehicle.edit"),
        "frontdesk.change_owner": ActionSpec(_t("Change &owner…"), None, "vehicle.edit"),
        "frontdesk.walk_in": ActionSpec(_t("New &work order (walk-in)…"), "Ctrl+N", "workorder.open"),
        "frontdesk.book": ActionSpec(_t("&Book appointment…"), "Ctrl+B", "appointment.book"),
        "frontdesk.add_recommendation": ActionSpec(
            _t("&Add declined work to a new order…"), "Ctrl+D", "workorder.open"),
        "frontdesk.appointments": ActionSpec(_t("&Appointment book"), "F3", "appointment.read"),
        "appointment.arrive": ActionSpec(_t("&Arrived: open work order…"), "Ctrl+Return",
                                         "appointment.arrive"),
        "appointment.no_show": ActionSpec(_t("&No-show"), None, "appointment.no_show"),
        "appointment.cancel": ActionSpec(_t("&Cancel booking…"), "Del", "appointment.cancel"),
        "appointment.remind": ActionSpec(_t("Record &reminder call…"), "Ctrl+R",
                                         "appointment.remind"),
        "appointment.previous": ActionSpec(_t("&Previous day"), "Alt+Left", "appointment.read"),
        "appointment.next": ActionSpec(_t("Ne&xt day"), "Alt+Right", "appointment.read"),
        "appointment.today": ActionSpec(_t("&Today"), "Alt+Home", "appointment.read"),
        "appointment.week": ActionSpec(_t("&Week view"), "Alt+W", "appointment.read"),
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
        plain = spec.text.replace("&", "").rstrip("…")
        if action.isEnabled() or self.allowed(action_id):
            action.setToolTip(plain)
        else:
            action.setToolTip(_t("{action}: your role does not allow this.").format(action=plain))

    def set_enabled(self, action: QAction, enabled: bool) -> None:
        """Enable an action for the screen's state, never beyond what the roles allow."""
        action.setEnabled(enabled and self.allowed(action.objectName()))
