"""Photos of the car taken at check-in (the walk-around, DESIGN §1 step 3). No Qt.

A photo is checked (JPEG or PNG, at most 8 MB, at most six, and it must open as an image) and
shrunk to a thumbnail before any transaction opens; the check-in writes it with the order
(`CheckinPhoto`: the bytes in the database, so one transaction, one backup and the same code
on SQLite and on a PostgreSQL shared by several PCs). Lists read the thumbnails only; the
photo itself is read when someone opens it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import select

from dms import permissions
from dms.errors import NotFound, ValidationError
from dms.models import CheckinPhoto, WorkOrder
from dms.workshop.terminal import Photo, read_photos

THUMB_PX = 160  # the longer side of a thumbnail
VEHICLE_PHOTOS = 12  # the newest of a car's photos shown in its file


@dataclass(frozen=True)
class Prepared:
    """A photo checked and shrunk, ready to be written with the order."""

    filename: str
    media_type: str
    content: bytes
    thumbnail: bytes


@dataclass(frozen=True)
class PhotoThumb:
    id: int
    work_order_id: int
    work_order_number: str
    filename: str
    taken_at: datetime
    thumbnail: bytes  # JPEG, at most THUMB_PX a side


def thumbnail(filename: str, content: bytes) -> bytes:
    """A small JPEG of the photo, turned upright as the camera says; a file that does not open
    as an image is refused (the first bytes alone prove nothing)."""
    try:
        with Image.open(BytesIO(content)) as image:
            image.draft("RGB", (THUMB_PX * 2, THUMB_PX * 2))  # a JPEG decodes at a fraction
            small = ImageOps.exif_transpose(image)
            small.thumbnail((THUMB_PX, THUMB_PX))
            out = BytesIO()
            small.convert("RGB").save(out, "JPEG", quality=80)
    except (OSError, ValueError, SyntaxError, UnidentifiedImageError,
            Image.DecompressionBombError):
        raise ValidationError("added_work.photo_type", "{file} is not a JPEG or PNG photo.",
                              file=filename) from None
    return out.getvalue()


def prepare(paths: Iterable[str | Path]) -> list[Prepared]:
    """Read and check the files (outside any transaction: reading a file never holds the
    database)."""
    return [Prepared(name, kind, content, thumbnail(name, content))
            for name, kind, content in read_photos(paths)]


def preview(db, actor, paths: Iterable[str | Path]) -> list[tuple[str, bytes]]:
    """(path, thumbnail) of each file chosen at the check-in, refused as the check-in would
    refuse it: the advisor learns at once, not at F9. Reads no table."""
    paths = [str(p) for p in paths]
    return [(path, p.thumbnail) for path, p in zip(paths, prepare(paths))]


def attach(s, actor, work_order_id: int, photos: Iterable[Prepared]) -> int:
    """Inside the caller's transaction (the check-in's); the number attached."""
    rows = [CheckinPhoto(work_order_id=work_order_id, filename=p.filename,
                         media_type=p.media_type, content=p.content, thumbnail=p.thumbnail,
                         taken_by_id=actor.id) for p in photos]
    s.add_all(rows)
    return len(rows)


def _thumbs(s, *where, limit: int | None = None) -> tuple[PhotoThumb, ...]:
    rows = s.execute(select(CheckinPhoto.id, CheckinPhoto.work_order_id, WorkOrder.number,
                            CheckinPhoto.filename, CheckinPhoto.created_at,
                            CheckinPhoto.thumbnail)
                     .join(WorkOrder, WorkOrder.id == CheckinPhoto.work_order_id)
                     .where(*where).order_by(CheckinPhoto.id.desc()).limit(limit)).all()
    return tuple(PhotoThumb(*row) for row in rows)


def order_photos(db, actor, work_order_id: int) -> tuple[PhotoThumb, ...]:
    """The order's check-in photos, newest first (thumbnails)."""
    with db.reading() as s:
        permissions.require(s, actor, "customer.read")
        return _thumbs(s, CheckinPhoto.work_order_id == work_order_id,
                       WorkOrder.store_id == actor.store_id)


def vehicle_photos(s, vehicle_id: int) -> tuple[PhotoThumb, ...]:
    """The car's newest check-in photos, inside the vehicle file's read."""
    return _thumbs(s, WorkOrder.vehicle_id == vehicle_id, limit=VEHICLE_PHOTOS)


def photo(db, actor, photo_id: int) -> Photo:
    """One photo in full, for the viewer."""
    with db.reading() as s:
        permissions.require(s, actor, "customer.read")
        row = s.execute(select(CheckinPhoto).join(WorkOrder, WorkOrder.id ==
                                                  CheckinPhoto.work_order_id)
                        .where(CheckinPhoto.id == photo_id,
                               WorkOrder.store_id == actor.store_id)).scalar_one_or_none()
        if row is None:
            raise NotFound(what="Photo", key=photo_id)
        return Photo(row.id, row.filename, row.media_type, row.content)
