"""The store's setup from the administration: its record on the documents, bays with their
kind and capacity (the appointment book follows), a package's items (the estimate follows),
the housekeeping run for the store, and the change feed carrying each to the other seats.
Every change audited and allowed to the manager only; a refused change changes nothing."""

import json
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from dms import clock
from dms.admin import catalogue, packages, store
from dms.auth import authenticate
from dms.changes import ChangeFeed
from dms.errors import Forbidden, ValidationError
from dms.models import Appointment, AuditLog, Bay, MaintenancePackage, Store
from dms.reports.documents.context import store_info as document_store
from dms.workshop.appointments import capacities


@pytest.fixture
def manager(demo_db):
    return authenticate(demo_db, "admin", "admin123")


def _audits(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count(AuditLog.id)))


def test_the_store_record_is_what_the_documents_print(demo_db, manager, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    store.save_store(demo_db, manager, " 北京朝阳4S店 ", "北京市朝阳区东三环1号", "010-88886666",
                     str(logo), store.InvoiceDetails())
    info = store.store_info(demo_db, manager)
    assert (info.name, info.address, info.phone, info.logo_path) == (
        "北京朝阳4S店", "北京市朝阳区东三环1号", "010-88886666", str(logo))
    with demo_db.reading() as s:
        printed = document_store(s, manager.store_id)
    assert (printed.name, printed.address, printed.phone) == (info.name, info.address, info.phone)
    advisor = authenticate(demo_db, "advisor1", "demo123")
    before = (store.store_info(demo_db, manager), _audits(demo_db))
    for bad in (dict(name=""), dict(logo_path=str(tmp_path / "missing.png")),
                dict(logo_path=str(tmp_path))):
        with pytest.raises(ValidationError):
            store.save_store(demo_db, manager, **{"name": "店", "address": None, "phone": None,
                                                  "logo_path": None,
                                                  "invoice": store.InvoiceDetails(), **bad})
    with pytest.raises(Forbidden):
        store.save_store(demo_db, advisor, "店", None, None, None, store.InvoiceDetails())
    assert (store.store_info(demo_db, manager), _audits(demo_db)) == before


# GB 32100-2015's worked example: 91350100M000100Y4 and its check character 3
USCC = "91350100M000100Y43"
INVOICE = store.InvoiceDetails("北京京华现代汽车销售服务有限公司", " ９１３５０１００-m０００ １００y４３ ",
                               "北京市朝阳区东四环北路168号 010-84571234",
                               "中国工商银行北京朝阳支行 0200 0012 3456 7890")


def test_the_invoice_details_are_checked_kept_and_audited(demo_db, manager):
    with demo_db.reading() as s:
        old = s.get(Store, manager.store_id)
        record = (old.name, old.address, old.phone, old.logo_path)
    store.save_store(demo_db, manager, *record, INVOICE)
    info = store.store_info(demo_db, manager)
    assert info.invoice == store.InvoiceDetails(
        "北京京华现代汽车销售服务有限公司", USCC, "北京市朝阳区东四环北路168号 010-84571234",
        "中国工商银行北京朝阳支行 0200 0012 3456 7890")  # full width, case and separators: typed
    with demo_db.reading() as s:
        printed = document_store(s, manager.store_id)
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "store_saved")
                          .order_by(AuditLog.id.desc())).first()
    assert (printed.invoice_name, printed.tax_id) == (info.invoice.name, USCC)
    data = json.loads(audit.data)
    assert (data["before"]["tax_id"], data["after"]["tax_id"]) == (None, USCC)
    assert data["after"]["invoice_bank_account"] == info.invoice.bank_account
    before = (store.store_info(demo_db, manager), _audits(demo_db))
    for bad, code in ((USCC[:-1], "store.tax_id"), (USCC + "0", "store.tax_id"),
                      ("91350100M000100Y4I", "store.tax_id"),  # no I, O, S, V or Z
                      ("913501A0M000100Y43", "store.tax_id"),  # the division code is digits
                      (USCC[:-1] + "4", "store.tax_id_check"),
                      ("91350100M000100Y34", "store.tax_id_check")):  # two swapped
        with pytest.raises(ValidationError) as err:
            store.save_store(demo_db, manager, *record, replace(INVOICE, tax_id=bad))
        assert err.value.code == code, bad
    for incomplete in (replace(INVOICE, tax_id=""), replace(INVOICE, name=" "),
                       store.InvoiceDetails(bank_account="中国工商银行 0200")):
        with pytest.raises(ValidationError) as err:
            store.save_store(demo_db, manager, *record, incomplete)
        assert err.value.code == "store.invoice_incomplete"
    with pytest.raises(ValidationError) as err:
        store.save_store(demo_db, manager, *record, replace(INVOICE, name="名" * 101))
    assert err.value.code == "text.too_long"
    assert (store.store_info(demo_db, manager), _audits(demo_db)) == before
    store.save_store(demo_db, manager, *record, store.InvoiceDetails())  # all cleared: none
    assert store.store_info(demo_db, manager).invoice == store.InvoiceDetails()


def test_the_check_character_is_gb_32100s():
    """Every character but the last changed to any other of the set is caught."""
    for i in range(17):
        for ch in store.USCC_CHARACTERS:
            code = USCC[:i] + ch + USCC[i + 1:]
            if ch == USCC[i] or (2 <= i < 8 and not ch.isdigit()):
                continue
            with pytest.raises(ValidationError) as err:
                store.tax_id(code)
            assert err.value.code == "store.tax_id_check", code
    assert store.tax_id(USCC) == USCC and store.tax_id("  ") is None


def test_a_bays_capacity_is_the_appointment_books(demo_db, manager):
    day = clock.now().astimezone().date() + timedelta(days=3)

    def body_hours():
        with demo_db.reading() as s:
            load = capacities(s, manager.store_id, day)[0].of("body")
        return load.capacity_hours if load else D("0")

    before = body_hours()
    made = catalogue.save(demo_db, manager, "bay", None, {
        "code": "B9", "name": "钣金9号", "kind": "body", "capacity_hours": "10", "active": True})
    assert body_hours() == before + 10
    row = next(r for r in catalogue.records(demo_db, manager, "bay") if r["id"] == made.id)
    assert (row["kind"], row["capacity_hours"], row["active"]) == ("body", D("10.00"), True)
    catalogue.save(demo_db, manager, "bay", made.id, {**row, "active": False})
    assert body_hours() == before
    for bad in ({"kind": "wash"}, {"capacity_hours": "25"}, {"active": "yes"}):
        with pytest.raises(ValidationError):
            catalogue.save(demo_db, manager, "bay", made.id, {**row, **bad})
    with demo_db.reading() as s:
        assert s.get(Bay, made.id).active is False


def _package(db, code="P10K"):
    with db.reading() as s:
        return s.scalar(select(MaintenancePackage).where(MaintenancePackage.code == code)) or \
            s.scalars(select(MaintenancePackage).order_by(MaintenancePackage.id)).first()


def test_a_packages_items_are_replaced_in_order_and_refused_whole(demo_db, manager):
    package = _package(demo_db)
    items = packages.package_items(demo_db, manager, package.id)
    labour = next(i for i in items if i.kind == "labour")
    part = next(i for i in items if i.kind == "part")
    packages.set_package_items(demo_db, manager, package.id, [
        ("part", part.code, "2"), ("labour", labour.code, "1.5")])
    after = packages.package_items(demo_db, manager, package.id)
    assert [(i.kind, i.code, i.name, i.qty) for i in after] == [
        ("part", part.code, part.name, D("2.00")), ("labour", labour.code, labour.name, D("1.50"))]
    advisor = authenticate(demo_db, "advisor1", "demo123")
    audits = _audits(demo_db)
    for bad in ([("part", part.code, "1")],  # no labour
                [("labour", labour.code, "0")], [("labour", labour.code, "x")],
                [("labour", labour.code, "1"), ("labour", labour.code, "2")],
                [("labour", labour.code, "1"), ("part", "NO-SUCH-PART", "1")],
                [("fee", labour.code, "1")]):
        with pytest.raises(ValidationError):
            packages.set_package_items(demo_db, manager, package.id, bad)
    with pytest.raises(Forbidden):
        packages.set_package_items(demo_db, advisor, package.id, [("labour", labour.code, "1")])
    assert packages.package_items(demo_db, manager, package.id) == after
    assert _audits(demo_db) == audits


def test_housekeeping_from_the_window_names_what_it_released(demo_db, manager):
    from dms.workshop import appointments as ap

    with demo_db.reading() as s:
        from dms.models import Vehicle
        vehicle = s.scalars(select(Vehicle).order_by(Vehicle.id)).first()
    booked = ap.book(demo_db, authenticate(demo_db, "advisor1", "demo123"), ap.Booking(
        vehicle_id=vehicle.id, channel="phone", requested_work="保养",
        booked_for=clock.now() + timedelta(hours=1)))
    with clock.frozen_at(clock.now() + timedelta(days=2)):
        done = store.run_housekeeping(demo_db, manager)
    [released] = [r for r in done.released if r.id == booked.changed.id]
    assert (released.kind, released.number, released.plate) == ("no_show", booked.number,
                                                                vehicle.plate)
    with demo_db.reading() as s:
        assert s.get(Appointment, booked.changed.id).status == "no_show"
        assert s.scalar(select(func.count(AuditLog.id)).where(AuditLog.action == "housekeeping",
                                                              AuditLog.user_id == manager.id)) == 1
    with pytest.raises(Forbidden):
        store.run_housekeeping(demo_db, authenticate(demo_db, "advisor1", "demo123"))


def test_the_other_seats_hear_of_users_catalogues_store_bays_and_packages(demo_db, manager):
    feed = ChangeFeed(demo_db)
    made = catalogue.save(demo_db, manager, "bay", None, {
        "code": "M9", "name": "机电9号", "kind": "mechanical", "capacity_hours": "8",
        "active": True})
    store.save_store(demo_db, manager, "店", None, None, None, store.InvoiceDetails())
    package = _package(demo_db)
    items = packages.package_items(demo_db, manager, package.id)
    packages.set_package_items(demo_db, manager, package.id,
                               [(i.kind, i.code, i.qty) for i in reversed(items)])
    from dms.admin import users
    from dms.policy import set_setting
    users.update_user(demo_db, manager, manager.id, "经理", ["manager"])
    set_setting(demo_db, manager, "hold_hours.no_show", "6")
    heard = {(c.entity, c.entity_id) for c in feed.poll()}
    assert {("bay", made.id), ("store", manager.store_id), ("maintenance_package", package.id),
            ("user", manager.id)} <= heard
    assert any(entity == "store_setting" for entity, _ in heard)
    feed.close()
