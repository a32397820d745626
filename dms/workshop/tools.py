"""Tools and equipment 工具设备 (DESIGN §3, seed 003): the store's catalogue, checkout and
return with the borrower and the work order, damage reported at return, maintenance records,
and the loans not back after the store's loan period (`policy` "tool_loan_hours"). No Qt.

A tool's status says where it is: available, out (on an open checkout), damaged (reported at
return, waiting for repair) or maintenance (taken out of service). Only a tool on the shelf can
go out; only a tool on the shelf or damaged goes to maintenance.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from dms import audit, clock, policy, validators
from dms.errors import NotFound, ValidationError
from dms.models import Tool, ToolCheckout, ToolMaintenance, User, WorkOrder
from dms.permissions import require
from dms.workshop import states
from dms.workshop.common import Changed
from dms.workshop.dispatch import require_staff

KINDS = ("tool", "equipment")
STATUSES = ("available", "out", "damaged", "maintenance")


@dataclass(frozen=True)
class ToolView:
    id: int
    code: str
    name: str
    kind: str
    status: str
    borrower_id: int | None
    borrower: str | None
    work_order: str | None
    out_at: datetime | None
    overdue: bool


@dataclass(frozen=True)
class ToolEvent:
    at: datetime
    kind: str  # out, in, maintenance
    who: str | None
    work_order: str | None
    note: str | None


def _changed(tool: Tool) -> Changed:
    return Changed("tool", tool.id, None, tool.status)


def _own_tool(s: Session, actor, tool_id: int, lock: bool = True) -> Tool:
    if lock:
        s.execute(select(Tool.id).where(Tool.id == tool_id).with_for_update())
    tool = s.get(Tool, tool_id)
    if tool is None or tool.store_id != actor.store_id:
        raise NotFound(what="Tool", key=tool_id)
    return tool


def _open_checkout(s: Session, tool_id: int) -> ToolCheckout | None:
    return s.scalars(select(ToolCheckout).where(ToolCheckout.tool_id == tool_id,
                                                ToolCheckout.in_at.is_(None))).first()


def _loan_limit(s: Session, actor) -> datetime:
    hours = policy.value(s, actor.store_id, "tool_loan_hours")
    return clock.now() - timedelta(hours=int(hours))


# -- the catalogue ------------------------------------------------------------------------------

def add_tool(db, actor, code: str, name: str, kind: str = "tool") -> Changed:
    code = validators.limited_text(code, "tool.code", 20)
    name = validators.limited_text(name, "tool.name", 60)
    if kind not in KINDS:
        raise ValidationError("tool.kind", "A tool or a piece of equipment.", value=kind)
    code = code.upper()
    with db.transaction() as s:
        require(s, actor, "tool.manage")
        if s.scalar(select(Tool.id).where(Tool.store_id == actor.store_id, Tool.code == code)):
            raise ValidationError("tool.code_taken", "Tool code {tool} is taken.", tool=code)
        tool = Tool(store_id=actor.store_id, code=code, name=name, kind=kind, status="available")
        s.add(tool)
        s.flush()
        audit.record(s, actor, "tool", tool.id, "create", code=code, name=name, kind=kind)
        return _changed(tool)


def tools(db, actor, text: str = "", status: str | None = None, overdue_only: bool = False,
          offset: int = 0, limit: int = 50) -> list[ToolView]:
    """The catalogue with where each tool is now; `text` matches code or name."""
    borrower = aliased(User)
    with db.reading() as s:
        require(s, actor, "tool.read")
        limit_at = _loan_limit(s, actor)
        query = (select(Tool, ToolCheckout.out_at, ToolCheckout.borrower_id,
                        borrower.display_name, WorkOrder.number)
                 .outerjoin(ToolCheckout, (ToolCheckout.tool_id == Tool.id)
                            & ToolCheckout.in_at.is_(None))
                 .outerjoin(borrower, borrower.id == ToolCheckout.borrower_id)
                 .outerjoin(WorkOrder, WorkOrder.id == ToolCheckout.work_order_id)
                 .where(Tool.store_id == actor.store_id))
        text = (text or "").strip()
        if text:
            pattern = f"%{text.upper()}%"
            query = query.where(or_(func.upper(Tool.code).like(pattern),
                                    Tool.name.like(f"%{text}%")))
        if status is not None:
            query = query.where(Tool.status == status)
        if overdue_only:
            query = query.where(ToolCheckout.out_at < limit_at)
        order = (ToolCheckout.out_at,) if overdue_only else ()
        rows = s.execute(query.order_by(*order, Tool.code).offset(offset).limit(limit)).all()
        return [ToolView(r.Tool.id, r.Tool.code, r.Tool.name, r.Tool.kind, r.Tool.status,
                         r.borrower_id, r.display_name, r.number, r.out_at,
                         r.out_at is not None and r.out_at < limit_at) for r in rows]


def overdue_tools(db, actor, offset: int = 0, limit: int = 50) -> list[ToolView]:
    """Loans older than the store's loan period, the longest out first."""
    return tools(db, actor, overdue_only=True, offset=offset, limit=limit)


def tool_history(db, actor, tool_id: int, limit: int = 100) -> tuple[ToolEvent, ...]:
    """Checkouts, returns (with any damage report) and maintenance, newest first."""
    who = aliased(User)
    with db.reading() as s:
        require(s, actor, "tool.read")
        _own_tool(s, actor, tool_id, lock=False)
        events: list[ToolEvent] = []
        for c, name, number in s.execute(
                select(ToolCheckout, who.display_name, WorkOrder.number)
                .join(who, who.id == ToolCheckout.borrower_id)
                .outerjoin(WorkOrder, WorkOrder.id == ToolCheckout.work_order_id)
                .where(ToolCheckout.tool_id == tool_id)
                .order_by(ToolCheckout.id.desc()).limit(limit)):
            events.append(ToolEvent(c.out_at, "out", name, number, None))
            if c.in_at is not None:
                events.append(ToolEvent(c.in_at, "in", name, number, c.damage_report))
        for m, name in s.execute(select(ToolMaintenance, who.display_name)
                                 .outerjoin(who, who.id == ToolMaintenance.user_id)
                                 .where(ToolMaintenance.tool_id == tool_id)
                                 .order_by(ToolMaintenance.id.desc()).limit(limit)):
            events.append(ToolEvent(m.at, "maintenance", name, None, m.note))
        return tuple(sorted(events, key=lambda e: e.at, reverse=True)[:limit])


# -- checkout and return -------------------------------------------------------------------------

def check_out(db, actor, tool_id: int, work_order_number: str | None = None,
              borrower_id: int | None = None) -> Changed:
    """The tool leaves the shelf with its borrower (the actor unless a team lead hands it to
    someone) and, when it is for a car, the work order."""
    number = validators.text(work_order_number, "work_order", 20)
    with db.transaction() as s:
        roles = require(s, actor, "tool.checkout")
        borrower_id = borrower_id or actor.id
        if borrower_id != actor.id:
            if "team_lead" not in roles:
                raise ValidationError("tool.borrower_self", "Check tools out in your own name.")
            require_staff(s, actor, borrower_id, "technician", "tool.borrower")
        tool = _own_tool(s, actor, tool_id)
        if tool.status != "available":
            raise ValidationError("tool.not_available", "{tool} {name} is not on the shelf.",
                                  tool=tool.code, name=tool.name)
        order_id = None
        if number is not None:
            order = s.scalars(select(WorkOrder).where(WorkOrder.store_id == actor.store_id,
                                                      WorkOrder.number == number.upper())).first()
            if order is None or order.state not in states.WORKSHOP_STATES:
                raise ValidationError("tool.work_order", "Work order {number} is not in the "
                                      "workshop.", number=number)
            order_id = order.id
        s.add(ToolCheckout(tool_id=tool.id, borrower_id=borrower_id, work_order_id=order_id,
                           out_at=clock.now()))
        tool.status = "out"
        audit.record(s, actor, "tool", tool.id, "check_out", borrower_id=borrower_id,
                     work_order_id=order_id)
        return _changed(tool)


def return_tool(db, actor, tool_id: int, damage_report: str | None = None) -> Changed:
    """Back on the shelf, or, with a damage report, set aside as damaged."""
    damage = validators.text(damage_report, "damage_report", 500)
    with db.transaction() as s:
        roles = require(s, actor, "tool.return")
        tool = _own_tool(s, actor, tool_id)
        checkout = _open_checkout(s, tool.id)
        if checkout is None:
            raise ValidationError("tool.not_out", "{tool} {name} is not checked out.",
                                  tool=tool.code, name=tool.name)
        if checkout.borrower_id != actor.id and "team_lead" not in roles:
            raise ValidationError("tool.not_yours", "{tool} is checked out to someone else.",
                                  tool=tool.code)
        checkout.in_at, checkout.damage_report = clock.now(), damage
        tool.status = "damaged" if damage else "available"
        audit.record(s, actor, "tool", tool.id, "return", checkout_id=checkout.id,
                     damage_report=damage)
        return _changed(tool)


def record_maintenance(db, actor, tool_id: int, note: str, in_service: bool) -> Changed:
    """A maintenance record (calibration, repair, inspection); `in_service` puts the tool back
    on the shelf, else it stays out of service."""
    note = validators.required_text(note, "tool.maintenance_note", "note", 500)
    with db.transaction() as s:
        require(s, actor, "tool.maintain")
        tool = _own_tool(s, actor, tool_id)
        if tool.status == "out":
            raise ValidationError("tool.is_out", "{tool} is checked out; return it first.",
                                  tool=tool.code)
        s.add(ToolMaintenance(tool_id=tool.id, at=clock.now(), user_id=actor.id, note=note))
        before, tool.status = tool.status, "available" if in_service else "maintenance"
        audit.record(s, actor, "tool", tool.id, "maintenance", from_state=before,
                     to_state=tool.status, note=note)
        return _changed(tool)
