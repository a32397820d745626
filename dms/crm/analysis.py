"""Steps 11–12 for the customer-care agent: filtered follow-up and complaint lists, and the
visit analysis (satisfaction by advisor, by business type, by month).

The analysis reads only done follow-ups with a score, of calls made in the date range, and adds
them up in Python (DESIGN §4: no arithmetic that must be exact is left to SQLite).
Dates are the store's local calendar days, both ends included.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from dms import clock
from dms.errors import ValidationError
from dms.models import Complaint, Customer, FollowUp, User, Vehicle, WorkOrder
from dms.permissions import require

LOW_SCORES = (1, 2)


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    work_order_id: int
    work_order_number: str
    customer_name: str
    mobile: str | None
    plate: str | None
    advisor_id: int
    advisor: str
    business_type: str
    due_at: datetime
    status: str  # open | unreachable | done
    agent: str | None
    result: str | None
    satisfaction: int | None
    issue: str | None
    done_at: datetime | None


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    number: str
    customer_name: str
    work_order_id: int | None
    work_order_number: str | None
    advisor: str | None  # the order's advisor
    owner: str | None
    source: str
    severity: str
    status: str
    description: str
    satisfaction: int | None  # of the follow-up that raised it
    created_at: datetime
    deadline: datetime | None
    overdue: bool
    escalation_level: int
    closed_at: datetime | None


@dataclass(frozen=True)
class SatisfactionRow:
    key: str  # advisor id, business type or "YYYY-MM"
    label: str
    count: int
    average: Decimal  # two places
    low_share: Decimal  # share of 1–2 scores, 0–1 with four places


@dataclass(frozen=True)
class VisitAnalysis:
    date_from: date
    date_to: date
    overall: SatisfactionRow
    by_advisor: tuple[SatisfactionRow, ...]
    by_business_type: tuple[SatisfactionRow, ...]
    by_month: tuple[SatisfactionRow, ...]


def _bounds(date_from: date | None, date_to: date | None):
    if date_from and date_to and date_to < date_from:
        raise ValidationError("analysis.dates", "The end date is before the start date.")
    tz = clock.now().astimezone().tzinfo
    start = datetime.combine(date_from, time.min, tzinfo=tz) if date_from else None
    end = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=tz) if date_to else None
    return start, end


def _in_range(column, start, end) -> list:
    return ([column >= start] if start else []) + ([column < end] if end else [])


def _values(value) -> tuple | None:
    if value is None:
        return None
    return (value,) if isinstance(value, (str, int)) else tuple(value)


def follow_up_list(db, actor, status=None, advisor_id: int | None = None,
                   date_from: date | None = None, date_to: date | None = None,
                   satisfaction=None, offset: int = 0, limit: int = 100) -> list[FollowUpRow]:
    """Follow-ups by status (one or several), the order's advisor, the day of the call (the
    planned day while not called yet) and score (one or several), latest first."""
    start, end = _bounds(date_from, date_to)
    agent = aliased(User)
    day = func.coalesce(FollowUp.done_at, FollowUp.due_at)
    where = [FollowUp.store_id == actor.store_id, *_in_range(day, start, end)]
    if (statuses := _values(status)) is not None:
        where.append(FollowUp.status.in_(statuses))
    if advisor_id is not None:
        where.append(WorkOrder.advisor_id == advisor_id)
    if (scores := _values(satisfaction)) is not None:
        where.append(FollowUp.satisfaction.in_(scores))
    with db.reading() as s:
        require(s, actor, "followup.list")
        rows = s.execute(
            select(FollowUp, WorkOrder, Customer.name, Customer.mobile, Vehicle.plate,
                   User.display_name, agent.display_name)
            .join(WorkOrder, WorkOrder.id == FollowUp.work_order_id)
            .join(Customer, Customer.id == WorkOrder.customer_id)
            .join(Vehicle, Vehicle.id == WorkOrder.vehicle_id)
            .join(User, User.id == WorkOrder.advisor_id)
            .outerjoin(agent, agent.id == FollowUp.agent_id)
            .where(*where).order_by(day.desc(), FollowUp.id.desc())
            .offset(offset).limit(limit)).all()
        return [FollowUpRow(f.id, o.id, o.number, name, mobile, plate, o.advisor_id, advisor,
                            o.business_type, f.due_at, f.status, agent_name, f.result,
                            f.satisfaction, f.issue, f.done_at)
                for f, o, name, mobile, plate, advisor, agent_name in rows]


def complaint_list(db, actor, status=None, advisor_id: int | None = None,
                   date_from: date | None = None, date_to: date | None = None,
                   satisfaction=None, severity=None, offset: int = 0,
                   limit: int = 100) -> list[ComplaintRow]:
    """Complaints by status, advisor (the order's advisor or the owner), day opened, score of
    the follow-up that raised them and severity, latest first."""
    start, end = _bounds(date_from, date_to)
    owner, advisor = aliased(User), aliased(User)
    where = [Complaint.store_id == actor.store_id, *_in_range(Complaint.created_at, start, end)]
    if (statuses := _values(status)) is not None:
        where.append(Complaint.status.in_(statuses))
    if (severities := _values(severity)) is not None:
        where.append(Complaint.severity.in_(severities))
    if advisor_id is not None:
        where.append(or_(WorkOrder.advisor_id == advisor_id, Complaint.owner_id == advisor_id))
    if (scores := _values(satisfaction)) is not None:
        where.append(FollowUp.satisfaction.in_(scores))
    now = clock.now()
    with db.reading() as s:
        require(s, actor, "complaint.list")
        rows = s.execute(
            select(Complaint, Customer.name, WorkOrder.number, advisor.display_name,
                   owner.display_name, FollowUp.satisfaction)
            .join(Customer, Customer.id == Complaint.customer_id)
            .outerjoin(WorkOrder, WorkOrder.id == Complaint.work_order_id)
            .outerjoin(advisor, advisor.id == WorkOrder.advisor_id)
            .outerjoin(owner, owner.id == Complaint.owner_id)
            .outerjoin(FollowUp, FollowUp.id == Complaint.follow_up_id)
            .where(*where).order_by(Complaint.created_at.desc(), Complaint.id.desc())
            .offset(offset).limit(limit)).all()
        return [ComplaintRow(c.id, c.number, name, c.work_order_id, number, advisor_name,
                             owner_name, c.source, c.severity, c.status, c.description, score,
                             c.created_at, c.deadline,
                             c.status == "open" and c.deadline is not None and c.deadline < now,
                             c.escalation_level, c.closed_at)
                for c, name, number, advisor_name, owner_name, score in rows]


def _row(key: str, label: str, scores: list[int]) -> SatisfactionRow:
    count = len(scores)
    if not count:
        return SatisfactionRow(key, label, 0, Decimal("0.00"), Decimal("0.0000"))
    average = (Decimal(sum(scores)) / count).quantize(Decimal("0.01"), ROUND_HALF_UP)
    low = Decimal(sum(1 for x in scores if x in LOW_SCORES)) / count
    return SatisfactionRow(key, label, count, average, low.quantize(Decimal("0.0001"), ROUND_HALF_UP))


def visit_analysis(db, actor, date_from: date, date_to: date) -> VisitAnalysis:
    """Satisfaction of the follow-up calls made from `date_from` to `date_to`: average, count
    and share of 1–2 scores, overall, by advisor, by business type and by month."""
    start, end = _bounds(date_from, date_to)
    with db.reading() as s:
        require(s, actor, "report.visits")
        rows = s.execute(
            select(FollowUp.satisfaction, FollowUp.done_at, WorkOrder.advisor_id,
                   User.display_name, WorkOrder.business_type)
            .join(WorkOrder, WorkOrder.id == FollowUp.work_order_id)
            .join(User, User.id == WorkOrder.advisor_id)
            .where(FollowUp.store_id == actor.store_id, FollowUp.status == "done",
                   FollowUp.satisfaction.is_not(None), FollowUp.done_at >= start,
                   FollowUp.done_at < end)).all()
    advisors, names, types, months = defaultdict(list), {}, defaultdict(list), defaultdict(list)
    for score, done_at, advisor_id, name, business_type in rows:
        advisors[advisor_id].append(score)
        names[advisor_id] = name
        types[business_type].append(score)
        months[f"{done_at.astimezone():%Y-%m}"].append(score)
    return VisitAnalysis(
        date_from, date_to, _row("all", "", [r[0] for r in rows]),
        tuple(sorted((_row(str(a), names[a], v) for a, v in advisors.items()),
                     key=lambda r: (r.label, r.key))),
        tuple(_row(t, t, types[t]) for t in sorted(types)),
        tuple(_row(m, m, months[m]) for m in sorted(months)))
