"""Step 12 at the customer-care desk: one complaint in full, handing it to an owner with a new
deadline, escalating the overdue ones, and the people a complaint can be handed to.

The lists themselves are `dms.crm.analysis.complaint_list` and `followup.due_follow_ups`; the
state moves (resolve, close) are in `dms.crm.followup`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import aliased

from dms import audit, clock
from dms.crm.followup import _complaint, escalate_overdue
from dms.errors import NotFound, ValidationError
from dms.models import Complaint, Customer, FollowUp, User, UserRole, Vehicle, WorkOrder
from dms.permissions import require
from dms.workshop.common import Changed

OWNER_ROLES = ("advisor", "customer_care", "manager")


@dataclass(frozen=True)
class ComplaintDetail:
    id: int
    number: str
    status: str  # open | resolved | closed
    customer_name: str
    mobile: str | None
    plate: str | None
    work_order_number: str | None
    source: str
    severity: str
    description: str
    owner_id: int | None
    owner: str | None
    deadline: datetime | None
    overdue: bool
    escalation_level: int
    escalated_at: datetime | None
    root_cause: str | None
    resolution: str | None
    prevention: str | None
    closing_note: str | None
    created_at: datetime
    closed_at: datetime | None
    satisfaction: int | None  # of the follow-up that raised it
    scores: tuple[tuple[str, int], ...]  # its answers, question by question


@dataclass(frozen=True)
class Person:
    id: int
    name: str


def complaint_detail(db, actor, complaint_id: int) -> ComplaintDetail:
    owner = aliased(User)
    with db.reading() as s:
        require(s, actor, "complaint.list")
        row = s.execute(
            select(Complaint, Customer.name, Customer.mobile, Vehicle.plate, WorkOrder.number,
                   owner.display_name, FollowUp.satisfaction, FollowUp.scores)
            .join(Customer, Customer.id == Complaint.customer_id)
            .outerjoin(WorkOrder, WorkOrder.id == Complaint.work_order_id)
            .outerjoin(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
            .outerjoin(owner, owner.id == Complaint.owner_id)
            .outerjoin(FollowUp, FollowUp.id == Complaint.follow_up_id)
            .where(Complaint.id == complaint_id, Complaint.store_id == actor.store_id)).first()
        if row is None:
            raise NotFound(what="Complaint", key=complaint_id)
        c, name, mobile, plate, number, owner_name, satisfaction, scores = row
        return ComplaintDetail(
            c.id, c.number, c.status, name, mobile, plate, number, c.source, c.severity,
            c.description, c.owner_id, owner_name, c.deadline,
            c.status == "open" and c.deadline is not None and c.deadline < clock.now(),
            c.escalation_level, c.escalated_at, c.root_cause, c.resolution, c.prevention,
            c.closing_note, c.created_at, c.closed_at, satisfaction,
            tuple((scores or {}).items()))


def complaint_owners(db, actor) -> list[Person]:
    """Active people of the store who can own a complaint (advisors, care agents, managers)."""
    with db.reading() as s:
        require(s, actor, "complaint.list")
        rows = s.execute(select(User.id, User.display_name).where(
            User.store_id == actor.store_id, User.active,
            User.id.in_(select(UserRole.user_id).where(UserRole.role.in_(OWNER_ROLES))))
            .order_by(User.display_name, User.id)).all()
        return [Person(i, name) for i, name in rows]


def assign_complaint(db, actor, complaint_id: int, owner_id: int, deadline: datetime) -> Changed:
    """Hand an open complaint to an owner with a deadline (a new owner, or more time agreed
    with the customer); the escalation level stays, the next escalation counts from here."""
    if deadline is None or deadline.tzinfo is None or deadline <= clock.now():
        raise ValidationError("complaint.deadline", "The deadline must be a time in the future.")
    with db.transaction() as s:
        require(s, actor, "complaint.assign")
        c = _complaint(s, actor, complaint_id)
        if c.status != "open":
            raise ValidationError("complaint.not_open", "Only an open complaint can be reassigned.")
        owner = s.get(User, owner_id)
        if owner is None or owner.store_id != actor.store_id or not owner.active:
            raise NotFound(what="User", key=owner_id)
        before = (c.owner_id, c.deadline.isoformat() if c.deadline else None)
        c.owner_id, c.deadline = owner_id, deadline
        audit.record(s, actor, "complaint", c.id, "assign", owner_id=owner_id,
                     deadline=deadline.isoformat(), before_owner_id=before[0],
                     before_deadline=before[1])
        return Changed("complaint", c.id, state="open")


def escalate(db, actor) -> list[Changed]:
    """`escalate_overdue` for the screens: what it escalated, as changes to publish."""
    return [Changed("complaint", key, state="open") for key in escalate_overdue(db, actor)]
