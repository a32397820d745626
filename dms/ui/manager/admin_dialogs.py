"""The administration dialogs: a staff account (name, team, roles, first password), a new
password, one record of a price list or catalogue, one store rule. Each OK is one command;
a refusal stays in the dialog and every field keeps what was typed."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QWidget

from dms import policy
from dms.admin import catalogue, users
from dms.admin.users import ROLES
from dms.ui import error_words
from dms.ui.common.command_dialog import CommandDialog

translate = QCoreApplication.translate


def field_names() -> dict[str, str]:
    return {"code": translate("AdminWords", "Code"), "name": translate("AdminWords", "Name"),
            "hourly_rate": translate("AdminWords", "Hourly rate (¥)"),
            "trade": translate("AdminWords", "Trade"),
            "standard_hours": translate("AdminWords", "Standard hours"),
            "price_class_id": translate("AdminWords", "Price class"),
            "interval_km": translate("AdminWords", "Interval (km)"),
            "interval_months": translate("AdminWords", "Interval (months)"),
            "price": translate("AdminWords", "Price (¥)"),
            "level": translate("AdminWords", "Level"),
            "validity_months": translate("AdminWords", "Valid for (months)"),
            "fee": translate("AdminWords", "Fee (¥)"),
            "points_threshold": translate("AdminWords", "Points threshold"),
            "labour_discount_pct": translate("AdminWords", "Labour discount (%)"),
            "material_discount_pct": translate("AdminWords", "Parts discount (%)"),
            "kind": translate("AdminWords", "Kind of bay"),
            "capacity_hours": translate("AdminWords", "Hours a day"),
            "active": translate("AdminWords", "In use")}


def bay_kinds() -> dict[str, str]:
    return {"maintenance": translate("AdminWords", "Maintenance"),
            "mechanical": translate("AdminWords", "Mechanical"),
            "body": translate("AdminWords", "Body"), "paint": translate("AdminWords", "Paint")}


def trades() -> dict[str, str]:
    return {"maintenance": translate("AdminWords", "Maintenance"),
            "mechanical": translate("AdminWords", "Mechanical"),
            "electrical": translate("AdminWords", "Electrical"),
            "body": translate("AdminWords", "Body"), "paint": translate("AdminWords", "Paint")}


def rule_names() -> dict[str, str]:
    roles = error_words.roles()
    limit = translate("AdminWords", "Discount limit of the %1 (%)")
    names = {f"discount_limit.{role}": limit.replace("%1", roles.get(role, role)) for role in ROLES}
    return {**names,
            "refund_approval_limit": translate("AdminWords", "Refunds above this need a manager (¥)"),
            "hold_hours.no_show": translate("AdminWords", "Hold parts after a no-show (hours)"),
            "hold_hours.estimate": translate("AdminWords",
                                             "Hold parts after an estimate expires (hours)"),
            "workday_hours": translate("AdminWords", "A technician's working day (hours)"),
            "tool_loan_hours": translate("AdminWords", "A tool is overdue after (hours)")}


def plain(value) -> str:
    return "" if value is None else (f"{value.normalize():f}" if isinstance(value, Decimal) else str(value))


class UserDialog(CommandDialog):
    """A new account (`staff` None) or an existing one's name, team and roles."""

    def __init__(self, workspace, staff=None):
        super().__init__(workspace)
        self.staff = staff
        self.setWindowTitle(self.tr("New user") if staff is None else self.tr("User %1")
                            .replace("%1", staff.username))
        self.username = QLineEdit(staff.username if staff else "")
        self.username.setReadOnly(staff is not None)
        self.display_name = QLineEdit(staff.display_name if staff else "")
        self.team = QLineEdit((staff.team or "") if staff else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        names = error_words.roles()
        self.roles: dict[str, QCheckBox] = {}
        for n, role in enumerate(ROLES):
            check = QCheckBox(names.get(role, role))
            check.setObjectName(f"role_{role}")
            check.setChecked(bool(staff and role in staff.roles))
            self.roles[role] = check
            grid.addWidget(check, n // 3, n % 3)
        self.form.addRow(self.tr("User &name:"), self.username)
        self.form.addRow(self.tr("&Shown as:"), self.display_name)
        self.form.addRow(self.tr("&Team:"), self.team)
        if staff is None:
            self.form.addRow(self.tr("First &password:"), self.password)
        self.form.addRow(self.tr("Roles:"), box)

    def chosen_roles(self) -> list[str]:
        return [role for role, check in self.roles.items() if check.isChecked()]

    def call(self):
        team = self.team.text().strip() or None
        if self.staff is None:
            return (users.create_user, (self.username.text(), self.display_name.text(),
                                        self.password.text(), self.chosen_roles()), {"team": team})
        return (users.update_user, (self.staff.id, self.display_name.text(), self.chosen_roles()),
                {"team": team})

    def done_text(self, result) -> str:
        return self.tr("User %1 saved.").replace("%1", self.username.text().strip())


class PasswordDialog(CommandDialog):
    def __init__(self, workspace, staff):
        super().__init__(workspace)
        self.staff = staff
        self.setWindowTitle(self.tr("Reset the password of %1").replace("%1", staff.username))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("Temporary &password:"), self.password)

    def call(self):
        return users.reset_password, (self.staff.username, self.password.text()), {}

    def done_text(self, result) -> str:
        return self.tr("%1 must choose a new password at the next sign-in.").replace(
            "%1", self.staff.username)


class RecordDialog(CommandDialog):
    """One record of a price list or catalogue, its fields from `dms.admin.catalogue.KINDS`."""

    def __init__(self, workspace, kind: str, title: str, record: dict | None = None,
                 price_classes: tuple[dict, ...] = ()):
        super().__init__(workspace)
        self.kind, self.record = kind, record
        self.setWindowTitle(title)
        names = field_names()
        self.fields: dict[str, QWidget] = {}
        for field in catalogue.KINDS[kind].fields:
            current = record.get(field.key) if record else None
            if field.kind == "flag":
                widget = QCheckBox()
                widget.setChecked(True if current is None else bool(current))
            elif field.kind in ("trade", "bay_kind", "price_class"):
                widget = QComboBox()
                items = trades() if field.kind == "trade" else bay_kinds() if (
                    field.kind == "bay_kind") else {
                    p["id"]: f"{p['code']} {p['name']} (¥{p['hourly_rate']})" for p in price_classes}
                for key, text in items.items():
                    widget.addItem(text, key)
                if current is not None:
                    widget.setCurrentIndex(max(0, widget.findData(current)))
            else:
                widget = QLineEdit(plain(current))
            widget.setObjectName(f"field_{field.key}")
            self.fields[field.key] = widget
            self.form.addRow(names[field.key] + ":", widget)

    def values(self) -> dict:
        return {key: (w.currentData() if isinstance(w, QComboBox) else w.isChecked()
                      if isinstance(w, QCheckBox) else w.text().strip())
                for key, w in self.fields.items()}

    def call(self):
        return (catalogue.save, (self.kind, self.record["id"] if self.record else None,
                                 self.values()), {})

    def done_text(self, result) -> str:
        return self.tr("Saved.")


class RuleDialog(CommandDialog):
    def __init__(self, workspace, key: str, value):
        super().__init__(workspace)
        self.key = key
        self.setWindowTitle(rule_names().get(key, key))
        self.value = QLineEdit(plain(value))
        self.value.setObjectName("rule_value")
        self.form.addRow(self.tr("&Value:"), self.value)

    def call(self):
        return policy.set_setting, (self.key, self.value.text().strip()), {}

    def done_text(self, result) -> str:
        return self.tr("Saved.")
