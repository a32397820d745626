"""When an order may be called READY (DESIGN §2): never with a question open, whichever path
leads there (final inspection, or the parts-only path straight from AUTHORIZED). No Qt.

The open questions are a job not done, added work the customer has not answered, and a part
line still holding stock (or waiting for it) that was neither issued nor released; the clerk
or advisor answers the last with `dms.parts.picking.release_part`.
"""

from __future__ import annotations

from dms import clock
from dms.errors import ValidationError
from dms.workshop.common import Changed, changed, load_order, move
from dms.workshop.lines import is_billable, lines, part_names

PENDING = ("proposed", "priced")


def unanswered(s, order) -> None:
    """Refuse while added work waits for a price or the customer's answer."""
    labour, parts, _ = lines(s, order)
    waiting = [x for x in (*labour, *parts) if x.approval in PENDING]
    if waiting:
        raise ValidationError("ready.added_work_open", "{count} added-work line(s) still wait "
                              "for a price or the customer's answer.", count=len(waiting))


def unissued(s, order) -> None:
    """Refuse while a billable part line is neither issued in full nor released."""
    _, parts, _ = lines(s, order)
    open_lines = [x for x in parts if is_billable(x) and x.qty_issued < x.qty]
    if open_lines:
        names = part_names(s, open_lines)
        raise ValidationError("ready.parts_open", "Parts neither issued nor released: {parts}.",
                              parts=", ".join(names[x.part_id].code for x in open_lines))


def check_ready(s, order) -> None:
    """Everything DESIGN §2 asks before READY."""
    labour, _, _ = lines(s, order)
    open_jobs = [x.code for x in labour if is_billable(x) and x.state != "done"]
    if open_jobs:
        raise ValidationError("dispatch.jobs_open", "Jobs not done yet: {jobs}.",
                              jobs=", ".join(open_jobs))
    unanswered(s, order)
    unissued(s, order)


def complete_parts_order(db, actor, work_order_id: int,
                         expected_version: int | None = None) -> Changed:
    """AUTHORIZED → READY for an order without labour (accessories, a part sold over the
    counter), once every part is issued or released; pre-settlement and settlement follow."""
    with db.transaction() as s:
        order = load_order(s, actor, work_order_id, expected_version,
                           permission="workorder.parts_ready")
        labour, _, _ = lines(s, order)
        if any(is_billable(x) for x in labour):
            raise ValidationError("ready.has_jobs", "The order has jobs: dispatch them instead.")
        check_ready(s, order)
        order.completed_at = clock.now()
        move(s, actor, order, "parts_ready", completed_at=order.completed_at)
        return changed(s, order)
