"""Generate a benchmark dealership (issue #7).

    python benchmarks/generate.py --url URL --scale tiny|small|large [--seed N]

Upgrades the schema, loads the demo dealership (store, users, price classes, bays, demo parts)
without its orders, then bulk-adds customers, vehicles, parts with stock, work orders with
labour and part lines, settlements, audit history and stock movements through plain DBAPI
`executemany` in chunks (no ORM objects). Money is written as integer fen, quantities as
thousandths, hours/percent as hundredths, exactly as the TypeDecorators in `dms.models.base`
store them; reversed columns (plate_rev, vin_rev, mobile_rev) are filled here. Same seed, same
data (apart from the demo loader's own "today" anchor). The bulk writer is in `bulk.py`, the
work orders with their lines, settlements and history in `orders.py`.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bulk import CHUNK, Context, Writer, database_size  # noqa: E402
from dms.crm.identifiers import make_vin  # noqa: E402
from dms.db import Database  # noqa: E402
from dms.demo import names  # noqa: E402
from dms.demo.data import unique  # noqa: E402
from dms.demo import is_empty  # noqa: E402
from dms.demo.load import load_demo  # noqa: E402
from dms.models.crm import name_key  # noqa: E402
from dms.migrate import upgrade  # noqa: E402
from orders import WORKSHOP, YEARS_BACK, OrderFactory, entry_times  # noqa: E402


@dataclass(frozen=True)
class Scale:
    customers: int
    vehicles: int
    work_orders: int
    parts: int
    movements: int  # total new stock movements (issues for part lines + receipts)
    open_orders: int  # in the workshop (on the kanban)


# small is the large store in its first weeks: as many cars in the workshop, little history,
# so the small/large ratios show what years of history cost.
SCALES = {
    "tiny": Scale(300, 360, 200, 200, 2_000, 30),
    "small": Scale(1_500, 1_800, 2_000, 1_000, 20_000, 300),
    "large": Scale(100_000, 120_000, 200_000, 20_000, 2_000_000, 300),
}
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
AUTHORITIES = "ACEFGHJKLMNPQ"
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
SERIES = (("北京现代", "伊兰特", "LBE"), ("北京现代", "途胜L", "LBE"), ("北京现代", "索纳塔", "LBE"),
          ("北京现代", "ix35", "LBE"), ("北京现代", "名图", "LBE"), ("北京现代", "胜达", "LBE"))


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
        rows.append((cid, ctx.store_id, f"B{i + 1:07d}", name, name_key(name), "person",
                     rng.choice("MF"), mobile, mobile[::-1], created))
        ids.append(cid)
    w.insert("customer", ("id", "store_id", "code", "name", "name_key", "kind", "gender",
                          "mobile", "mobile_rev", "created_at"), rows)

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
        for n, entry in enumerate(entry_times(ctx, rng, history)):
            factory.order(entry, "CLOSED" if entry < ctx.now - timedelta(days=30) else
                          rng.choice(("DELIVERED", "CLOSED")))
            if len(factory.wo) >= CHUNK:
                factory.flush()
        for _ in range(sc.open_orders):
            factory.order(ctx.now - timedelta(hours=rng.randint(1, 72)), rng.choice(WORKSHOP))
        factory.flush()
        factory.save_sequences()
        add_stock(ctx, sc, parts, factory.issues)
        w.sync_sequences()
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
