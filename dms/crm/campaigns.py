"""Step 1, campaigns and recalls: a VIN list is imported, the cars on it are flagged at lookup and
at reception until the campaign work is done on them.

A file is read whole before anything is written, and the import is one transaction: invalid
VINs (wrong length, letters I/O/Q…) are reported back and left out, the rest are imported. A bad
check digit is only a warning (imported cars may not carry one, DESIGN §8), so it is imported.
Campaign vehicles are matched by VIN, so a car entered after the import is flagged as well.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from dms import audit, clock, validators
from dms.crm.identifiers import check_vin
from dms.errors import NotFound, ValidationError
from dms.models import Campaign, CampaignVehicle, Vehicle, WorkOrder
from dms.permissions import require

KINDS = ("campaign", "recall")
HEADERS = ("VIN", "车架号", "车辆识别代号", "底盘号")


@dataclass(frozen=True)
class InvalidVin:
    row: int  # 1-based row in the file, as the spreadsheet shows it
    value: str
    errors: tuple[str, ...]  # vin.length, vin.bad_char


@dataclass(frozen=True)
class ImportResult:
    campaign_id: int
    imported: int  # distinct valid VINs
    matched: int  # of which a vehicle is on file
    duplicates: int  # repeated VINs in the file, counted once
    invalid: tuple[InvalidVin, ...]


@dataclass(frozen=True)
class CampaignFlag:
    campaign_id: int
    code: str
    name: str
    kind: str
    description: str | None
    labour_code: str | None
    labour_text: str | None


@dataclass(frozen=True)
class CampaignSummary:
    id: int
    code: str
    name: str
    kind: str
    starts_on: date | None
    ends_on: date | None
    open: int
    done: int


def _cell(value) -> str:
    return "" if value is None else str(value).strip()


def _rows(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            return [[_cell(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    if suffix == ".csv":
        raw = path.read_bytes()
        # Excel in China saves CSV as GBK unless told otherwise; UTF-8 (with BOM) otherwise.
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030", errors="replace")
        return [[_cell(v) for v in row] for row in csv.reader(text.splitlines())]
    raise ValidationError("campaign.file_type", "Import a .xlsx or .csv file, not {name}.",
                          name=path.name)


def read_vins(path: str | Path) -> tuple[list[tuple[int, str]], list[InvalidVin], int]:
    """(valid (row, VIN) in file order, invalid ones, duplicates) from the first sheet or CSV.

    The VIN column is the one headed VIN/车架号 in the first row; without such a header, the
    first column, and the first row is data.
    """
    rows = _rows(Path(path))
    column, start = 0, 0
    if rows:
        for i, title in enumerate(rows[0]):
            if any(h.upper() in title.upper() for h in HEADERS):
                column, start = i, 1
                break
    valid, invalid, seen, duplicates = [], [], set(), 0
    for number, row in enumerate(rows[start:], start=start + 1):
        value = row[column] if column < len(row) else ""
        if not value:
            continue
        check = check_vin(value)
        if not check.is_valid:
            invalid.append(InvalidVin(number, value, check.errors))
        elif check.vin in seen:
            duplicates += 1
        else:
            seen.add(check.vin)
            valid.append((number, check.vin))
    return valid, invalid, duplicates


def import_campaign(db, actor, code: str, name: str, kind: str, path: str | Path,
                    description: str | None = None, *, labour_code: str | None = None,
                    labour_text: str | None = None, starts_on: date | None = None,
                    ends_on: date | None = None) -> ImportResult:
    """Create a campaign or recall from a VIN list; invalid VINs are returned, not imported."""
    code, name = (code or "").strip(), (name or "").strip()
    if not code or not name:
        raise ValidationError("campaign.code_name", "A campaign needs a code and a name.")
    if kind not in KINDS:
        raise ValidationError("campaign.kind", "Unknown campaign kind {kind}.", kind=kind)
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError("campaign.dates", "The campaign ends before it starts.")
    valid, invalid, duplicates = read_vins(path)
    if not valid:
        raise ValidationError("campaign.no_vins", "The file holds no valid VIN ({bad} invalid).",
                              bad=len(invalid))
    with db.transaction() as s:
        require(s, actor, "campaign.import")
        if s.scalar(select(Campaign.id).where(Campaign.store_id == actor.store_id,
                                              Campaign.code == code)) is not None:
            raise ValidationError("campaign.code_exists", "Campaign {campaign} already exists.",
                                  campaign=code)
        campaign = Campaign(store_id=actor.store_id, code=code, name=name, kind=kind,
                            description=validators.text(description, "description"),
                            labour_code=labour_code, labour_text=labour_text,
                            starts_on=starts_on, ends_on=ends_on, created_by_id=actor.id)
        s.add(campaign)
        s.flush()
        vins = [vin for _, vin in valid]
        on_file = {}
        for i in range(0, len(vins), 500):  # stay under the bind-parameter limits
            on_file.update(s.execute(select(Vehicle.vin, Vehicle.id).where(
                Vehicle.store_id == actor.store_id, Vehicle.vin.in_(vins[i:i + 500]))).all())
        s.add_all(CampaignVehicle(campaign_id=campaign.id, vin=vin, vehicle_id=on_file.get(vin))
                  for vin in vins)
        audit.record(s, actor, "campaign", campaign.id, "import", to_state="open", code=code,
                     kind=kind, imported=len(vins), matched=len(on_file),
                     invalid=[i.value for i in invalid])
        return ImportResult(campaign.id, len(vins), len(on_file), duplicates, tuple(invalid))


def _live(today: date):
    return (or_(Campaign.starts_on.is_(None), Campaign.starts_on <= today),
            or_(Campaign.ends_on.is_(None), Campaign.ends_on >= today))


def open_flags(s: Session, store_id: int, vins) -> dict[str, list[CampaignFlag]]:
    """Open, running campaigns per VIN (recalls first), inside the caller's session."""
    vins = list(vins)
    if not vins:
        return {}
    rows = s.execute(
        select(CampaignVehicle.vin, Campaign)
        .join(Campaign, Campaign.id == CampaignVehicle.campaign_id)
        .where(Campaign.store_id == store_id, CampaignVehicle.vin.in_(vins),
               CampaignVehicle.status == "open", *_live(clock.now().astimezone().date()))
        .order_by(Campaign.kind.desc(), Campaign.code)).all()
    flags: dict[str, list[CampaignFlag]] = defaultdict(list)
    for vin, c in rows:
        flags[vin].append(CampaignFlag(c.id, c.code, c.name, c.kind, c.description,
                                       c.labour_code, c.labour_text))
    return flags


def complete_campaign_vehicle(db, actor, campaign_id: int, vehicle_id: int,
                              work_order_id: int) -> int:
    """The campaign work was done on this car by `work_order_id`; it is no longer flagged.
    Returns the campaign vehicle id."""
    with db.transaction() as s:
        require(s, actor, "campaign.complete")
        campaign = s.get(Campaign, campaign_id)
        if campaign is None or campaign.store_id != actor.store_id:
            raise NotFound(what="Campaign", key=campaign_id)
        vehicle = s.get(Vehicle, vehicle_id)
        if vehicle is None or vehicle.store_id != actor.store_id:
            raise NotFound(what="Vehicle", key=vehicle_id)
        order = s.get(WorkOrder, work_order_id)
        if order is None or order.store_id != actor.store_id or order.vehicle_id != vehicle.id:
            raise NotFound(what="Work order", key=work_order_id)
        if order.state == "CANCELLED":
            raise ValidationError("campaign.order_cancelled",
                                  "Work order {number} was cancelled.", number=order.number)
        row = s.scalars(select(CampaignVehicle).where(CampaignVehicle.campaign_id == campaign.id,
                                                      CampaignVehicle.vin == vehicle.vin)
                        .with_for_update()).first()
        if row is None:
            raise ValidationError("campaign.vehicle_not_listed",
                                  "Vehicle {vin} is not in campaign {campaign}.",
                                  vin=vehicle.vin, campaign=campaign.code)
        if row.status == "done":
            raise ValidationError("campaign.already_done",
                                  "Campaign {campaign} was already done on {vin}.",
                                  campaign=campaign.code, vin=vehicle.vin)
        row.status, row.vehicle_id = "done", vehicle.id
        row.done_work_order_id, row.done_at, row.done_by_id = order.id, clock.now(), actor.id
        audit.record(s, actor, "campaign", campaign.id, "vehicle_done", from_state="open",
                     to_state="done", vin=vehicle.vin, work_order_id=order.id)
        s.flush()
        return row.id


def campaigns(db, actor, offset: int = 0, limit: int = 50) -> list[CampaignSummary]:
    """Campaigns of the store, newest first, with open and done counts."""
    with db.reading() as s:
        done = func.sum(case((CampaignVehicle.status == "done", 1), else_=0))
        rows = s.execute(
            select(Campaign, func.count(CampaignVehicle.id), done)
            .outerjoin(CampaignVehicle, CampaignVehicle.campaign_id == Campaign.id)
            .where(Campaign.store_id == actor.store_id)
            .group_by(Campaign.id).order_by(Campaign.created_at.desc(), Campaign.id.desc())
            .offset(offset).limit(limit)).all()
        return [CampaignSummary(c.id, c.code, c.name, c.kind, c.starts_on, c.ends_on,
                                total - (d or 0), d or 0) for c, total, d in rows]
