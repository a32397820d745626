"""Load the demo dealership (`dms.demo.data.build`) into an upgraded database, once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import func, select

from dms.auth import hash_password
from dms.crm.maintenance import plan_vehicle
from dms.crm.membership import add_months
from dms.demo import data
from dms.demo.orders import BOOKINGS, HISTORY_DAYS, load_orders, planned
from dms.models import (Appointment, Bay, Bin, Customer, InsurancePolicy, LabourOperation, MaintenancePackage,
                        MaintenancePackageItem, Membership, MembershipEvent, MembershipTier,
                        Part, PartBarcode, PriceClass, Stock, StockMovement, Store, Supplier,
                        Tool, User, UserRole, Vehicle, VehicleOwnership, Warehouse, WorkOrder)


@dataclass(frozen=True)
class DemoResult:
    loaded: bool  # False: the demo store was already there and nothing changed
    store_code: str
    resumed: bool = False  # True: an earlier run was cut short; this one finished it
    counts: dict[str, int] = field(default_factory=dict)
    logins: tuple[tuple[str, str, str], ...] = ()  # (username, password, roles)


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=timezone.utc)


def load_demo(db, seed: int = 2026, with_orders: bool = True) -> DemoResult:
    content = data.build(seed)
    logins = tuple((u["username"], u["password"], ",".join(u["roles"])) for u in content["users"])
    code = content["store"]["code"]
    # one hash per password (there are two), made before the write lock is taken: at the
    # sign-in cost every hash takes a noticeable part of a second
    hashes = {p: hash_password(p) for p in {u["password"] for u in content["users"]}}
    with db.transaction() as s:
        store_id = s.scalar(select(Store.id).where(Store.code == code))
        resumed = store_id is not None
        if resumed and (not with_orders or _orders_complete(s, store_id)):
            return DemoResult(False, code, logins=logins)
        counts: dict[str, int] = {}
        if not resumed:  # the dealership itself: all or nothing, one transaction
            store = Store(**content["store"])
            s.add(store)
            s.flush()
            counts = _load(s, store.id, content, hashes)
    if with_orders:  # through the services, one transaction per action like a real day
        counts["work orders"] = load_orders(db, code, seed)
    return DemoResult(True, code, resumed, counts, logins)


def _orders_complete(s, store_id: int) -> bool:
    """Every demo visit has its order and tomorrow's bookings are made (`load_orders` runs
    until then, so a run killed half-way is finished by the next)."""
    orders = s.scalar(select(func.count(WorkOrder.id)).where(WorkOrder.store_id == store_id))
    booked = s.scalar(select(func.count(Appointment.id)).where(Appointment.store_id == store_id))
    return orders >= planned() and booked >= BOOKINGS


def _load(s, store_id: int, c: dict, hashes: dict[str, str]) -> dict[str, int]:
    sid = {"store_id": store_id}
    users = {}
    for u in c["users"]:
        user = User(username=u["username"], display_name=u["display_name"], team=u["team"],
                    password_hash=hashes[u["password"]], **sid)
        user.roles = [UserRole(role=r) for r in u["roles"]]
        users[u["username"]] = user
    s.add_all(users.values())
    manager = users["admin"]

    classes = {p["code"]: PriceClass(**p, **sid) for p in c["price_classes"]}
    s.add_all(classes.values())
    s.add_all(Bay(**b, **sid) for b in c["bays"])
    s.add_all(Tool(**t, status="available", **sid) for t in c.get("tools", ()))
    s.flush()
    s.add_all(LabourOperation(code=o["code"], name=o["name"], trade=o["trade"],
                              standard_hours=Decimal(o["standard_hours"]),
                              price_class_id=classes[o["price_class"]].id, **sid)
              for o in c["labour_operations"])
    tiers = {t["code"]: MembershipTier(**t, **sid) for t in c["membership_tiers"]}
    s.add_all(tiers.values())
    for p in c["maintenance_packages"]:
        package = MaintenancePackage(**{k: v for k, v in p.items() if k != "items"}, **sid)
        package.items = [MaintenancePackageItem(**item) for item in p["items"]]
        s.add(package)

    _load_parts(s, store_id, c, manager)
    today = date.today()
    customers = []
    for row in c["customers"]:
        fields = {k: v for k, v in row.items() if k != "membership_tier"}
        customers.append(Customer(**fields, **sid))
    s.add_all(customers)
    s.flush()
    for n, (row, customer) in enumerate(zip(c["customers"], customers), start=1):
        tier = tiers.get(row["membership_tier"]) if row["membership_tier"] else None
        if tier is None:
            continue
        joined = add_months(today, -(n % 11) - 1)  # joined within the year: still valid
        membership = Membership(customer_id=customer.id, tier=tier, card_no=f"M{store_id:02d}{n:06d}",
                                joined_on=joined, valid_until=add_months(joined, tier.validity_months),
                                **sid)
        s.add(membership)
        s.flush()
        s.add(MembershipEvent(membership_id=membership.id, kind="join", to_tier_id=tier.id,
                              fee=tier.fee, at=_at(joined), user_id=manager.id))

    vehicle_keys = {"customer", "mileage", "insurer", "policy_no", "insurance_expiry"}
    for row in c["vehicles"]:
        owner = customers[row["customer"]]
        vehicle = Vehicle(customer_id=owner.id, mileage=row["mileage"], mileage_on=today,
                          **{k: v for k, v in row.items() if k not in vehicle_keys}, **sid)
        s.add(vehicle)
        s.flush()
        plan_vehicle(s, vehicle, today)  # 首保/二保/regular services still ahead of it
        s.add(VehicleOwnership(vehicle_id=vehicle.id, customer_id=owner.id,
                               from_date=row["purchase_date"] or today))
        if row["insurer"]:
            s.add(InsurancePolicy(vehicle_id=vehicle.id, insurer=row["insurer"],
                                  policy_no=row["policy_no"], kind="commercial",
                                  start_date=add_months(row["insurance_expiry"], -12),
                                  expiry_date=row["insurance_expiry"]))
    s.flush()
    return {"users": len(users), "customers": len(customers), "vehicles": len(c["vehicles"]),
            "parts": len(c["parts"]), "bays": len(c["bays"])}


def _load_parts(s, store_id: int, c: dict, user: User) -> None:
    sid = {"store_id": store_id}
    warehouses = {w["code"]: Warehouse(**w, **sid) for w in c["warehouses"]}
    s.add_all(warehouses.values())
    s.flush()
    bins = {(b["warehouse"], b["code"]): Bin(warehouse_id=warehouses[b["warehouse"]].id, code=b["code"])
            for b in c["bins"]}
    s.add_all(bins.values())
    suppliers = {}
    for p in c["parts"]:
        if p["supplier"] not in suppliers:
            suppliers[p["supplier"]] = Supplier(code=f"S{len(suppliers) + 1:03d}", name=p["supplier"], **sid)
    s.add_all(suppliers.values())
    s.flush()
    # The opening stock predates the demo's four weeks of orders, so their KPIs see it.
    received = _at(date.today() - timedelta(days=HISTORY_DAYS[1] + 7))
    for p in c["parts"]:
        part = Part(code=p["code"], name=p["name"], brand=p["brand"], category=p["category"],
                    subcategory=p["subcategory"], unit=p["unit"], fits_models=p["fits_models"],
                    genuine=p["genuine"], origin=p["origin"], supplier_id=suppliers[p["supplier"]].id,
                    sale_price=Decimal(p["sale_price"]), avg_cost=Decimal(p["cost"]),
                    reorder_threshold=Decimal(p["reorder_threshold"]), **sid)
        s.add(part)
        s.flush()
        s.add(PartBarcode(part_id=part.id, barcode=p["barcode"], **sid))
        warehouse = warehouses[p["warehouse"]]
        bin_ = bins[(p["warehouse"], p["bin"])]
        qty = Decimal(p["qty"])
        s.add(Stock(part_id=part.id, warehouse_id=warehouse.id, bin_id=bin_.id, on_hand=qty))
        if qty:  # on hand is always explained by the ledger
            s.add(StockMovement(part_id=part.id, warehouse_id=warehouse.id, bin_id=bin_.id,
                                kind="receipt", qty=qty, unit_cost=Decimal(p["cost"]), at=received,
                                user_id=user.id, supplier_id=part.supplier_id,
                                reference="期初库存", **sid))
