"""Parts catalogue: search by code prefix, barcode (as a scanner types it), name and vehicle;
the part card; extra barcodes."""

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from dms.auth import authenticate
from dms.errors import Forbidden, NotFound, ValidationError
from dms.models import AuditLog, Part, PartBarcode, Stock, Vehicle
from dms.parts.catalogue import add_barcode, part_card, parts_for_vehicle, search_parts

from builders import OIL_FILTER, full_width


@pytest.fixture
def oil_filter(demo_db):
    with demo_db.reading() as s:
        part = s.scalars(select(Part).where(Part.code == OIL_FILTER)).one()
        barcode = s.scalar(select(PartBarcode.barcode).where(PartBarcode.part_id == part.id))
        return part.id, barcode


def _counts(db):
    with db.reading() as s:
        return (s.scalar(select(func.count(PartBarcode.id))), s.scalar(select(func.count(AuditLog.id))))


def test_search_by_code_prefix(demo_db, clerk, oil_filter):
    hits = search_parts(demo_db, clerk, "26300-")
    assert hits and all(h.code.startswith("26300-") for h in hits[:2])
    assert oil_filter[0] in [h.id for h in hits]
    assert {h.matched for h in hits if h.code.startswith("26300-")} == {"code"}


@pytest.mark.parametrize("typed", [lambda b: b, full_width, lambda b: f"  {full_width(b)}\n"])
def test_search_by_barcode_as_scanned(demo_db, clerk, oil_filter, typed):
    part_id, barcode = oil_filter
    hits = search_parts(demo_db, clerk, typed(barcode))
    assert hits[0].id == part_id and hits[0].matched == "barcode"


def test_lower_case_and_full_width_labels_are_normalised(demo_db, clerk, oil_filter):
    part_id, _ = oil_filter
    added = add_barcode(demo_db, clerk, part_id, "lbl-0042x")
    assert added.barcode == "LBL-0042X"
    for typed in ("lbl-0042x", full_width("lbl-0042x"), "LBL-0042X"):
        assert search_parts(demo_db, clerk, typed)[0].id == part_id


def test_search_by_name_fragment_and_paging(demo_db, clerk):
    hits = search_parts(demo_db, clerk, "机油滤清器", limit=500)
    assert len(hits) > 3 and all("机油滤清器" in h.name for h in hits)
    page = search_parts(demo_db, clerk, "机油滤清器", offset=2, limit=2)
    assert [h.id for h in page] == [h.id for h in hits[2:4]]
    assert search_parts(demo_db, clerk, "   ") == []
    assert search_parts(demo_db, clerk, "%") == []  # LIKE wildcards are literal


def test_parts_for_vehicle_follow_the_series(demo_db, clerk):
    with demo_db.reading() as s:
        vehicle = s.scalars(select(Vehicle).where(Vehicle.series == "伊兰特")).first()
        fitting = {p.id for p in s.scalars(select(Part).where(Part.active))
                   if "伊兰特" in (p.fits_models or "").split(",")}
    hits = parts_for_vehicle(demo_db, clerk, vehicle_id=vehicle.id, limit=500)
    assert {h.id for h in hits} == fitting and fitting
    assert hits[0].genuine  # genuine parts first
    by_series = parts_for_vehicle(demo_db, clerk, series="伊兰特", text="机油滤清器")
    assert by_series and all("机油滤清器" in h.name and h.id in fitting for h in by_series)
    # a series is matched whole: 索纳塔 does not pick up parts only for 索纳塔插电混动
    with demo_db.reading() as s:
        sonata = {p.id for p in s.scalars(select(Part).where(Part.active))
                  if "索纳塔" in (p.fits_models or "").split(",")}
    assert {h.id for h in parts_for_vehicle(demo_db, clerk, series="索纳塔", limit=500)} == sonata
    with pytest.raises(NotFound):
        parts_for_vehicle(demo_db, clerk, vehicle_id=10**9)


def test_part_card_shows_stock_barcodes_and_prices(demo_db, clerk, oil_filter):
    part_id, barcode = oil_filter
    card = part_card(demo_db, clerk, part_id)
    with demo_db.reading() as s:
        part = s.get(Part, part_id)
        rows = s.scalars(select(Stock).where(Stock.part_id == part_id)).all()
    assert card.code == OIL_FILTER and barcode in card.barcodes
    assert card.avg_cost == part.avg_cost and card.sale_price == part.sale_price
    assert card.supplier_code and card.supplier_name
    assert card.on_hand == sum(r.on_hand for r in rows) > 0
    line = card.stock[0]
    assert line.warehouse_code == "WH1" and line.bin_code and not line.counting
    assert line.available == line.on_hand - line.reserved
    assert "伊兰特" in card.fits_models


def test_a_barcode_means_one_part(demo_db, clerk, oil_filter):
    part_id, barcode = oil_filter
    with demo_db.reading() as s:
        other = s.scalars(select(Part).where(Part.id != part_id, Part.code != "")).first()
    before = _counts(demo_db)
    for taken in (barcode, full_width(barcode), other.code.lower()):
        with pytest.raises(ValidationError) as err:
            add_barcode(demo_db, clerk, other.id if taken != other.code.lower() else part_id, taken)
        assert err.value.code == "catalogue.barcode_taken"
    with pytest.raises(ValidationError) as err:
        add_barcode(demo_db, clerk, part_id, "  ")
    assert err.value.code == "catalogue.barcode"
    assert _counts(demo_db) == before


def test_only_the_warehouse_adds_barcodes(demo_db, oil_filter):
    advisor = authenticate(demo_db, "advisor1", "demo123")
    before = _counts(demo_db)
    with pytest.raises(Forbidden):
        add_barcode(demo_db, advisor, oil_filter[0], "X123")
    assert _counts(demo_db) == before
    assert search_parts(demo_db, advisor, OIL_FILTER)[0].available >= Decimal(0)  # reads are open
