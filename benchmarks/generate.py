"""Generate a benchmark dealership (issue #7).

    python benchmarks/generate.py --url URL --scale tiny|small|large [--seed N]

Upgrades the schema, loads the demo dealership (store, users, price classes, bays, demo parts)
without its orders, then bulk-adds customers, vehicles, parts with stock, work orders with
labour and part lines, settlements, audit history and stock movements through plain DBAPI
`executemany` in chunks (no ORM objects). Money is written as integer fen, quantities as
thousandths, hours/percent as hundredths, exactly as the TypeDecorators in `dms.models.base`
store them; reversed columns (plate_rev, vin_rev, mobile_rev) are filled here. Same seed, same
data (apart from the demo loader's own "today" anchor).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from dms.crm.identifiers import make_vin  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.demo import names  # noqa: E402
from dms.demo.data import unique  # noqa: E402
from dms.demo.load import is_empty, load_demo  # noqa: E402
from dms.migrate import upgrade  # noqa: E402


@dataclass(frozen=True)
class Scale:
    customers: int
    vehicles: int
    work_orders: int
    parts: int
    movements: int  # total new stock movements (issues for part lines + receipts)
    open_orders: int  # in the workshop (on the kanban)
    ready_orders: int  # READY, for the settlement benchmark


SCALES = {
    "tiny": Scale(300, 360, 200, 200, 2_000, 30, 40),
    "small": Scale(1_500, 1_800, 2_000, 1_000, 20_000, 60, 60),
    "large": Scale(100_000, 120_000, 200_000, 20_000, 2_000_000, 300, 100),
}
CHUNK = 5_000
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
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
AUTHORITIES = "ACEFGHJKLMNPQ"
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
SERIES = (("北京现代", "伊兰特", "LBE"), ("北京现代", "途胜L", "LBE"), ("北京现代", "索纳塔", "LBE"),
          ("北京现代", "ix35", "LBE"), ("北京现代", "名图", "LBE"), ("北京现代", "胜达", "LBE"))
WORKSHOP = ("AUTHORIZED", "DISPATCHED", "IN_REPAIR", "PAUSED", "QC", "REWORK")


class Writer:
    """Backend-neutral bulk writer on one raw DBAPI connection."""

    def __init__(self, conn, backend: str):
        self.conn, self.backend = conn, backend
        self.mark = "?" if backend == "sqlite" else "%s"
        self.rows = 0

    def ts(self, value: datetime):  # UTCDateTime: naive UTC
        naive = value.astimezone(timezone.utc).replace(tzinfo=None)
        return naive.strftime("%Y-%m-%d %H:%M:%S.%f") if self.backend == "sqlite" else naive

    def day(self, value: date | None):
        if value is None:
            return None
        return value.isoformat() if self.backend == "sqlite" else value

    def flag(self, value: bool):
        return int(value) if self.backend == "sqlite" else bool(value)

    def insert(self, table: str, columns: tuple[str, ...], rows) -> int:
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
               f"VALUES ({', '.join([self.mark] * len(columns))})")
        cur = self.conn.cursor()
        batch, n = [], 0
        for row in rows:
            batch.append(row)
            if len(batch) >= CHUNK:
                cur.executemany(sql, batch)
                n += len(batch)
                batch = []
        if batch:
            cur.executemany(sql, batch)
            n += len(batch)
        cur.close()
        self.rows += n
        return n

    def scalar(self, sql: str, *args):
        cur = self.conn.cursor()
        cur.execute(sql.replace("?", self.mark), args)
        row = cur.fetchone()
        cur.close()
        return None if row is None else row[0]

    def all(self, sql: str, *args):
        cur = self.conn.cursor()
        cur.execute(sql.replace("?", self.mark), args)
        rows = cur.fetchall()
        cur.close()
        return rows


class Context:
    """What the bulk rows refer to: the demo store, its users, price classes, bays."""

    def __init__(self, w: Writer, seed: int):
        self.w, self.seed = w, seed
        self.store_id = w.scalar("SELECT id FROM store ORDER BY id LIMIT 1")
        users = dict(w.all("SELECT username, id FROM user_account"))
        self.users = users
        self.advisors = [users[u] for u in ("advisor1", "advisor2", "advisor3")]
        self.techs = [users[f"tech{i}"] for i in range(1, 9)]
        self.cashier, self.admin = users["cashier1"], users["admin"]
        rows = w.all("SELECT id, code, hourly_rate FROM price_class WHERE store_id = ?", self.store_id)
        self.class_rate = {code: (pid, int(rate)) for pid, code, rate in rows}
        self.bays = [r[0] for r in w.all("SELECT id FROM bay WHERE store_id = ?", self.store_id)]
        self.warehouse = w.scalar("SELECT id FROM warehouse WHERE store_id = ? ORDER BY id",
                                  self.store_id)
        self.bin = w.scalar("SELECT id FROM bin WHERE warehouse_id = ? ORDER BY id", self.warehouse)
        self.supplier = w.scalar("SELECT id FROM supplier WHERE store_id = ? ORDER BY id",
                                 self.store_id)
        self.now = datetime.now(timezone.utc).replace(microsecond=0)
        self.flag_true = w.flag(True)
        if w.backend == "sqlite":
            w.conn.execute("BEGIN")

    def next_id(self, table: str) -> int:
        return (self.w.scalar(f"SELECT MAX(id) FROM {table}") or 0) + 1


def _digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def add_customers_and_vehicles(ctx: Context, sc: Scale) -> tuple[list, list]:
    """Returns (customer ids, [(vehicle id, customer id, plate)])."""
    w, rng = ctx.w, random.Random(f"{ctx.seed}:customers")
    mobiles = {m for (m,) in w.all("SELECT mobile FROM customer WHERE mobile IS NOT NULL")}
    first = ctx.next_id("customer")
    surnames = [(s, wt) for s, _, wt in names.SURNAMES]
    s_items, s_weights = zip(*surnames)
    given = [g for g, _ in names.GIVEN_MALE] + [g for g, _ in names.GIVEN_FEMALE]
    prefixes, p_weights = zip(*names.MOBILE_PREFIXES)
    created = w.ts(ctx.now - timedelta(days=365 * YEARS_BACK))
    rows, ids = [], []
    for i in range(sc.customers):
        cid = first + i
        mobile = unique(lambda: rng.choices(prefixes, p_weights)[0] + _digits(rng, 8), mobiles)
        name = rng.choices(s_items, s_weights)[0] + "".join(rng.sample(given, rng.choice((1, 2))))
        rows.append((cid, ctx.store_id, f"B{i + 1:07d}", name, "person",
                     rng.choice("MF"), mobile, mobile[::-1], created))
        ids.append(cid)
    w.insert("customer", ("id", "store_id", "code", "name", "kind", "gender", "mobile",
                          "mobile_rev", "created_at"), rows)

    plates = {p for (p,) in w.all("SELECT plate FROM vehicle WHERE plate IS NOT NULL")}
    vins = {v for (v,) in w.all("SELECT vin FROM vehicle")}
    vrng = random.Random(f"{ctx.seed}:vehicles")
    first_v = ctx.next_id("vehicle")
    vehicles, rows, owners = [], [], []
    for i in range(sc.vehicles):
        vid = first_v + i
        owner = ids[i] if i < len(ids) else vrng.choice(ids)
        brand, series, wmi = vrng.choice(SERIES)
        year = vrng.randint(2016, 2025)
        year_code = "GHJKLMNPRS"[year - 2016]

        def plate():
            serial = [vrng.choice("0123456789") for _ in range(5)]
            for pos in vrng.sample(range(5), vrng.choice((0, 1, 1, 2))):
                serial[pos] = vrng.choice(PLATE_LETTERS)
            return "京" + vrng.choice(AUTHORITIES) + "".join(serial)

        p = unique(plate, plates)
        v = unique(lambda: make_vin(wmi, "".join(vrng.choice(VIN_CHARS) for _ in range(5)),
                                     year_code, vrng.choice("BCDH"),
                                     "".join(vrng.choice("0123456789") for _ in range(6))), vins)
        mileage = vrng.randint(3_000, 180_000)
        rows.append((vid, ctx.store_id, owner, p, p[::-1], v, v[::-1], brand, series, year,
                     vrng.choice(names.COLOURS), "gasoline", "private", mileage,
                     w.day(ctx.now.date()), created))
        owners.append((vid, owner, w.day(date(year, 6, 1))))
        vehicles.append((vid, owner, p))
    w.insert("vehicle", ("id", "store_id", "customer_id", "plate", "plate_rev", "vin", "vin_rev",
                         "brand", "series", "model_year", "colour", "fuel_type", "usage",
                         "mileage", "mileage_on", "created_at"), rows)
    w.insert("vehicle_ownership", ("vehicle_id", "customer_id", "from_date"), owners)
    return ids, vehicles


def add_parts(ctx: Context, sc: Scale) -> list[tuple[int, int, int]]:
    """New parts with stock; returns [(part id, sale price fen, cost fen)]."""
    w, rng = ctx.w, random.Random(f"{ctx.seed}:parts")
    first = ctx.next_id("part")
    rows, barcodes, out = [], [], []
    kinds = ("机油滤清器", "空气滤清器", "空调滤芯", "刹车片", "火花塞", "雨刮片", "轮胎", "蓄电池",
             "减震器", "正时皮带", "水泵", "发电机皮带")
    for i in range(sc.parts):
        pid = first + i
        cost = rng.randint(500, 200_000)  # fen
        price = cost * rng.randint(125, 160) // 100
        rows.append((pid, ctx.store_id, f"BX{i + 1:06d}", f"{rng.choice(kinds)} {i + 1:05d}", "北京现代",
                     "常规件", "个", ctx.flag_true, ctx.supplier, price, cost * 100, 2_000, ctx.flag_true))
        barcodes.append((pid, ctx.store_id, f"69{i + 1:011d}"))
        out.append((pid, price, cost))
    w.insert("part", ("id", "store_id", "code", "name", "brand", "category", "unit", "genuine",
                      "supplier_id", "sale_price", "avg_cost", "reorder_threshold", "active"), rows)
    w.insert("part_barcode", ("part_id", "store_id", "barcode"), barcodes)
    return out


def _entry_times(ctx: Context, rng, n: int) -> list[datetime]:
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
        self.wo, self.ll, self.pl, self.st, self.audit, self.issues = [], [], [], [], [], []

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
        for seq in range(1, rng.choice((1, 2, 3, 3, 4, 5)) + 1):
            code, name, trade, hours = rng.choice(LABOUR)
            class_code = "C" if payer == "warranty" else ("B" if trade in ("body", "paint") else "A")
            class_id, rate = ctx.class_rate.get(class_code, ctx.class_rate["A"])
            amount = hours * rate // 100
            lstate = ("done" if closed or state == "READY" else
                      rng.choice(("waiting", "in_progress", "done")) if in_workshop else "waiting")
            tech = rng.choice(ctx.techs) if state != "RECEIVED" else None
            bay = rng.choice(ctx.bays) if tech else None
            self.ll.append((self.next_ll, wid, seq, code, name, trade, hours, hours, class_id, rate,
                            amount, 0, 0, amount, payer, lstate, "approved", w.flag(False),
                            bay, tech))
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
                        1, w.ts(entry)))
        steps = [("create", None, "RECEIVED", entry), ("estimate", "RECEIVED", "ESTIMATED", entry),
                 ("approve", "ESTIMATED", "AUTHORIZED", entry + timedelta(minutes=20))]
        if state not in ("RECEIVED", "AUTHORIZED"):
            steps.append(("dispatch", "AUTHORIZED", "DISPATCHED", entry + timedelta(minutes=40)))
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

    def flush(self) -> None:
        w = self.ctx.w
        w.insert("work_order", ("id", "store_id", "number", "vehicle_id", "customer_id",
                                "advisor_id", "business_type", "state", "entry_at", "entry_mileage",
                                "fuel_level", "complaint", "estimated_amount", "promised_at",
                                "completed_at", "delivered_at", "version", "created_at"), self.wo)
        w.insert("labour_line", ("id", "work_order_id", "seq", "code", "name", "trade",
                                 "standard_hours", "billed_hours", "price_class_id", "rate",
                                 "amount", "discount_pct", "discount", "net", "payer", "state",
                                 "approval", "added_work", "bay_id", "technician_id"), self.ll)
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
        self.wo, self.ll, self.pl, self.st, self.audit = [], [], [], [], []

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


def add_stock(ctx: Context, sc: Scale, parts, issues) -> None:
    """Receipts so that every part's on-hand equals the sum of its movements, then the issues."""
    w, rng = ctx.w, random.Random(f"{ctx.seed}:stock")
    out = {pid: 0 for pid, _, _ in parts}
    for pid, qty, *_ in issues:
        out[pid] -= qty
    receipts_wanted = max(len(parts), sc.movements - len(issues))
    start = ctx.now - timedelta(days=365 * YEARS_BACK + 10)
    span = int((ctx.now - start).total_seconds())
    count = {pid: 1 for pid, _, _ in parts}
    ids = [pid for pid, _, _ in parts]
    for _ in range(receipts_wanted - len(parts)):
        count[rng.choice(ids)] += 1
    cost = {pid: c for pid, _, c in parts}
    on_hand, rows = {}, []
    for pid in ids:
        need = out[pid] + rng.choice((0, 2000, 5000, 10000, 20000))
        n = count[pid]
        each = max(1000, -(-need // n) // 1000 * 1000 + 1000)
        total = 0
        for _ in range(n):
            at = start + timedelta(seconds=rng.randrange(span))
            rows.append((ctx.store_id, pid, ctx.warehouse, ctx.bin, "receipt", each, cost[pid] * 100,
                         w.ts(at), ctx.admin, ctx.supplier, None, None, "入库"))
            total += each
        on_hand[pid] = total - out[pid]
    rows += [(ctx.store_id, pid, ctx.warehouse, ctx.bin, "issue", qty, unit_cost, w.ts(at),
              ctx.admin, None, wid, plid, "工单领料") for pid, qty, unit_cost, at, wid, plid in issues]
    w.insert("stock_movement", ("store_id", "part_id", "warehouse_id", "bin_id", "kind", "qty",
                                "unit_cost", "at", "user_id", "supplier_id", "work_order_id",
                                "part_line_id", "reference"), rows)
    w.insert("stock", ("part_id", "warehouse_id", "bin_id", "on_hand", "reserved"),
             [(pid, ctx.warehouse, ctx.bin, on_hand[pid], 0) for pid in ids])


def bench_parts(ctx: Context) -> list[tuple[int, int, int]]:
    rows = ctx.w.all("SELECT id, sale_price, avg_cost FROM part WHERE code LIKE 'BX%' "
                     "ORDER BY id")
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


def database_size(db: Database) -> int:
    if db.backend == "sqlite":
        path = Path(make_url(db.url).database)
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar()


def generate(url: str, scale: str, seed: int = 2026, log=print) -> dict:
    sc = SCALES[scale]
    t0 = time.perf_counter()
    db = Database(url)
    upgrade(db.engine)
    if not is_empty(db):
        raise SystemExit(f"{url} already holds a store; generate into an empty database")
    load_demo(db, seed=seed, with_orders=False)
    t_demo = time.perf_counter()
    raw = db.engine.raw_connection()
    try:
        w = Writer(raw.driver_connection, db.backend)
        if db.backend == "sqlite":
            w.conn.execute("PRAGMA foreign_keys=OFF")  # rows are inserted parents first anyway
        ctx = Context(w, seed)
        _, vehicles = add_customers_and_vehicles(ctx, sc)
        parts = add_parts(ctx, sc)
        factory = OrderFactory(ctx, vehicles, parts, "orders")
        history = sc.work_orders - sc.open_orders
        rng = factory.rng
        for n, entry in enumerate(_entry_times(ctx, rng, history)):
            factory.order(entry, "CLOSED" if entry < ctx.now - timedelta(days=30) else
                          rng.choice(("DELIVERED", "CLOSED")))
            if len(factory.wo) >= CHUNK:
                factory.flush()
        for _ in range(sc.open_orders):
            factory.order(ctx.now - timedelta(hours=rng.randint(1, 72)), rng.choice(WORKSHOP))
        factory.flush()
        factory.save_sequences()
        add_stock(ctx, sc, parts, factory.issues)
        raw.commit()
        if db.backend == "sqlite":
            w.conn.execute("PRAGMA foreign_keys=ON")
    finally:
        raw.close()
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    seconds = time.perf_counter() - t0
    size = database_size(db)
    db.dispose()
    info = {"scale": scale, "seconds": round(seconds, 1), "demo_seconds": round(t_demo - t0, 1),
            "rows": w.rows, "bytes": size}
    log(f"generated {scale}: {w.rows:,} rows in {seconds:.1f} s "
        f"(demo {t_demo - t0:.1f} s), database {size / 1e6:.1f} MB")
    return info


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--scale", choices=sorted(SCALES), required=True)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args(argv)
    generate(args.url, args.scale, args.seed)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
