"""The invariants a stress run must leave intact (benchmarks/stress.py), checked over the whole
database: stock equals its ledger and is never negative; invoice numbers unique and gap-free;
payments add up to what each settlement received; every state change audited; nothing stuck
between states (clocked on a closed order, delivered without a gate pass, cancelled while
holding or having issued stock) and, for the orders of a harness run, nothing left open.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from decimal import Decimal

from sqlalchemy import func, select

TERMINAL = ("DELIVERED", "CLOSED", "CANCELLED")
CLOCKABLE = ("DISPATCHED", "IN_REPAIR", "REWORK")


def check_invariants(db, since_work_order_id: int | None = None) -> list[str]:
    """Every violated invariant, as text; empty when the database is consistent.
    `since_work_order_id`: orders above it were made by a harness that drives every order to
    the end or cancels it, so none of them may be left open."""
    from dms.models import (AuditLog, ClockEvent, GatePass, LabourLine, NumberSequence, PartLine,
                            Payment, Reservation, Settlement, Stock, StockMovement, WorkOrder)

    out: list[str] = []
    with db.reading() as s:
        # 1. Stock: on hand = sum of the ledger, never negative.
        moved: dict = defaultdict(Decimal)
        for part_id, wh, qty in s.execute(select(StockMovement.part_id, StockMovement.warehouse_id,
                                                 StockMovement.qty)):
            moved[(part_id, wh)] += Decimal(qty)
        seen = set()
        for row in s.scalars(select(Stock)):
            key = (row.part_id, row.warehouse_id)
            seen.add(key)
            if row.on_hand != moved.get(key, Decimal(0)):
                out.append(f"stock part {key[0]} warehouse {key[1]}: on hand {row.on_hand} "
                           f"but movements sum to {moved.get(key, Decimal(0))}")
            if row.on_hand < 0 or row.reserved < 0:
                out.append(f"stock part {key[0]} warehouse {key[1]} negative: on hand "
                           f"{row.on_hand}, reserved {row.reserved}")
        for key in moved.keys() - seen:
            out.append(f"movements for part {key[0]} warehouse {key[1]} without a stock row")

        # 2. Invoice numbers unique and gap-free per store and year (voided ones count).
        numbers: dict = defaultdict(list)
        for store_id, no in s.execute(select(Settlement.store_id, Settlement.invoice_no)
                                      .where(Settlement.invoice_no.is_not(None))):
            numbers[(store_id, int(no[3:7]))].append(int(no[7:]))
        for store_id, data in s.execute(select(AuditLog.store_id, AuditLog.data).where(
                AuditLog.entity == "work_order", AuditLog.action == "reopen")):
            voided = json.loads(data or "{}").get("voided_invoice")
            if voided:
                numbers[(store_id, int(voided[3:7]))].append(int(voided[7:]))
        counters = {(r.store_id, r.year): r.last_value for r in s.scalars(
            select(NumberSequence).where(NumberSequence.kind == "invoice"))}
        for key in numbers.keys() | counters.keys():
            got = numbers.get(key, [])
            dupes = sorted(n for n, c in Counter(got).items() if c > 1)
            if dupes:
                out.append(f"invoice numbers used twice in store {key[0]} {key[1]}: {dupes[:10]}")
            last = counters.get(key, 0)
            missing = sorted(set(range(1, last + 1)) - set(got))
            if missing:
                out.append(f"invoice numbers missing in store {key[0]} {key[1]}: {missing[:10]}")
            beyond = sorted(n for n in set(got) if n > last)
            if beyond:
                out.append(f"invoice numbers beyond the counter {last} in store {key[0]} "
                           f"{key[1]}: {beyond[:10]}")

        # 3. Money: payments = received, received + outstanding = customer share.
        paid = dict(s.execute(select(Payment.settlement_id, func.count(Payment.id))
                              .group_by(Payment.settlement_id)).all())
        amounts: dict = defaultdict(Decimal)
        for sid, amount in s.execute(select(Payment.settlement_id, Payment.amount)):
            amounts[sid] += Decimal(amount)
        for st in s.scalars(select(Settlement)):
            if amounts.get(st.id, Decimal(0)) != st.received:
                out.append(f"settlement {st.id} (order {st.work_order_id}): payments "
                           f"{amounts.get(st.id, Decimal(0))} but received {st.received}")
            if st.received + st.outstanding != st.customer_share:
                out.append(f"settlement {st.id} (order {st.work_order_id}): received {st.received}"
                           f" + outstanding {st.outstanding} != customer share {st.customer_share}")
            if st.outstanding < 0:
                out.append(f"settlement {st.id}: negative outstanding {st.outstanding}")
            if st.state == "settled" and (st.invoice_no is None or st.settled_at is None):
                out.append(f"settlement {st.id} settled without an invoice number")
            if st.state != "settled" and st.invoice_no is not None:
                out.append(f"settlement {st.id} is {st.state} but holds invoice {st.invoice_no}")
            if st.state == "presettled" and paid.get(st.id) and st.received == 0:
                out.append(f"settlement {st.id}: payments on an unsettled settlement")

        # 4. Audit: every state change has its entry; the last one matches the order.
        orders = {o.id: o for o in s.scalars(select(WorkOrder))}
        trail: dict = defaultdict(list)
        for wo_id, from_state, to_state in s.execute(
                select(AuditLog.entity_id, AuditLog.from_state, AuditLog.to_state)
                .where(AuditLog.entity == "work_order", AuditLog.to_state.is_not(None))
                .order_by(AuditLog.id)):
            trail[wo_id].append((from_state, to_state))
        for wo_id, order in orders.items():
            entries = trail.get(wo_id)
            if not entries:
                out.append(f"work order {order.number} ({order.state}) has no state audit entry")
                continue
            if entries[-1][1] != order.state:
                out.append(f"work order {order.number} is {order.state} but its last audit entry "
                           f"says {entries[-1][1]}")
            for (_, before), (after_from, _) in zip(entries, entries[1:]):
                if after_from != before:
                    out.append(f"work order {order.number}: audit goes {before} → then from "
                               f"{after_from}")
                    break

        # 5. Nothing stuck between states.
        last = select(func.max(ClockEvent.id)).group_by(ClockEvent.labour_line_id,
                                                        ClockEvent.technician_id)
        clocked: dict = defaultdict(list)
        for wo_id, tech in s.execute(
                select(LabourLine.work_order_id, ClockEvent.technician_id)
                .join(LabourLine, LabourLine.id == ClockEvent.labour_line_id)
                .where(ClockEvent.id.in_(last), ClockEvent.kind == "on")):
            clocked[wo_id].append(tech)
        for wo_id, techs in clocked.items():
            state = orders[wo_id].state
            if state not in CLOCKABLE:
                out.append(f"work order {orders[wo_id].number} is {state} with technician(s) "
                           f"{techs} still clocked on")
        busy = Counter(t for techs in clocked.values() for t in techs)
        for tech, n in busy.items():
            if n > 1:
                out.append(f"technician {tech} clocked on {n} orders at once")
        gate = set(s.scalars(select(GatePass.work_order_id)))
        settled = {st.work_order_id: st for st in s.scalars(select(Settlement))}
        for wo_id, order in orders.items():
            if order.state in ("SETTLED", "DELIVERED", "CLOSED"):
                st = settled.get(wo_id)
                if st is None or st.state != "settled":
                    out.append(f"work order {order.number} is {order.state} without a settled "
                               f"settlement")
            if order.state in ("DELIVERED", "CLOSED") and wo_id not in gate:
                out.append(f"work order {order.number} delivered without a gate pass")
        for wo_id, state in s.execute(
                select(PartLine.work_order_id, WorkOrder.state).join(Reservation,
                                                                    Reservation.part_line_id == PartLine.id)
                .join(WorkOrder, WorkOrder.id == PartLine.work_order_id)
                .where(Reservation.status == "active", WorkOrder.state.in_(("CANCELLED",)))
                .distinct()):
            out.append(f"work order {orders[wo_id].number} is {state} but still holds stock")
        for wo_id, state in s.execute(
                select(PartLine.work_order_id, WorkOrder.state)
                .join(WorkOrder, WorkOrder.id == PartLine.work_order_id)
                .where(PartLine.qty_issued > 0, WorkOrder.state == "CANCELLED").distinct()):
            out.append(f"work order {orders[wo_id].number} is CANCELLED with parts still issued")
        if since_work_order_id is not None:
            for wo_id, order in orders.items():
                if wo_id <= since_work_order_id or order.state in TERMINAL:
                    continue
                if order.state == "IN_REPAIR" and wo_id not in clocked:
                    out.append(f"work order {order.number} left IN_REPAIR with no one clocked on")
                else:
                    out.append(f"work order {order.number} left open in state {order.state}")
    return out

