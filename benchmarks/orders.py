"""Work orders for the benchmark dealership: lines, settlements, payments and audit history
as plain rows, with money consistent with the pricing rules and the workshop's rules: a job is
on a bay of its trade's kind, one car is in repair in a bay (`dms.workshop.dispatch`), and a
job's state is one its order's state allows."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta

from bulk import Context, Writer
from dms.db import Database
from dms.workshop.dispatch import PAUSE_REASONS
from dms.workshop.trades import bay_kind

YEARS_BACK = 3
LABOUR = [  # code, name, trade, hours (hundredths)
    ("BY001", "常规保养", "maintenance", 100), ("BY002", "更换机油机滤", "maintenance", 50),
    ("JX010", "更换刹车片(前)", "mechanical", 120), ("JX011", "更换刹车片(后)", "mechanical", 110),
    ("JX020", "四轮定位", "mechanical", 80), ("JX030", "更换火花塞", "mechanical", 90),
    ("DQ001", "电瓶检测更换", "electrical", 40), ("DQ010", "空调系统检修", "electrical", 150),
    ("BJ001", "前保险杠钣金", "body", 300), ("PQ001", "前保险杠喷漆", "paint", 400),
]
TYPES = (("maintenance", 55), ("repair", 25), ("body_paint", 10), ("warranty", 6),
         ("internal", 4))
WORKSHOP = ("AUTHORIZED", "DISPATCHED", "IN_REPAIR", "PAUSED", "QC", "REWORK")
UNDISPATCHED = ("RECEIVED", "ESTIMATED", "AUTHORIZED")  # no job on a bay or a technician yet
STARTED = ("IN_REPAIR", "PAUSED")  # jobs waiting, in progress or done
# an open order's way through the workshop: (action, from, to, when as a fraction of the
# time from its entry until now)
_DISPATCH = ("dispatch", "AUTHORIZED", "DISPATCHED", 0.1)
_START, _FINISH = ("start", "DISPATCHED", "IN_REPAIR", 0.2), ("finish", "IN_REPAIR", "QC", 0.7)
OPEN_PATHS = {"AUTHORIZED": (), "DISPATCHED": (_DISPATCH,), "IN_REPAIR": (_DISPATCH, _START),
              "PAUSED": (_DISPATCH, _START, ("pause", "IN_REPAIR", "PAUSED", 0.8)),
              "QC": (_DISPATCH, _START, _FINISH),
              "REWORK": (_DISPATCH, _START, _FINISH, ("qc_fail", "QC", "REWORK", 0.8))}

def entry_times(ctx: Context, rng, n: int) -> list[datetime]:
    start = ctx.now - timedelta(days=365 * YEARS_BACK)
    span = int((ctx.now - timedelta(days=2) - start).total_seconds())
    return sorted(start + timedelta(seconds=rng.randrange(span)) for _ in range(n))


class OrderFactory:
    """Work orders with labour and part lines, money consistent with the pricing rules
    (amount = hours × rate or qty × price, net = amount − discount, no discounts here)."""

    def __init__(self, ctx: Context, vehicles, parts, seed_key: str):
        self.ctx, self.vehicles, self.parts = ctx, vehicles, parts
        self.rng = random.Random(f"{ctx.seed}:{seed_key}")
        w = ctx.w
        self.next_wo, self.next_ll = ctx.next_id("work_order"), ctx.next_id("labour_line")
        self.next_pl, self.next_st = ctx.next_id("part_line"), ctx.next_id("settlement")
        self.seq = {(y, k): v for k, y, v in w.all(
            "SELECT kind, year, last_value FROM number_sequence WHERE store_id = ?", ctx.store_id)}
        self.bays = defaultdict(list)  # bay kind → its active bays
        for bay_id, kind in w.all("SELECT id, kind FROM bay WHERE store_id = ? AND active = ? "
                                  "ORDER BY id", ctx.store_id, w.flag(True)):
            self.bays[kind].append(bay_id)
        self.held = {}  # bay → the order in repair there: one car a bay
        self.dispatcher = ctx.users["dispatcher1"]
        self.wo, self.ll, self.pl, self.st, self.audit, self.issues = [], [], [], [], [], []
        self.assigned = []  # the active dispatch assignments of the jobs still in the workshop

    def number(self, kind: str, prefix: str, year: int) -> str:
        value = self.seq.get((year, kind), 0) + 1
        self.seq[(year, kind)] = value
        return f"{prefix}{year}{value:06d}"

    def order(self, entry: datetime, state: str, business_type: str | None = None) -> int:
        ctx, w, rng = self.ctx, self.ctx.w, self.rng
        wid = self.next_wo
        self.next_wo += 1
        vid, cid, _ = rng.choice(self.vehicles)
        btype = rng.choices([t for t, _ in TYPES], [x for _, x in TYPES])[0]
        btype = business_type or btype  # READY orders for settling: no warranty old parts
        payer = {"warranty": "warranty", "internal": "internal"}.get(btype, "customer")
        advisor = rng.choice(ctx.advisors)
        closed = state in ("CLOSED", "DELIVERED", "SETTLED")
        in_workshop = state in WORKSHOP
        labour_total = parts_total = 0
        jobs = self._jobs(wid, state)
        dispatched = (entry + (ctx.now - entry) * _DISPATCH[3] if in_workshop
                      else entry + timedelta(minutes=40))
        for seq, (code, name, trade, hours, lstate, tech, bay) in enumerate(jobs, 1):
            class_code = "C" if payer == "warranty" else ("B" if trade in ("body", "paint") else "A")
            class_id, rate = ctx.class_rate.get(class_code, ctx.class_rate["A"])
            amount = hours * rate // 100
            self.ll.append((self.next_ll, wid, seq, code, name, trade, hours, hours, class_id, rate,
                            amount, 0, 0, amount, payer, lstate, "approved", w.flag(False),
                            bay, tech))
            if tech is not None and not closed:
                self.assigned.append((self.next_ll, bay, tech, hours, self.dispatcher,
                                      w.ts(dispatched),
                                      w.flag(True)))
            self.next_ll += 1
            labour_total += amount
        for _ in range(rng.choice((2, 3, 4, 5, 6))):
            pid, price, cost = rng.choice(self.parts)
            qty = rng.choice((1000, 1000, 2000, 4000))
            amount = price * qty // 1000
            issued = closed or state == "READY" or (in_workshop and rng.random() < 0.5)
            self.pl.append((self.next_pl, wid, pid, qty, qty if issued else 0, "个", price, amount,
                            0, 0, amount, payer, "issued" if issued else "requested", "approved",
                            w.flag(False)))
            if issued:
                self.issues.append((pid, -qty, cost * 100, entry + timedelta(hours=1), wid,
                                    self.next_pl))
            self.next_pl += 1
            parts_total += amount
        local = entry.astimezone()
        number = self.number("workorder", "WO", local.year)
        self.wo.append((wid, ctx.store_id, number, vid, cid, advisor, btype, state,
                        w.ts(entry), rng.randint(5_000, 150_000), rng.randint(1, 8),
                        rng.choice(("常规保养", "刹车异响", "空调不凉", "发动机故障灯亮", "前保险杠刮擦")),
                        labour_total + parts_total, w.ts(entry + timedelta(hours=6)),
                        w.ts(entry + timedelta(hours=5)) if closed or state == "READY" else None,
                        w.ts(entry + timedelta(hours=8)) if state in ("DELIVERED", "CLOSED") else None,
                        1, w.ts(entry), "IN_REPAIR" if state == "PAUSED" else None,
                        rng.choice(PAUSE_REASONS) if state == "PAUSED" else None))
        steps = [("create", None, "RECEIVED", entry), ("estimate", "RECEIVED", "ESTIMATED", entry),
                 ("approve", "ESTIMATED", "AUTHORIZED", entry + timedelta(minutes=20))]
        if in_workshop:
            steps += [(action, src, dst, entry + (ctx.now - entry) * part)
                      for action, src, dst, part in OPEN_PATHS[state]]
        elif state not in UNDISPATCHED:
            steps.append(("dispatch", "AUTHORIZED", "DISPATCHED", dispatched))
        if closed or state == "READY":
            steps += [("start", "DISPATCHED", "IN_REPAIR", entry + timedelta(hours=1)),
                      ("finish", "IN_REPAIR", "QC", entry + timedelta(hours=4)),
                      ("qc_pass", "QC", "READY", entry + timedelta(hours=5))]
        if closed:
            total = labour_total + parts_total
            share = total if payer == "customer" else 0
            at = entry + timedelta(hours=7)
            inv = self.number("invoice", "INV", at.astimezone().year)
            sid = self.next_st
            self.next_st += 1
            self.st.append((sid, ctx.store_id, wid, "settled", w.ts(at), advisor, labour_total,
                            labour_total, parts_total, parts_total, 0, 0, 0, 0, 0, total, share,
                            0, total if payer == "warranty" else 0,
                            total if payer == "internal" else 0, 0, share, 0, inv, w.ts(at),
                            ctx.cashier, 1))
            steps += [("presettle", "READY", "PRESETTLED", at - timedelta(minutes=30)),
                      ("settle", "PRESETTLED", "SETTLED", at)]
            if state in ("DELIVERED", "CLOSED"):
                steps.append(("deliver", "SETTLED", "DELIVERED", entry + timedelta(hours=8)))
        for action, src, dst, at in steps:
            self.audit.append((ctx.store_id, w.ts(at), advisor, "work_order", wid, action, src, dst))
        return wid

    def _jobs(self, wid: int, state: str) -> list[tuple]:
        """The order's jobs as (code, name, trade, hours, state, technician, bay), as the
        services leave them in the order's `state`: nobody on them before dispatch; waiting
        until the repair starts; waiting, in progress or done while it is in repair or paused
        (one job at least started); all done from QC on, but a failed inspection sends the
        rework owner's jobs back. A job is on a bay of its trade's kind, and a job in progress
        of a car in repair holds its bay: another car's job in progress there is finished
        instead (`dispatch.check_bay`; a paused car holds no bay)."""
        rng = self.rng
        picked = [rng.choice(LABOUR) for _ in range(rng.choice((1, 2, 3, 3, 4, 5)))]
        techs = [None if state in UNDISPATCHED else rng.choice(self.ctx.techs) for _ in picked]
        if state in STARTED:
            states = [rng.choice(("waiting", "in_progress", "done")) for _ in picked]
            if set(states) == {"waiting"}:
                states[0] = "in_progress"  # the first clock-on started the repair
        elif state in ("DISPATCHED", *UNDISPATCHED):
            states = ["waiting"] * len(picked)
        else:
            owner = rng.choice(techs) if state == "REWORK" else None
            states = ["rework" if tech == owner else "done" for tech in techs]
        jobs = []
        for (code, name, trade, hours), tech, job_state in zip(picked, techs, states):
            bay = None
            if tech is not None:
                fitting = self.bays[bay_kind(trade)]
                if job_state == "in_progress" and state == "IN_REPAIR":
                    fitting = [b for b in fitting if self.held.get(b, wid) == wid]
                    if not fitting:  # every bay of its kind holds another car
                        fitting, job_state = self.bays[bay_kind(trade)], "done"
                bay = rng.choice(fitting)
                if job_state == "in_progress" and state == "IN_REPAIR":
                    self.held[bay] = wid
            jobs.append((code, name, trade, hours, job_state, tech, bay))
        return jobs

    def flush(self) -> None:
        w = self.ctx.w
        w.insert("work_order", ("id", "store_id", "number", "vehicle_id", "customer_id",
                                "advisor_id", "business_type", "state", "entry_at", "entry_mileage",
                                "fuel_level", "complaint", "estimated_amount", "promised_at",
                                "completed_at", "delivered_at", "version", "created_at",
                                "paused_from", "pause_reason"), self.wo)
        w.insert("labour_line", ("id", "work_order_id", "seq", "code", "name", "trade",
                                 "standard_hours", "billed_hours", "price_class_id", "rate",
                                 "amount", "discount_pct", "discount", "net", "payer", "state",
                                 "approval", "added_work", "bay_id", "technician_id"), self.ll)
        w.insert("dispatch_assignment", ("labour_line_id", "bay_id", "technician_id",
                                         "planned_hours", "dispatcher_id", "assigned_at",
                                         "active"), self.assigned)
        w.insert("part_line", ("id", "work_order_id", "part_id", "qty", "qty_issued", "unit",
                               "unit_price", "amount", "discount_pct", "discount", "net", "payer",
                               "state", "approval", "added_work"), self.pl)
        w.insert("settlement", ("id", "store_id", "work_order_id", "state", "presettled_at",
                                "presettled_by_id", "labour_receivable", "labour_net",
                                "material_receivable", "material_net", "management_fee",
                                "auxiliary_fee", "subcontract_fee", "rescue_fee", "other_fee",
                                "total", "customer_share", "insurance_share", "warranty_share",
                                "internal_share", "points_redeemed", "received", "outstanding",
                                "invoice_no", "settled_at", "cashier_id", "version"), self.st)
        payments = [(r[0], "cash", r[16], r[24], self.ctx.cashier) for r in self.st if r[16] > 0]
        w.insert("payment", ("settlement_id", "method", "amount", "at", "cashier_id"), payments)
        w.insert("audit_log", ("store_id", "at", "user_id", "entity", "entity_id", "action",
                               "from_state", "to_state"), self.audit)
        self.wo, self.ll, self.pl, self.st, self.audit, self.assigned = [], [], [], [], [], []

    def save_sequences(self) -> None:
        w, ctx = self.ctx.w, self.ctx
        for (year, kind), value in self.seq.items():
            if w.scalar("SELECT id FROM number_sequence WHERE store_id = ? AND kind = ? AND year = ?",
                        ctx.store_id, kind, year) is None:
                w.insert("number_sequence", ("store_id", "kind", "year", "last_value"),
                         [(ctx.store_id, kind, year, value)])
            else:
                cur = w.conn.cursor()
                cur.execute(("UPDATE number_sequence SET last_value = ? WHERE store_id = ? "
                             "AND kind = ? AND year = ?").replace("?", w.mark),
                            (value, ctx.store_id, kind, year))
                cur.close()


def bench_parts(ctx: Context) -> list[tuple[int, int, int]]:
    rows = ctx.w.all("SELECT id, sale_price, avg_cost FROM part WHERE code LIKE ? ORDER BY id",
                     "BX%")
    return [(pid, int(price), int(cost) // 100) for pid, price, cost in rows]


def bench_vehicles(ctx: Context) -> list:
    return ctx.w.all("SELECT id, customer_id, plate FROM vehicle ORDER BY id")


def add_ready_orders(db: Database, count: int, seed: int = 7) -> list[int]:
    """READY orders (lines done, parts issued) for the settlement benchmark; their part issues
    are booked as movements and taken off stock so the ledger still explains on-hand."""
    raw = db.engine.raw_connection()
    try:
        w = Writer(raw.driver_connection, db.backend)
        ctx = Context(w, seed)
        f = OrderFactory(ctx, bench_vehicles(ctx), bench_parts(ctx),
                         f"ready:{ctx.next_id('work_order')}")
        ids = [f.order(ctx.now - timedelta(hours=6), "READY", "maintenance") for _ in range(count)]
        issues = f.issues
        f.flush()
        f.save_sequences()
        _book_issues(ctx, issues)
        w.sync_sequences()
        raw.commit()
        return ids
    finally:
        raw.close()


def _book_issues(ctx: Context, issues) -> None:
    """Each issue with a matching receipt just before it: on-hand stays explained and unchanged."""
    w = ctx.w
    rows = []
    for pid, qty, uc, at, wid, plid in issues:
        rows.append((ctx.store_id, pid, ctx.warehouse, ctx.bin, "receipt", -qty, uc,
                     w.ts(at - timedelta(hours=2)), ctx.admin, None, None, "补货"))
        rows.append((ctx.store_id, pid, ctx.warehouse, ctx.bin, "issue", qty, uc, w.ts(at),
                     ctx.admin, wid, plid, "工单领料"))
    w.insert("stock_movement", ("store_id", "part_id", "warehouse_id", "bin_id", "kind", "qty",
                                "unit_cost", "at", "user_id", "work_order_id", "part_line_id",
                                "reference"), rows)
