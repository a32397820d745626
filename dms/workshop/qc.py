"""Step 8, quality control: team-lead check and final inspection (the technician's self-check
is recorded by `dispatch.finish_repair`). A fail sends the car back to REWORK with a reason,
an owner and optionally a penalty; the faulty jobs the inspector names (by default every job of
the owner's) go back to "rework" so they can be clocked again. Every inspection is a
`QCInspection` row and every transition an audit entry, which is where the rework-rate and
on-time KPIs are computed from later.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dms import audit, clock, validators
from dms.errors import InvalidTransition, ValidationError
from dms.models import ClockEvent, LabourLine, QCInspection, WorkOrder
from dms.permissions import require
from dms.workshop import states
from dms.workshop.common import Changed, changed, load_order, move
from dms.workshop.completion import check_ready
from dms.workshop.dispatch import require_staff, set_job_state


def _reason(reason: str | None, passed: bool) -> str | None:
    if passed:
        return validators.text(reason, "reason")
    return validators.required_text(reason, "qc.reason", "reason")


def _penalty(penalty) -> Decimal | None:
    if penalty is None:
        return None
    return validators.number(penalty, "qc.penalty", "penalty", places=2,
                             maximum=validators.MAX_AMOUNT)


def _send_back(s: Session, actor, order: WorkOrder, owner_id: int | None,
               job_ids: Iterable[int] | None) -> list[int]:
    """Jobs going back to rework: those the owner was assigned to or clocked on (every job
    when no owner is named), or only the faulty ones among them, `job_ids`."""
    jobs = select(LabourLine).where(LabourLine.work_order_id == order.id,
                                    LabourLine.approval == "approved")
    if owner_id is not None:
        worked = select(ClockEvent.labour_line_id).where(ClockEvent.technician_id == owner_id)
        jobs = jobs.where(or_(LabourLine.technician_id == owner_id, LabourLine.id.in_(worked)))
    lines = s.scalars(jobs.order_by(LabourLine.seq)).all()
    if not lines:
        raise ValidationError("qc.rework_owner_jobs",
                              "The rework owner did not work on this car.", owner=owner_id)
    if job_ids is not None:
        named = set(job_ids)
        if not named or not named <= {line.id for line in lines}:
            raise ValidationError("qc.rework_jobs", "Name the jobs to redo: at least one, each "
                                  "a job of this car the rework owner worked on.")
        lines = [line for line in lines if line.id in named]
    for line in lines:
        set_job_state(s, actor, order, line, "rework", "rework")
    return [line.id for line in lines]


def _fail(s: Session, actor, order: WorkOrder, level: str, reason: str, owner_id: int | None,
          penalty: Decimal | None, job_ids: Iterable[int] | None) -> None:
    s.add(QCInspection(work_order_id=order.id, level=level, inspector_id=actor.id, passed=False,
                       at=clock.now(), reason=reason, rework_owner_id=owner_id, penalty=penalty))
    jobs = _send_back(s, actor, order, owner_id, job_ids)
    move(s, actor, order, "qc_fail", reason, level=level, rework_owner_id=owner_id,
         penalty=penalty, jobs=jobs)


def team_lead_check(db, actor, work_order_id: int, passed: bool, reason: str | None = None,
                    rework_owner_id: int | None = None,
                    expected_version: int | None = None,
                    rework_job_ids: Iterable[int] | None = None) -> Changed:
    """The second of the three QC levels; a fail sends the car to REWORK like a final fail
    (without an owner, every job goes back, or the faulty ones named)."""
    with db.transaction() as s:
        require(s, actor, "qc.team_lead_check")
        reason = _reason(reason, passed)
        order = load_order(s, actor, work_order_id, expected_version)
        if order.state != states.QC:
            raise InvalidTransition(action="team_lead_check", state=order.state)
        if passed:
            s.add(QCInspection(work_order_id=order.id, level="team_lead", inspector_id=actor.id,
                               passed=True, at=clock.now(), reason=reason))
            audit.record(s, actor, "work_order", order.id, "team_lead_check", reason=reason,
                         passed=True)
        else:
            if rework_owner_id is not None:
                require_staff(s, actor, rework_owner_id, "technician", "qc.rework_owner")
            _fail(s, actor, order, "team_lead", reason, rework_owner_id, None, rework_job_ids)
        return changed(s, order)


def final_inspection(db, actor, work_order_id: int, passed: bool, reason: str | None = None,
                     rework_owner_id: int | None = None, penalty: Decimal | None = None,
                     delay_reason: str | None = None,
                     expected_version: int | None = None,
                     rework_job_ids: Iterable[int] | None = None) -> Changed:
    """Pass → READY (completed now; a late car needs a delay reason); fail → REWORK: the
    faulty jobs `rework_job_ids` go back to the owner, by default every job of theirs."""
    action = "qc_pass" if passed else "qc_fail"
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version, permission="qc.final")
        roles = require(s, actor, "qc.final")
        reason = _reason(reason, passed)
        penalty = _penalty(penalty)
        delay_reason = validators.text(delay_reason, "delay_reason")
        states.transition(action, order.state, roles)
        now = clock.now()
        if passed:
            if rework_owner_id is not None or penalty is not None or rework_job_ids is not None:
                raise ValidationError("qc.pass_with_rework",
                                      "A passed inspection has no rework owner or penalty.")
            late = order.promised_at is not None and now > order.promised_at
            if late and delay_reason is None:
                promised = order.promised_at.astimezone().strftime("%Y-%m-%d %H:%M")
                raise ValidationError("qc.delay_reason", "The car is later than promised "
                                      "({promised}): give a reason.", promised=promised)
            check_ready(s, order)
            s.add(QCInspection(work_order_id=order.id, level="final", inspector_id=actor.id,
                               passed=True, at=now, reason=reason))
            order.completed_at = now
            order.delay_reason = delay_reason if late else None
            move(s, actor, order, "qc_pass", reason, completed_at=now, late=late,
                 delay_reason=order.delay_reason)
        else:
            if rework_owner_id is None:
                raise ValidationError("qc.rework_owner", "Name the technician who redoes the work.")
            require_staff(s, actor, rework_owner_id, "technician", "qc.rework_owner")
            _fail(s, actor, order, "final", reason, rework_owner_id, penalty, rework_job_ids)
        return changed(s, order)
