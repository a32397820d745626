"""Standard times learned from the shop's own clocks: for each labour operation, the median and
the 80th percentile of the hours clocked on its last N jobs, beside the book time, and the
manager's one-action "adopt" (audited) that makes one of them the operation's standard hours,
which every later estimate takes.

Which jobs count: approved lines of the operation on orders completed (final QC passed), the
latest N by completion; clocked hours per job are those of `dms.workshop.board.clocked_hours`
(each clock-on paired with the same technician's next clock-off), summed over technicians.
Left out: jobs nobody clocked, jobs of orders that went through rework (their hours include
the second attempt), and outliers beyond 1.5 interquartile ranges of the quartiles (a clock
left running over lunch) once there are at least four jobs.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select

from dms import audit
from dms.admin import Changed
from dms.errors import NotFound, ValidationError
from dms.models import AuditLog, LabourLine, LabourOperation, WorkOrder
from dms.permissions import require
from dms.workshop.board import clocked_hours

LAST_N = 20
HOURS = Decimal("0.01")
STATISTICS = ("median", "p80")


@dataclass(frozen=True)
class LearnedTime:
    operation_id: int
    code: str
    name: str
    book_hours: Decimal
    jobs: int  # jobs the figures rest on, after the exclusions
    median: Decimal | None
    p80: Decimal | None


def percentile(values: list[Decimal], p: Decimal) -> Decimal:
    """Linear interpolation between the closest ranks (numpy's default), exact in Decimal."""
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def typical(values: list[Decimal]) -> list[Decimal]:
    """`values` without Tukey's outliers (beyond 1.5 IQR of the quartiles), from four on."""
    if len(values) < 4:
        return values
    q1, q3 = percentile(values, Decimal("0.25")), percentile(values, Decimal("0.75"))
    reach = (q3 - q1) * Decimal("1.5")
    return [v for v in values if q1 - reach <= v <= q3 + reach]


def _samples(s, store_id: int, last_n: int, operation_id: int | None = None) -> dict[int, list[Decimal]]:
    """operation → clocked hours of its last N counted jobs."""
    line, order = LabourLine, WorkOrder
    latest = func.row_number().over(partition_by=line.operation_id,
                                    order_by=(order.completed_at.desc(), line.id.desc()))
    reworked = select(AuditLog.entity_id).where(AuditLog.entity == "work_order",
                                                AuditLog.to_state == "REWORK")
    ranked = (select(line.id, line.operation_id, latest.label("n"))
              .join(order, order.id == line.work_order_id)
              .where(order.store_id == store_id, order.completed_at.is_not(None),
                     line.operation_id.is_not(None), line.approval == "approved",
                     order.id.not_in(reworked),
                     *([line.operation_id == operation_id] if operation_id else []))
              .subquery())
    jobs = s.execute(select(ranked.c.id, ranked.c.operation_id).where(ranked.c.n <= last_n)).all()
    clocked = clocked_hours(s, [j.id for j in jobs])
    out: dict[int, list[Decimal]] = {}
    for job in jobs:
        hours = sum(clocked.get(job.id, {}).values(), Decimal(0))
        if hours > 0:
            out.setdefault(job.operation_id, []).append(hours)
    return out


def _learned(op, values: list[Decimal]) -> LearnedTime:
    kept = typical(values)
    figure = (lambda p: percentile(kept, p).quantize(HOURS, ROUND_HALF_UP)) if kept else None
    return LearnedTime(op.id, op.code, op.name, op.standard_hours, len(kept),
                       figure and figure(Decimal("0.5")), figure and figure(Decimal("0.8")))


def learned_times(db, actor, last_n: int = LAST_N) -> tuple[LearnedTime, ...]:
    """Every labour operation of the store with its learned figures (None: no jobs yet)."""
    with db.reading() as s:
        require(s, actor, "admin.read")
        samples = _samples(s, actor.store_id, last_n)
        ops = s.scalars(select(LabourOperation).where(LabourOperation.store_id == actor.store_id)
                        .order_by(LabourOperation.code)).all()
        return tuple(_learned(op, samples.get(op.id, [])) for op in ops)


def adopt(db, actor, operation_id: int, statistic: str = "median", last_n: int = LAST_N) -> Changed:
    """Make the learned median (or 80th percentile) the operation's standard hours, computed
    again inside the transaction, so the audit entry holds exactly what was adopted."""
    if statistic not in STATISTICS:
        raise ValidationError("catalogue.value", "{field}: {value} is not a valid value.",
                              field="statistic", value=statistic)
    with db.transaction() as s:
        require(s, actor, "standard_time.adopt")
        op = s.get(LabourOperation, operation_id)
        if op is None or op.store_id != actor.store_id:
            raise NotFound(what="Labour operation", key=operation_id)
        found = _learned(op, _samples(s, actor.store_id, last_n, op.id).get(op.id, []))
        hours = found.median if statistic == "median" else found.p80
        if hours is None:
            raise ValidationError("standard_time.none", "No clocked jobs of {operation} to "
                                  "learn from yet.", operation=op.code)
        before, op.standard_hours = op.standard_hours, hours
        audit.record(s, actor, "labour_operation", op.id, "standard_time_adopted",
                     statistic=statistic, before=before, after=hours, jobs=found.jobs,
                     median=found.median, p80=found.p80, last_n=last_n)
        return Changed("labour_operation", op.id)
