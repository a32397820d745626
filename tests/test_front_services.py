"""The front desk's services added for issue 15, part 3: photos attached at check-in (checked,
shrunk, kept with the order, shown in the vehicle file), the customer's signature on the
estimate's approval, why the customer declined work, and a part line's quantity changed with
its reservation. Each refusal changes nothing."""

import json
import shutil
import subprocess
from decimal import Decimal
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import func, select

from dms.auth import authenticate
from dms.crm.vehicle_file import vehicle_file
from dms.errors import ValidationError
from dms.models import (CheckinPhoto, EstimateApproval, PartLine, Recommendation, Reservation,
                        Stock, Store, Vehicle, WorkOrder)
from dms.reports import documents
from dms.workshop import desk, estimates as est, photos
from dms.workshop.added_work import approve_added_work, price_added_work, propose_added_work
from dms.workshop.reception import CheckIn

from builders import (OIL_FILTER, estimate_snapshot, in_repair_order, photo_file,
                      received_order)

STROKES = [[(0.1, 0.5), (0.2, 0.4), (0.3, 0.6)], [(0.5, 0.5), (0.7, 0.45)]]


@pytest.fixture
def advisor(demo_db):
    return authenticate(demo_db, "advisor1", "demo123")


@pytest.fixture
def vehicle(demo_db):
    with demo_db.reading() as s:
        return s.scalars(select(Vehicle).where(Vehicle.mileage > 1000).order_by(Vehicle.id)).first()


def _check_in(db, advisor, vehicle, paths):
    data = CheckIn(vehicle_id=vehicle.id, mileage=vehicle.mileage + 10, fuel_level=5,
                   complaint="右前门有划痕")
    return desk.check_in(db, advisor, data, photos=paths).id


# --- photos -----------------------------------------------------------------------------------

def test_photos_are_kept_with_the_order_and_shown_in_the_vehicle_file(demo_db, advisor, vehicle,
                                                                      tmp_path):
    jpeg = photo_file(tmp_path / "右前门.jpg")
    png = photo_file(tmp_path / "前保险杠.png", (800, 1000), "PNG")
    wo = _check_in(demo_db, advisor, vehicle, [jpeg, png])
    thumbs = photos.order_photos(demo_db, advisor, wo)
    assert [t.filename for t in thumbs] == ["前保险杠.png", "右前门.jpg"]  # newest first
    for thumb in thumbs:
        with Image.open(BytesIO(thumb.thumbnail)) as small:
            assert small.format == "JPEG" and max(small.size) == photos.THUMB_PX
    full = photos.photo(demo_db, advisor, thumbs[1].id)
    assert (full.media_type, full.content) == ("image/jpeg", jpeg.read_bytes())
    file = vehicle_file(demo_db, advisor, vehicle.id)
    assert [(p.filename, p.work_order_id) for p in file.photos] == [
        ("前保险杠.png", wo), ("右前门.jpg", wo)]


@pytest.mark.parametrize("make, code", [
    (lambda p: p.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 200), "added_work.photo_type"),
    (lambda p: p.write_text("not a photo"), "added_work.photo_type"),
    (lambda p: None, "added_work.photo_unreadable"),
])
def test_a_file_that_is_no_photo_refuses_the_check_in_and_writes_nothing(
        demo_db, advisor, vehicle, tmp_path, make, code):
    good = photo_file(tmp_path / "ok.jpg")
    bad = tmp_path / "bad.jpg"
    make(bad)
    with demo_db.reading() as s:
        before = (s.scalar(select(func.count(WorkOrder.id))),
                  s.scalar(select(func.count(CheckinPhoto.id))))
    with pytest.raises(ValidationError) as err:
        _check_in(demo_db, advisor, vehicle, [good, bad])
    assert err.value.code == code and err.value.params["file"] == "bad.jpg"
    with pytest.raises(ValidationError):  # the preview at the desk refuses it the same way
        photos.preview(demo_db, advisor, [good, bad])
    with demo_db.reading() as s:
        assert (s.scalar(select(func.count(WorkOrder.id))),
                s.scalar(select(func.count(CheckinPhoto.id)))) == before


def test_too_many_or_too_large_photos_are_refused(demo_db, advisor, vehicle, tmp_path,
                                                  monkeypatch):
    from dms.workshop import terminal

    paths = [photo_file(tmp_path / f"{n}.jpg", (64, 48)) for n in range(terminal.MAX_PHOTOS + 1)]
    with pytest.raises(ValidationError) as err:
        _check_in(demo_db, advisor, vehicle, paths)
    assert err.value.code == "added_work.photo_count"
    monkeypatch.setattr(terminal, "MAX_PHOTO_BYTES", 1000)
    with pytest.raises(ValidationError) as err:
        _check_in(demo_db, advisor, vehicle, [photo_file(tmp_path / "big.jpg")])
    assert err.value.code == "added_work.photo_size"


def test_another_store_cannot_open_a_photo(demo_db, advisor, vehicle, tmp_path):
    from dms.errors import NotFound

    wo = _check_in(demo_db, advisor, vehicle, [photo_file(tmp_path / "a.jpg", (64, 48))])
    [thumb] = photos.order_photos(demo_db, advisor, wo)
    with demo_db.transaction() as s:
        other = Store(code="BJ02", name="北京二店")
        s.add(other)
        s.flush()
        s.get(WorkOrder, wo).store_id = other.id  # the order is another store's now
    with pytest.raises(NotFound):
        photos.photo(demo_db, advisor, thumb.id)
    assert photos.order_photos(demo_db, advisor, wo) == ()


# --- the customer's signature on the estimate -------------------------------------------------

def _estimated(db, advisor):
    wo = received_order(db, advisor)
    est.add_labour(db, advisor, wo, "JX01")
    est.add_part(db, advisor, wo, OIL_FILTER, 1)
    est.issue_estimate(db, advisor, wo)
    return wo


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
def test_the_signature_drawn_at_approval_is_kept_and_printed(demo_db, advisor, tmp_path):
    wo = _estimated(demo_db, advisor)
    number = desk.order_header(demo_db, advisor, wo).number
    est.approve_estimate(demo_db, advisor, wo, "王先生", "signature", signature=STROKES)
    with demo_db.reading() as s:
        approval = s.scalars(select(EstimateApproval)).all()[-1]
        stored = json.loads(approval.signature)
    assert len(stored["strokes"]) == 2 and stored["signed_at"]
    pdf = tmp_path / "estimate.pdf"
    pdf.write_bytes(documents.render(demo_db, advisor, "estimate", number))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "屏幕签名" in "".join(text.split())


def test_a_signature_off_the_pad_refuses_the_approval(demo_db, advisor):
    wo = _estimated(demo_db, advisor)
    before = estimate_snapshot(demo_db, wo)
    with pytest.raises(ValidationError) as err:
        est.approve_estimate(demo_db, advisor, wo, "王先生", "signature",
                             signature=[[(0.1, 0.2), (1.5, 0.3)]])
    assert err.value.code == "checkin.signature_bad"
    assert estimate_snapshot(demo_db, wo) == before


# --- why the customer declined ----------------------------------------------------------------

@pytest.fixture
def priced_added_work(demo_db, advisor):
    wo, tech = in_repair_order(demo_db, advisor)
    propose_added_work(demo_db, tech, wo, "雨刮片老化", operation_code="JX04")
    price_added_work(demo_db, advisor, wo, None)
    return wo


def test_declined_added_work_keeps_the_reason_for_the_car(demo_db, advisor, priced_added_work):
    wo = priced_added_work
    why = est.DeclineReason("later", "下次保养一起做")
    approve_added_work(demo_db, advisor, wo, "王先生", "phone", False, why=why)
    with demo_db.reading() as s:
        vehicle_id = s.get(WorkOrder, wo).vehicle_id
    [declined] = vehicle_file(demo_db, advisor, vehicle_id).declined
    assert (declined.reason, declined.reason_note) == ("later", "下次保养一起做")


@pytest.mark.parametrize("why, code", [
    (est.DeclineReason("cheaper"), "estimate.decline_reason"),
    (est.DeclineReason("other", "  "), "estimate.decline_note_missing"),
    (est.DeclineReason("price", "太" * 201), "estimate.decline_note"),
])
def test_a_bad_reason_is_refused_and_nothing_changes(demo_db, advisor, priced_added_work, why,
                                                     code):
    wo = priced_added_work
    before = estimate_snapshot(demo_db, wo)
    with pytest.raises(ValidationError) as err:
        approve_added_work(demo_db, advisor, wo, "王先生", "phone", False, why=why)
    assert err.value.code == code
    assert estimate_snapshot(demo_db, wo) == before


def test_lines_declined_at_the_estimate_keep_the_reason(demo_db, advisor):
    wo = _estimated(demo_db, advisor)
    with demo_db.reading() as s:
        part = s.scalar(select(PartLine.id).where(PartLine.work_order_id == wo))
    est.approve_estimate(demo_db, advisor, wo, "王先生", "in_person",
                         declined_line_ids={"part": [part]},
                         why=est.DeclineReason("price"))
    with demo_db.reading() as s:
        rec = s.scalars(select(Recommendation).where(Recommendation.work_order_id == wo)).one()
        assert (rec.reason, rec.reason_note) == ("price", None)


# --- a part line's quantity -------------------------------------------------------------------

def _part_line(db, wo):
    with db.reading() as s:
        line = s.scalars(select(PartLine).where(PartLine.work_order_id == wo)).one()
        held = s.scalar(select(func.coalesce(func.sum(Reservation.qty), 0))
                        .where(Reservation.part_line_id == line.id,
                               Reservation.status == "active"))
        reserved = s.scalar(select(func.sum(Stock.reserved)).where(Stock.part_id == line.part_id))
        return line, Decimal(held), reserved


def test_changing_a_part_quantity_reprices_and_moves_the_reservation(demo_db, advisor):
    wo = received_order(demo_db, advisor)
    est.add_part(demo_db, advisor, wo, OIL_FILTER, 1)
    line, held, reserved = _part_line(demo_db, wo)
    assert held == 1
    desk.change_line(demo_db, advisor, wo, "part", line.id, line.payer, qty="3")
    after, held3, reserved3 = _part_line(demo_db, wo)
    assert (after.qty, held3, reserved3 - reserved) == (3, 3, 2)
    assert after.amount == after.unit_price * 3
    desk.change_line(demo_db, advisor, wo, "part", line.id, line.payer, qty="2")
    after, held2, reserved2 = _part_line(demo_db, wo)
    assert (after.qty, held2, reserved2 - reserved, after.state) == (2, 2, 1, "reserved")


@pytest.mark.parametrize("qty", ["0", "-1", "abc", "1.5e9", "0.0001"])
def test_a_bad_quantity_is_refused_and_nothing_changes(demo_db, advisor, qty):
    wo = received_order(demo_db, advisor)
    est.add_part(demo_db, advisor, wo, OIL_FILTER, 1)
    line, held, reserved = _part_line(demo_db, wo)
    before = estimate_snapshot(demo_db, wo)
    with pytest.raises(ValidationError):
        desk.change_line(demo_db, advisor, wo, "part", line.id, line.payer, qty=qty)
    after, held_after, reserved_after = _part_line(demo_db, wo)
    assert (after.qty, after.net, held_after, reserved_after) == (line.qty, line.net, held,
                                                                  reserved)
    assert estimate_snapshot(demo_db, wo) == before
