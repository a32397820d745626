"""Steps 11–12: the follow-up call after delivery and the complaints it (or anyone) raises.

The customer answers each question of `QUESTIONS` with 1–5; the order's satisfaction is the
overall answer. A dissatisfied answer (any score ≤ 2) or a named issue opens a complaint for the
order's advisor in the same transaction as the call result; a completed call closes the order.
Every call counts as an attempt; after `MAX_ATTEMPTS` calls that did not reach the customer the
follow-up is escalated (status "escalated", audited): it stays on the queue, marked, for the
manager to decide, and a later call that reaches the customer still records it.
An open complaint past its deadline escalates one level per `ESCALATION_INTERVAL` it stays
overdue, so running `escalate_overdue` every few minutes does not pile up levels.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from dms import audit, clock, validators
from dms.errors import InvalidTransition, NotFound, ValidationError
from dms.models import Complaint, Customer, FollowUp, User, Vehicle, WorkOrder
from dms.numbering import next_number
from dms.permissions import require
from dms.workshop import states
from dms.workshop.common import Changed, changed, move

SOURCES = ("follow_up", "phone", "walk_in", "manufacturer", "online")
SEVERITIES = ("low", "medium", "high")
COMPLAINT_DEADLINE = timedelta(hours=48)
ESCALATION_INTERVAL = timedelta(hours=24)
UNREACHED = "unreachable"
ESCALATED = "escalated"
MAX_ATTEMPTS = 3
QUESTIONS = ("reception", "quality", "timeliness", "price", "overall")


@dataclass(frozen=True)
class FollowUpResult:
    changed: Changed  # the follow-up
    status: str
    complaint_id: int | None
    order: Changed | None  # the work order, when the call closed it


@dataclass(frozen=True)
class DueFollowUp:
    id: int
    work_order_id: int
    work_order_number: str
    due_at: datetime
    status: str  # open | unreachable (call again)
    customer_name: str
    mobile: str | None
    plate: str | None
    business_type: str
    entry_at: datetime
    entry_mileage: int
    delivered_at: datetime | None
    advisor: str
    attempts: int = 0
    last_result: str | None = None  # what the previous attempt noted


@dataclass(frozen=True)
class OpenComplaint:
    id: int
    customer_id: int
    customer_name: str
    work_order_id: int | None
    source: str
    description: str
    severity: str
    status: str  # open | resolved
    owner: str | None
    deadline: datetime | None
    overdue: bool
    escalation_level: int


def _text(value: str | None, code: str, message: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(code, message)
    return validators.text(text, field)


def _complaint(s, actor, complaint_id: int) -> Complaint:
    row = s.get(Complaint, complaint_id, with_for_update=True)
    if row is None or row.store_id != actor.store_id:
        raise NotFound(what="Complaint", key=complaint_id)
    return row


def _score(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError("followup.satisfaction", "Satisfaction is a score from 1 to 5.")
    return value


def _scores(scores: dict | None, satisfaction: int | None) -> tuple[dict, int]:
    """(answers, overall): every question answered 1–5; the overall one is the satisfaction."""
    answers = dict(scores or {})
    unknown = sorted(set(answers) - set(QUESTIONS))
    if unknown:
        raise ValidationError("followup.question", "Unknown follow-up question {question}.",
                              question=unknown[0])
    if satisfaction is not None:
        answers.setdefault("overall", satisfaction)
    answers = {q: _score(answers.get(q)) for q in QUESTIONS if q in answers or q == "overall"}
    return answers, answers["overall"]


def record_follow_up(db, actor, follow_up_id: int, result: str, satisfaction: int | None,
                     issue: str | None = None, reached: bool = True,
                     scores: dict[str, int] | None = None) -> FollowUpResult:
    """The call's outcome. Not reached: "unreachable", to be called again, or "escalated" after
    `MAX_ATTEMPTS` such calls; nothing else moves."""
    result = _text(result, "followup.result_required",
                   "Write down the result of the call.", "result")
    issue = validators.text(issue, "issue")
    if reached:
        scores, satisfaction = _scores(scores, satisfaction)
    now = clock.now()
    with db.transaction() as s:
        require(s, actor, "followup.record")
        follow_up = s.get(FollowUp, follow_up_id, with_for_update=True)
        if follow_up is None or follow_up.store_id != actor.store_id:
            raise NotFound(what="Follow-up", key=follow_up_id)
        if follow_up.status == "done":
            raise ValidationError("followup.already_done", "This follow-up was already recorded.")
        order = s.get(WorkOrder, follow_up.work_order_id)
        follow_up.agent_id, follow_up.result = actor.id, result
        follow_up.attempts = (follow_up.attempts or 0) + 1
        if not reached:
            status = ESCALATED if follow_up.attempts >= MAX_ATTEMPTS else UNREACHED
            escalating = status == ESCALATED and follow_up.status != ESCALATED
            follow_up.status = status
            audit.record(s, actor, "follow_up", follow_up.id, "unreachable", result=result,
                         attempt=follow_up.attempts)
            if escalating:
                audit.record(s, actor, "follow_up", follow_up.id, "escalate",
                             attempts=follow_up.attempts)
            return FollowUpResult(Changed("follow_up", follow_up.id, state=status), status,
                                  None, None)
        follow_up.status, follow_up.done_at = "done", now
        follow_up.satisfaction, follow_up.issue = satisfaction, issue
        follow_up.scores = scores
        lowest = min(scores.values())
        complaint_id = None
        if lowest <= 2 or issue:
            complaint = Complaint(
                number=next_number(s, order.store_id, "complaint"), store_id=order.store_id, customer_id=order.customer_id, work_order_id=order.id,
                follow_up_id=follow_up.id, source="follow_up",
                description=issue or result, severity="high" if lowest == 1 else "medium",
                owner_id=order.advisor_id, deadline=now + COMPLAINT_DEADLINE, created_at=now)
            s.add(complaint)
            s.flush()
            complaint_id = complaint.id
            audit.record(s, actor, "complaint", complaint.id, "open", to_state="open",
                         source="follow_up", severity=complaint.severity, work_order_id=order.id)
        audit.record(s, actor, "follow_up", follow_up.id, "done", satisfaction=satisfaction,
                     scores=scores, complaint_id=complaint_id)
        order_changed = None
        # An order reopened since delivery is not closed by the call; its next delivery will.
        if order.state == states.DELIVERED:
            move(s, actor, order, "close", satisfaction=satisfaction)
            order_changed = changed(s, order)
        return FollowUpResult(Changed("follow_up", follow_up.id, state="done"), "done",
                              complaint_id, order_changed)


def open_complaint(db, actor, customer_id: int, source: str, description: str, severity: str,
                   owner_id: int, deadline: datetime, work_order_id: int | None = None) -> Changed:
    if source not in SOURCES:
        raise ValidationError("complaint.source", "Unknown complaint source {source}.", source=source)
    if severity not in SEVERITIES:
        raise ValidationError("complaint.severity", "Unknown severity {severity}.", severity=severity)
    description = _text(description, "complaint.description_required",
                        "Describe the complaint.", "description")
    now = clock.now()
    if deadline is None or deadline.tzinfo is None or deadline <= now:
        raise ValidationError("complaint.deadline", "The deadline must be a time in the future.")
    with db.transaction() as s:
        require(s, actor, "complaint.open")
        customer = s.get(Customer, customer_id)
        if customer is None or customer.store_id != actor.store_id:
            raise NotFound(what="Customer", key=customer_id)
        owner = s.get(User, owner_id)
        if owner is None or owner.store_id != actor.store_id or not owner.active:
            raise NotFound(what="User", key=owner_id)
        if work_order_id is not None:
            order = s.get(WorkOrder, work_order_id)
            if order is None or order.store_id != actor.store_id or order.customer_id != customer_id:
                raise NotFound(what="Work order", key=work_order_id)
        complaint = Complaint(number=next_number(s, actor.store_id, "complaint"),
                              store_id=actor.store_id, customer_id=customer_id,
                              work_order_id=work_order_id, source=source, description=description,
                              severity=severity, owner_id=owner_id, deadline=deadline, created_at=now)
        s.add(complaint)
        s.flush()
        audit.record(s, actor, "complaint", complaint.id, "open", to_state="open", source=source,
                     severity=severity, owner_id=owner_id)
        return Changed("complaint", complaint.id, state="open")


def escalate_overdue(db, actor, now: datetime | None = None) -> list[int]:
    """Open complaints past their deadline go one level up; returns the escalated ids."""
    now = now or clock.now()
    with db.transaction() as s:
        require(s, actor, "complaint.escalate")
        overdue = s.scalars(select(Complaint).where(
            Complaint.store_id == actor.store_id, Complaint.status == "open",
            Complaint.deadline < now).order_by(Complaint.deadline).with_for_update()).all()
        escalated = []
        for c in overdue:
            if c.escalated_at is not None and now - c.escalated_at < ESCALATION_INTERVAL:
                continue
            c.escalation_level += 1
            c.escalated_at = now
            audit.record(s, actor, "complaint", c.id, "escalate", level=c.escalation_level,
                         deadline=c.deadline.isoformat())
            escalated.append(c.id)
        return escalated


def resolve_complaint(db, actor, complaint_id: int, root_cause: str, resolution: str,
                      prevention: str) -> Changed:
    """open → resolved; root cause, resolution and prevention note are all required."""
    root_cause = _text(root_cause, "complaint.root_cause_required",
                       "Write down the root cause.", "root_cause")
    resolution = _text(resolution, "complaint.resolution_required",
                       "Write down the resolution.", "resolution")
    prevention = _text(prevention, "complaint.prevention_required",
                       "Write down how to prevent it.", "prevention")
    with db.transaction() as s:
        require(s, actor, "complaint.resolve")
        c = _complaint(s, actor, complaint_id)
        if c.status != "open":
            raise InvalidTransition("complaint.invalid_transition", "Cannot {action}: the complaint is {state}.",
                                    action="resolve", state=c.status)
        c.root_cause, c.resolution, c.prevention = root_cause, resolution, prevention
        c.status = "resolved"
        audit.record(s, actor, "complaint", c.id, "resolve", from_state="open", to_state="resolved")
        return Changed("complaint", c.id, state="resolved")


def close_complaint(db, actor, complaint_id: int, note: str | None = None) -> Changed:
    """resolved → closed, once the customer has accepted the resolution."""
    with db.transaction() as s:
        require(s, actor, "complaint.close")
        c = _complaint(s, actor, complaint_id)
        if c.status != "resolved":
            raise InvalidTransition("complaint.invalid_transition", "Cannot {action}: the complaint is {state}.",
                                    action="close", state=c.status)
        c.status, c.closed_at = "closed", clock.now()
        c.closing_note = validators.text(note, "note")
        audit.record(s, actor, "complaint", c.id, "close", from_state="resolved", to_state="closed",
                     reason=c.closing_note)
        return Changed("complaint", c.id, state="closed")


def due_follow_ups(db, actor, until: datetime, limit: int = 200,
                   offset: int = 0) -> list[DueFollowUp]:
    """Calls to make up to `until`, oldest first (open ones and unreachable ones to retry)."""
    with db.reading() as s:
        require(s, actor, "followup.list")
        rows = s.execute(
            select(FollowUp, WorkOrder, Customer.name, Customer.mobile, Vehicle.plate,
                   User.display_name)
            .join(WorkOrder, WorkOrder.id == FollowUp.work_order_id)
            .join(Customer, Customer.id == WorkOrder.customer_id)
            .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
            .join(User, User.id == WorkOrder.advisor_id)
            .where(FollowUp.store_id == actor.store_id,
                   FollowUp.status.in_(("open", UNREACHED, ESCALATED)), FollowUp.due_at <= until)
            .order_by(FollowUp.due_at, FollowUp.id).limit(limit).offset(offset)).all()
        return [DueFollowUp(f.id, o.id, o.number, f.due_at,
                            f.status, name, mobile, plate,
                            o.business_type, o.entry_at, o.entry_mileage, o.delivered_at, advisor,
                            f.attempts or 0, f.result)
                for f, o, name, mobile, plate, advisor in rows]


def open_complaints(db, actor, limit: int = 200, offset: int = 0) -> list[OpenComplaint]:
    """Complaints not yet closed, most urgent deadline first."""
    now = clock.now()
    with db.reading() as s:
        require(s, actor, "complaint.list")
        rows = s.execute(
            select(Complaint, Customer.name, User.display_name)
            .join(Customer, Customer.id == Complaint.customer_id)
            .outerjoin(User, User.id == Complaint.owner_id)
            .where(Complaint.store_id == actor.store_id, Complaint.status.in_(("open", "resolved")))
            .order_by(Complaint.deadline.asc().nulls_last(), Complaint.id)
            .limit(limit).offset(offset)).all()
        return [OpenComplaint(c.id, c.customer_id, name, c.work_order_id, c.source, c.description,
                              c.severity, c.status, owner, c.deadline,
                              c.status == "open" and c.deadline is not None and c.deadline < now,
                              c.escalation_level)
                for c, name, owner in rows]
