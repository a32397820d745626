"""The parts catalogue: what a scan or a typed code means, and catalogue searches."""

from __future__ import annotations

import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from dms.errors import NotFound
from dms.models import Part, PartBarcode


def normalise_scan(text: str) -> str:
    """What a USB scanner (a keyboard wedge) typed, made comparable: full-width characters
    from a Chinese input method become ASCII (NFKC), case and surrounding blanks are dropped."""
    return unicodedata.normalize("NFKC", text or "").strip().upper()


def part_for_scan(s: Session, store_id: int, text: str) -> Part:
    """The part a scanned barcode or a typed part code stands for, or NotFound."""
    key = normalise_scan(text)
    part = s.scalars(select(Part).join(PartBarcode, PartBarcode.part_id == Part.id)
                     .where(PartBarcode.store_id == store_id, PartBarcode.barcode == key)).first()
    if part is None:
        part = s.scalars(select(Part).where(Part.store_id == store_id, Part.code == key)).first()
    if part is None:
        raise NotFound("part.unknown_scan", "No part has the barcode or code {key}.", key=key)
    return part
