"""Who may do what (DESIGN §10): one registry of every command and every read of personal data.

Services enforce it with `require()` inside their transaction, the CLI goes through the same
services, and the window enables its buttons with `may()`. Ids are "area.verb"; the work-order
state actions are "workorder.<transition>" with the transition names of
`dms.workshop.states`, whose table takes its roles from here.

`require()` re-reads the user's roles, active flag and store on every command: a manager who
disables an account or takes a role away stops the next command, not the next sign-in. One
query per user and transaction: a command that checks several actions (its own and the state
transition's) reads the account once, and again after the transaction itself writes users or
roles.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, event, func, select
from sqlalchemy.orm import Session

from dms.errors import Forbidden
from dms.models import User, UserRole
from dms.models.store import ROLES


def _roles(*names: str) -> frozenset[str]:
    unknown = set(names) - set(ROLES)
    if unknown:  # a misspelt role would silently lock everyone out of the action
        raise ValueError(f"unknown roles {sorted(unknown)}")
    return frozenset(names)


MANAGER = _roles("manager")
DESK = _roles("advisor", "customer_care", "manager")  # customer files and appointments
CARE = _roles("customer_care", "manager")
WAREHOUSE = _roles("warehouse_clerk")
WORKSHOP_HANDS = _roles("technician", "team_lead")

ACTIONS: dict[str, frozenset[str]] = {
    # customers and vehicles: the files hold mobile, ID number and address
    "customer.read": _roles("advisor", "customer_care", "cashier", "manager"),
    "customer.edit": DESK,
    "vehicle.edit": DESK,
    "lookup.search": _roles("advisor", "customer_care", "cashier", "manager"),
    "membership.read": _roles("advisor", "customer_care", "cashier", "manager"),
    "membership.edit": _roles("advisor", "customer_care", "cashier", "manager"),
    "membership.downgrade": MANAGER,
    "membership.expire": CARE,
    "maintenance.plan": DESK,
    "campaign.import": CARE,
    "campaign.complete": _roles("advisor", "manager"),
    "reminder.list": DESK,
    "reminder.call": _roles("advisor", "customer_care"),
    # appointments
    "appointment.read": DESK,
    "appointment.book": _roles("advisor", "customer_care"),
    "appointment.remind": _roles("advisor", "customer_care"),
    "appointment.no_show": _roles("advisor", "customer_care"),
    "appointment.cancel": _roles("advisor", "customer_care"),
    "appointment.arrive": _roles("advisor"),
    # work orders: reception, estimate, the state actions of dms.workshop.states
    "workorder.open": _roles("advisor"),
    "estimate.edit": _roles("advisor"),
    "workorder.estimate": _roles("advisor"),
    "workorder.approve": _roles("advisor"),
    "workorder.dispatch": _roles("dispatcher"),
    "workorder.start": WORKSHOP_HANDS,
    "workorder.pause": _roles("technician", "team_lead", "dispatcher", "advisor"),
    "workorder.resume": _roles("technician", "team_lead", "dispatcher", "advisor"),
    "workorder.finish": WORKSHOP_HANDS,
    "workorder.qc_pass": _roles("qc_inspector"),
    # a team lead's check fails a car too (qc.team_lead_check); passing it is the inspector's
    "workorder.qc_fail": _roles("qc_inspector", "team_lead"),
    "workorder.presettle": _roles("advisor"),
    "workorder.settle": _roles("cashier"),
    "workorder.deliver": _roles("advisor", "cashier"),
    "workorder.close": _roles("customer_care"),
    "workorder.cancel": _roles("advisor", "manager"),
    "workorder.reopen": MANAGER,
    "job.clock": WORKSHOP_HANDS,
    "addedwork.propose": WORKSHOP_HANDS,
    "addedwork.price": _roles("advisor"),
    "addedwork.approve": _roles("advisor"),
    "qc.team_lead_check": _roles("team_lead"),
    "qc.final": _roles("qc_inspector"),
    # cashier desk
    "payment.collect": _roles("cashier"),
    "credit.approve": MANAGER,
    "gatepass.issue": _roles("cashier", "advisor"),
    # follow-up and complaints
    "followup.record": _roles("customer_care"),
    "followup.list": CARE,
    "complaint.open": DESK,
    "complaint.resolve": DESK,
    "complaint.close": CARE,
    "complaint.escalate": CARE,
    "complaint.list": DESK,
    "complaint.assign": CARE,
    # parts
    "stock.receive": WAREHOUSE,
    "stock.return_to_supplier": WAREHOUSE,
    "picking.issue": WAREHOUSE,
    "picking.return": WAREHOUSE,
    "picking.exchange": WAREHOUSE,
    "transfer.send": WAREHOUSE,
    "transfer.receive": WAREHOUSE,
    "stocktake.count": WAREHOUSE,
    "stocktake.close": _roles("warehouse_clerk", "manager"),
    "part.add_barcode": WAREHOUSE,
    "oldpart.record": _roles("warehouse_clerk", "technician", "team_lead", "advisor"),
    "oldpart.intake": WAREHOUSE,
    "oldpart.hand_over": _roles("warehouse_clerk", "advisor"),
    "oldpart.return_to_maker": WAREHOUSE,
    "oldpart.scrap": _roles("warehouse_clerk", "manager"),
    "oldpart.list": _roles("warehouse_clerk", "manager"),  # the store's old parts, every order
    # imports
    "import.parts": _roles("warehouse_clerk", "manager"),
    "import.customers": DESK,
    "import.vehicles": DESK,
    # exports, reports and documents: personal data leaves the system here
    "export.customers": MANAGER,
    "export.vehicles": MANAGER,
    "export.appointments": MANAGER,
    "export.workorders": MANAGER,
    "export.parts": _roles("warehouse_clerk", "manager"),
    "export.movements": _roles("warehouse_clerk", "manager"),
    "export.settlements": _roles("cashier", "manager"),
    "export.followups": CARE,
    "export.complaints": CARE,
    "report.kpi": MANAGER,
    "report.visits": CARE,
    "document.appointment": _roles("advisor", "customer_care", "manager"),
    "document.checkin": _roles("advisor", "manager"),
    "document.estimate": _roles("advisor", "manager"),
    "document.jobcard": _roles("advisor", "dispatcher", "team_lead", "manager"),
    "document.picking": _roles("warehouse_clerk", "advisor", "manager"),
    "document.qc": _roles("qc_inspector", "advisor", "manager"),
    "document.settlement": _roles("cashier", "advisor", "manager"),
    "document.settlement_receipt": _roles("cashier", "advisor", "manager"),
    "document.gatepass": _roles("cashier", "advisor", "manager"),
    "document.labels": _roles("warehouse_clerk", "manager"),
    "document.transfer": _roles("warehouse_clerk", "manager"),
    # lifecycle additions: parts-only orders, releasing a part, refunds, store rules
    "workorder.parts_ready": _roles("advisor"),
    "picking.release_part": _roles("warehouse_clerk", "advisor"),
    "payment.refund": _roles("cashier"),
    "payment.credit_note": _roles("cashier"),
    "refund.approve": MANAGER,  # above the store's refund limit
    # the cashier desk: its queue and the day-end report (日结)
    "cashier.queue": _roles("cashier", "manager"),
    "cashier.dayend": _roles("cashier", "manager"),
    "discount.approve": MANAGER,  # a discount above the role's limit
    "setting.edit": MANAGER,
    "housekeeping.run": MANAGER,  # the window runs it as the system; the CLI as a manager
    # users and the database as a whole
    "user.manage": MANAGER,
    # administration: price lists, catalogues, learned standard times
    "admin.read": MANAGER,
    "catalogue.edit": MANAGER,
    "store.edit": MANAGER,  # the store's name, address, telephone and logo on the documents
    "standard_time.adopt": MANAGER,
    "database.backup": MANAGER,
    "database.restore": MANAGER,
    # the technician terminal: the counter sees the parts asked for; photos of added work
    "parts.request": WORKSHOP_HANDS,
    "parts.request_list": _roles("warehouse_clerk", "technician", "team_lead", "manager"),
    "parts.request_serve": WAREHOUSE,
    "addedwork.read": _roles("advisor", "technician", "team_lead", "manager"),
    # tools and equipment (工具设备): the workshop borrows; the team lead keeps the catalogue
    "tool.read": _roles("technician", "team_lead", "dispatcher", "qc_inspector",
                        "warehouse_clerk", "manager"),
    "tool.checkout": _roles("technician", "team_lead", "qc_inspector"),
    "tool.return": _roles("technician", "team_lead", "qc_inspector"),
    "tool.maintain": _roles("team_lead", "manager"),
    "tool.manage": _roles("team_lead", "manager"),
    # PDI of new cars: the inspector checks and signs, the advisor hands the car over
    "pdi.read": _roles("qc_inspector", "advisor", "technician", "team_lead", "manager"),
    "pdi.inspect": _roles("qc_inspector"),
    "pdi.fix": _roles("qc_inspector", "technician", "team_lead"),
    "pdi.hand_over": _roles("advisor"),
    "pdi.template": MANAGER,
    "document.pdi": _roles("qc_inspector", "advisor", "manager"),
    # the workshop board: the kanban, the TV board and the QC desk's queue (no personal data)
    "board.read": _roles("dispatcher", "team_lead", "technician", "qc_inspector", "advisor",
                         "manager"),
    # the parts counter's picking queue (the orders waiting for parts)
    "picking.queue": _roles("warehouse_clerk", "manager"),
    "purchase.order": _roles("warehouse_clerk", "manager"),
}


def may(roles: Iterable[str], action: str) -> bool:
    """Whether someone holding `roles` may perform `action`; an unknown action is a KeyError."""
    return not ACTIONS[action].isdisjoint(roles)


def allows(session: Session, user, action: str) -> bool:
    """`require` as a yes or no: whether `user` (an approving manager, say) may, now."""
    try:
        require(session, user, action)
    except Forbidden:
        return False
    return True


_ACCOUNTS = "dms_accounts"  # session.info: user id → (active, store id, roles) as read


def account(session: Session, user_id: int) -> tuple[bool, int, frozenset[str]] | None:
    """The account as the database has it now: read once per transaction (one query), or
    along with another read (`first_with_account`)."""
    accounts = session.info.setdefault(_ACCOUNTS, {})
    if user_id not in accounts:
        rows = session.execute(select(User.active, User.store_id, UserRole.role)
                               .outerjoin(UserRole, UserRole.user_id == User.id)
                               .where(User.id == user_id)).all()
        accounts[user_id] = (rows[0].active, rows[0].store_id,
                             frozenset(r.role for r in rows if r.role)) if rows else None
    return accounts[user_id]


# The account of the user bound as "dms_user" as three columns (active, store, roles joined by
# commas), for a command's first read to carry (`first_with_account`).
ACCOUNT_COLUMNS = (
    select(User.active).where(User.id == bindparam("dms_user")).scalar_subquery(),
    select(User.store_id).where(User.id == bindparam("dms_user")).scalar_subquery(),
    select(func.aggregate_strings(UserRole.role, ","))
    .where(UserRole.user_id == bindparam("dms_user")).scalar_subquery())


def first_with_account(session: Session, user_id: int, statements: tuple, params: dict):
    """The first row of a command's first read, `statements` being it (plain, with
    `ACCOUNT_COLUMNS` last): with them unless this transaction has read `user_id`'s account
    already, which is then noted as `account` would have read it, so checking the account
    costs no statement of its own. `params` with "dms_user" bound to `user_id`."""
    with_account = user_id not in session.info.get(_ACCOUNTS, ())
    row = session.execute(statements[with_account], {**params, "dms_user": user_id}).first()
    if row is not None and with_account:
        active, store_id, roles = row[-3:]
        session.info.setdefault(_ACCOUNTS, {})[user_id] = None if active is None else (
            bool(active), store_id, frozenset(roles.split(",")) if roles else frozenset())
    return row


@event.listens_for(Session, "after_flush")
def _forget_accounts(session: Session, _flush_context) -> None:
    # The transaction changed a user or a role (user management): read the accounts afresh.
    if _ACCOUNTS in session.info and any(
            isinstance(obj, (User, UserRole))
            for obj in (*session.new, *session.dirty, *session.deleted)):
        del session.info[_ACCOUNTS]


def require(session: Session, actor, action: str, store_id: int | None = None) -> frozenset[str]:
    """The actor's current roles, once the database says the actor is active, still in the store
    signed in to (and, given `store_id`, the record's store) and holds a role of `action`."""
    allowed = ACTIONS[action]
    user = account(session, actor.id)
    if user is None or not user[0]:
        raise Forbidden("forbidden.inactive", "The account {username} is disabled.",
                        username=actor.username, action=action)
    if user[1] != actor.store_id or (store_id is not None and store_id != actor.store_id):
        raise Forbidden("forbidden.store", "This belongs to another store: {action}.",
                        action=action)
    roles = user[2]
    if allowed.isdisjoint(roles):
        raise Forbidden(action=action)
    return roles
