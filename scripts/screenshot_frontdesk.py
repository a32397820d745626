"""The front desk's screens of issue 15, part 3 (scripts/screenshot.py calls these from its
front-desk run; `--only frontdesk`):

    checkin_{lang}           the check-in, now with two photos attached
    vehicle_file_{lang}      the vehicle file with the car's check-in photos
    estimate_{lang}          the estimate editor with the order's check-in photos
    estimate_approve_{lang}  the customer's approval: a declined line with why, the signature
    added_work_decline_{lang}  declining added work on the phone: why

Photos are drawn here (a car panel with a scratch) and written once, through the services, to
the shown car's latest order and the estimated order; no dialog is confirmed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PIL import Image, ImageDraw
from sqlalchemy import func, select

from dms.models import CheckinPhoto, WorkOrder
from dms.workshop import photos

PANELS = (("左前门.jpg", (176, 180, 186)), ("前保险杠.jpg", (30, 60, 110)),
          ("轮毂.jpg", (120, 120, 120)))
STROKES = [[(0.08 + i / 60, 0.55 - 0.25 * ((i % 6) / 5)) for i in range(24)],
           [(0.55 + i / 80, 0.35 + 0.3 * ((i % 4) / 3)) for i in range(20)]]


def photo_files(folder: Path | None = None) -> list[Path]:
    """Three photos of car panels with a scratch, as a phone writes them (1600 × 1200 JPEG)."""
    folder = folder or Path(tempfile.mkdtemp(prefix="dms-shots-"))
    made = []
    for n, (name, colour) in enumerate(PANELS):
        image = Image.new("RGB", (1600, 1200), colour)
        draw = ImageDraw.Draw(image)
        for y in range(0, 1200, 8):  # a highlight across the panel
            shade = max(0, 60 - abs(y - 420) // 6)
            draw.line([(0, y), (1600, y)], fill=tuple(min(255, c + shade) for c in colour),
                      width=8)
        draw.line([(300 + 80 * n, 700), (1100, 520 - 60 * n)], fill=(235, 235, 235), width=9)
        draw.ellipse([1150, 380, 1290, 520], outline=(200, 30, 30), width=12)
        path = folder / name
        image.save(path, "JPEG", quality=85)
        made.append(path)
    return made


def attach_photos(db, actor, vehicle_id: int, orders: dict) -> None:
    """The photos on the shown car's latest order and on the estimated order, once."""
    with db.reading() as s:
        latest = s.scalar(select(WorkOrder.id).where(WorkOrder.vehicle_id == vehicle_id)
                          .order_by(WorkOrder.id.desc()).limit(1))
        wanted = [wo for wo in (latest, orders.get("estimate")) if wo is not None
                  and not s.scalar(select(func.count(CheckinPhoto.id))
                                   .where(CheckinPhoto.work_order_id == wo))]
    prepared = photos.prepare(photo_files())
    for wo in wanted:
        with db.transaction() as s:
            photos.attach(s, actor, wo, prepared)


def add_check_in_photos(h, checkin) -> None:
    """Two photos chosen on the check-in page (as from the file dialog)."""
    checkin.photos.add_files([str(p) for p in photo_files()[:2]])
    h.wait_until(lambda: checkin.photos.strip.count() == 2, "the check-in's photos")


def approval_shot(h, window, desk, shots) -> None:
    """The approval dialog: the last line declined (too expensive, in the customer's words)
    and the customer's signature on the pad."""
    desk.order_actions.approve()
    dialog = desk.dialog
    last = dialog.lines.item(dialog.lines.count() - 1)
    last.setCheckState(last.checkState().Unchecked)
    dialog.decline.reason.setCurrentIndex(dialog.decline.reason.findData("price"))
    dialog.decline.note.setText("下次保养再做" if not h.i18n.current_language() == "en"
                                else "next service")
    dialog.pad.strokes = STROKES
    h.settle()
    shots.save("estimate_approve", h.with_dialog(window, dialog))
    h.close_dialog(dialog)


def decline_shot(h, window, desk, shots) -> None:
    desk.queue_page.view.selectRow(0)
    desk.queue_page.refuse()
    dialog = desk.dialog
    dialog.decline.reason.setCurrentIndex(dialog.decline.reason.findData("later"))
    h.settle()
    shots.save("added_work_decline", h.with_dialog(window, dialog))
    h.close_dialog(dialog)
