"""PDI 售前检查 of new cars (DESIGN §1 step 1). No Qt.

A new car is inspected against the store's checklist (exterior, interior, engine bay, chassis,
road test; the manager keeps the template), each item ok or failed with what is wrong. The
inspector signs the sheet once every item is checked; a failed item is fixed (by the inspector
or the workshop) before the car may be handed over. The hand-over files the buyer (new or
existing customer), the vehicle and its maintenance plan in the same transaction, so a car
is never handed over without its file.

States: open → signed (inspector) → handed_over (advisor).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select

from dms import audit, clock, validators
from dms.crm.customers import (CustomerIn, VehicleIn, add_customer, add_vehicle, clean_customer,
                               vehicle_values)
from dms.crm.identifiers import check_vin
from dms.db import conflict
from dms.errors import NotFound, ValidationError
from dms.models import Customer, PdiInspection, PdiItem, PdiTemplateItem, User, Vehicle
from dms.numbering import next_number
from dms.permissions import require
from dms.workshop.common import Changed, touch

SECTIONS = ("exterior", "interior", "engine", "chassis", "road")
RESULTS = ("ok", "fail")
# The checklist a store starts with (from the makers' PDI sheets); the manager changes it.
DEFAULT_TEMPLATE = (
    ("exterior", "车身漆面无划痕、凹陷、色差"), ("exterior", "玻璃、后视镜、灯罩完好"),
    ("exterior", "轮胎、轮毂无损伤，胎压正常"), ("exterior", "车门、发动机盖、行李箱开关顺畅"),
    ("interior", "座椅、内饰板、顶棚清洁无损"), ("interior", "仪表、警告灯自检正常"),
    ("interior", "空调、音响、导航功能正常"), ("interior", "随车工具、手册、备胎齐全"),
    ("engine", "机油、冷却液、制动液、玻璃水液位"), ("engine", "蓄电池电压及接线"),
    ("engine", "各管路、线束无渗漏松动"), ("chassis", "底盘无磕碰、无渗漏"),
    ("chassis", "制动、转向系统检查"), ("road", "路试：起步、换挡、制动、异响"),
)


@dataclass(frozen=True)
class TemplateItem:
    seq: int
    section: str
    name: str


@dataclass(frozen=True)
class PdiItemView:
    id: int
    seq: int
    section: str
    name: str
    result: str | None
    note: str | None
    fixed_by: str | None
    fixed_at: datetime | None


@dataclass(frozen=True)
class PdiSheet:
    id: int
    number: str
    vin: str
    brand: str | None
    series: str | None
    model_code: str | None
    colour: str | None
    engine_no: str | None
    mileage: int
    state: str
    version: int
    created_at: datetime
    inspector: str | None
    signed_at: datetime | None
    handed_over_at: datetime | None
    customer_id: int | None
    vehicle_id: int | None
    items: tuple[PdiItemView, ...]

    @property
    def failures(self) -> int:
        return sum(1 for i in self.items if i.result == "fail")

    @property
    def unchecked(self) -> int:
        return sum(1 for i in self.items if i.result is None)


@dataclass(frozen=True)
class PdiRow:
    id: int
    number: str
    vin: str
    model: str
    colour: str | None
    state: str
    created_at: datetime
    checked: int
    items: int
    failures: int


@dataclass(frozen=True)
class HandedOver:
    changed: Changed
    customer_id: int
    vehicle_id: int


def _changed(pdi: PdiInspection, s) -> Changed:
    s.flush()
    return Changed("pdi", pdi.id, pdi.version, pdi.state)


def _load(s, actor, pdi_id: int, expected_version: int | None = None,
          lock: bool = True) -> PdiInspection:
    if lock:
        s.execute(select(PdiInspection.id).where(PdiInspection.id == pdi_id).with_for_update())
    pdi = s.get(PdiInspection, pdi_id)
    if pdi is None or pdi.store_id != actor.store_id:
        raise NotFound(what="PDI", key=pdi_id)
    if expected_version is not None and pdi.version != expected_version:
        raise conflict(s, f"PDI {pdi.number}", pdi)
    return pdi


def _state(pdi: PdiInspection, *allowed: str) -> None:
    if pdi.state in allowed:
        return
    if pdi.state == "open":
        raise ValidationError("pdi.not_signed", "PDI {number} is not signed by the inspector "
                              "yet.", number=pdi.number)
    if pdi.state == "signed":
        raise ValidationError("pdi.signed", "PDI {number} is signed; its results are locked.",
                              number=pdi.number)
    raise ValidationError("pdi.handed_over", "The car of PDI {number} is handed over.",
                          number=pdi.number)


# -- the template ---------------------------------------------------------------------------------

def _template(s, store_id: int) -> list[TemplateItem]:
    rows = s.scalars(select(PdiTemplateItem).where(PdiTemplateItem.store_id == store_id,
                                                   PdiTemplateItem.active.is_(True))
                     .order_by(PdiTemplateItem.seq)).all()
    if not rows:
        return [TemplateItem(n, sec, name) for n, (sec, name) in enumerate(DEFAULT_TEMPLATE, 1)]
    return [TemplateItem(r.seq, r.section, r.name) for r in rows]


def pdi_template(db, actor) -> tuple[TemplateItem, ...]:
    with db.reading() as s:
        require(s, actor, "pdi.read")
        return tuple(_template(s, actor.store_id))


def set_pdi_template(db, actor, items: Iterable[tuple[str, str]]) -> tuple[TemplateItem, ...]:
    """Replace the store's checklist; inspections already started keep their own items."""
    cleaned = []
    for section, name in items:
        if section not in SECTIONS:
            raise ValidationError("pdi.section", "Unknown checklist section {section}.",
                                  section=section)
        cleaned.append((section, validators.limited_text(name, "pdi.item_name", 60)))
    if not cleaned:
        raise ValidationError("pdi.template_empty", "The checklist needs at least one item.")
    if len({name for _, name in cleaned}) != len(cleaned):
        raise ValidationError("pdi.item_twice", "An item is on the checklist twice.")
    with db.transaction() as s:
        require(s, actor, "pdi.template")
        for row in s.scalars(select(PdiTemplateItem).where(
                PdiTemplateItem.store_id == actor.store_id, PdiTemplateItem.active.is_(True))):
            row.active = False
        s.add_all(PdiTemplateItem(store_id=actor.store_id, seq=n, section=sec, name=name)
                  for n, (sec, name) in enumerate(cleaned, 1))
        audit.record(s, actor, "pdi_template", actor.store_id, "replace", items=len(cleaned))
        s.flush()
        return tuple(_template(s, actor.store_id))


# -- the inspection -----------------------------------------------------------------------------

def start_pdi(db, actor, vin: str, brand: str | None = None, series: str | None = None,
              model_code: str | None = None, colour: str | None = None,
              engine_no: str | None = None, mileage=0) -> Changed:
    """A new car arrives for its PDI: a sheet with the store's checklist."""
    checked = check_vin(vin or "", current_year=clock.now().year)
    if checked.errors:
        raise ValidationError("vehicle.vin_invalid", "{vin} is not a valid VIN ({errors}).",
                              vin=checked.vin, errors=", ".join(checked.errors))
    mileage = int(validators.number(mileage or 0, "pdi.mileage", "mileage", places=0,
                                    maximum=validators.MAX_MILEAGE))
    values = validators.column_texts(
        {k: validators.text(v, k) for k, v in dict(brand=brand, series=series,
                                                   model_code=model_code, colour=colour,
                                                   engine_no=engine_no).items()}, PdiInspection)
    with db.transaction() as s:
        require(s, actor, "pdi.inspect")
        if s.scalar(select(Vehicle.id).where(Vehicle.vin == checked.vin)):
            raise ValidationError("pdi.vin_on_file", "VIN {vin} is already on file as a "
                                  "customer's vehicle.", vin=checked.vin)
        earlier = s.scalar(select(PdiInspection.number).where(
            PdiInspection.store_id == actor.store_id, PdiInspection.vin == checked.vin))
        if earlier:
            raise ValidationError("pdi.exists", "VIN {vin} has PDI {number} already.",
                                  vin=checked.vin, number=earlier)
        if values["brand"] is None and checked.manufacturer:
            values["brand"] = checked.manufacturer.zh
        pdi = PdiInspection(store_id=actor.store_id, vin=checked.vin, mileage=mileage,
                            number=next_number(s, actor.store_id, "pdi"), state="open",
                            created_by_id=actor.id, **values)
        s.add(pdi)
        s.flush()
        s.add_all(PdiItem(pdi_id=pdi.id, seq=t.seq, section=t.section, name=t.name)
                  for t in _template(s, actor.store_id))
        audit.record(s, actor, "pdi", pdi.id, "start", vin=pdi.vin, number=pdi.number)
        return _changed(pdi, s)


def pdi_list(db, actor, text: str = "", state: str | None = None, offset: int = 0,
             limit: int = 50) -> list[PdiRow]:
    """The store's PDI sheets, newest first; `text` matches the VIN tail or the number."""
    with db.reading() as s:
        require(s, actor, "pdi.read")
        counts = (select(PdiItem.pdi_id, func.count(PdiItem.id).label("total"),
                         func.count(PdiItem.result).label("checked"),
                         func.sum(case((PdiItem.result == "fail", 1), else_=0)).label("fails"))
                  .group_by(PdiItem.pdi_id).subquery())
        query = (select(PdiInspection, counts.c.total, counts.c.checked, counts.c.fails)
                 .outerjoin(counts, counts.c.pdi_id == PdiInspection.id)
                 .where(PdiInspection.store_id == actor.store_id))
        text = (text or "").strip().upper()
        if text:
            query = query.where((PdiInspection.vin.like(f"%{text}"))
                                | (PdiInspection.number.like(f"%{text}%")))
        if state is not None:
            query = query.where(PdiInspection.state == state)
        rows = s.execute(query.order_by(PdiInspection.id.desc()).offset(offset).limit(limit))
        return [PdiRow(p.id, p.number, p.vin, " ".join(x for x in (p.brand, p.series) if x),
                       p.colour, p.state, p.created_at, checked or 0, items or 0, fails or 0)
                for p, items, checked, fails in rows]


def pdi_sheet(db, actor, pdi_id: int) -> PdiSheet:
    with db.reading() as s:
        require(s, actor, "pdi.read")
        return _sheet(s, _load(s, actor, pdi_id, lock=False))


def _sheet(s, pdi: PdiInspection) -> PdiSheet:
    names = dict(s.execute(select(User.id, User.display_name).where(User.id.in_(
        {pdi.inspector_id, *(i.fixed_by_id for i in pdi.items)} - {None}))).all())
    items = tuple(PdiItemView(i.id, i.seq, i.section, i.name, i.result, i.note,
                              names.get(i.fixed_by_id), i.fixed_at) for i in pdi.items)
    return PdiSheet(pdi.id, pdi.number, pdi.vin, pdi.brand, pdi.series, pdi.model_code,
                    pdi.colour, pdi.engine_no, pdi.mileage, pdi.state, pdi.version,
                    pdi.created_at, names.get(pdi.inspector_id), pdi.signed_at,
                    pdi.handed_over_at, pdi.customer_id, pdi.vehicle_id, items)


def record_results(db, actor, pdi_id: int, results: Mapping[int, tuple[str | None, str | None]],
                   expected_version: int | None = None) -> Changed:
    """The inspector's answers: item id → (ok | fail | None to clear, note); a failed item
    says what is wrong."""
    answers = {}
    for item_id, (result, note) in results.items():
        if result is not None and result not in RESULTS:
            raise ValidationError("pdi.result", "An item is ok or failed.", value=result)
        note = validators.text(note, "note", 200)
        if result == "fail" and note is None:
            raise ValidationError("pdi.fail_note", "Say what is wrong with a failed item.")
        answers[item_id] = (result, note)
    if not answers:
        raise ValidationError("pdi.nothing", "Check at least one item.")
    with db.transaction() as s:
        require(s, actor, "pdi.inspect")
        pdi = _load(s, actor, pdi_id, expected_version)
        _state(pdi, "open")
        items = {i.id: i for i in pdi.items}
        unknown = set(answers) - set(items)
        if unknown:
            raise NotFound(what="PDI item", key=min(unknown))
        for item_id, (result, note) in answers.items():
            items[item_id].result, items[item_id].note = result, note
        touch(pdi, actor)
        audit.record(s, actor, "pdi", pdi.id, "record", items=len(answers),
                     failed=sum(1 for r, _ in answers.values() if r == "fail"))
        return _changed(pdi, s)


def sign_off(db, actor, pdi_id: int, expected_version: int | None = None) -> Changed:
    """The inspector signs the checked sheet; failed items stay to be fixed before hand-over."""
    with db.transaction() as s:
        require(s, actor, "pdi.inspect")
        pdi = _load(s, actor, pdi_id, expected_version)
        _state(pdi, "open")
        unchecked = [i.name for i in pdi.items if i.result is None]
        if unchecked:
            raise ValidationError("pdi.unchecked", "{count} item(s) not checked yet: {items}.",
                                  count=len(unchecked), items="、".join(unchecked[:3]))
        pdi.state, pdi.inspector_id, pdi.signed_at = "signed", actor.id, clock.now()
        touch(pdi, actor)
        audit.record(s, actor, "pdi", pdi.id, "sign", from_state="open", to_state="signed",
                     failed=sum(1 for i in pdi.items if i.result == "fail"))
        return _changed(pdi, s)


def fix_item(db, actor, pdi_id: int, item_id: int, note: str,
             expected_version: int | None = None) -> Changed:
    """A failed item was put right (who and what was done are kept)."""
    note = validators.required_text(note, "pdi.fix_note", "note", 200)
    with db.transaction() as s:
        require(s, actor, "pdi.fix")
        pdi = _load(s, actor, pdi_id, expected_version)
        _state(pdi, "open", "signed")
        item = next((i for i in pdi.items if i.id == item_id), None)
        if item is None:
            raise NotFound(what="PDI item", key=item_id)
        if item.result != "fail":
            raise ValidationError("pdi.not_failed", "{item} did not fail.", item=item.name)
        item.result, item.fixed_by_id, item.fixed_at = "fixed", actor.id, clock.now()
        item.note = f"{item.note} → {note}"[:200]
        touch(pdi, actor)
        audit.record(s, actor, "pdi", pdi.id, "fix", item_id=item.id, note=note)
        return _changed(pdi, s)


def hand_over(db, actor, pdi_id: int, plate: str | None = None, customer_id: int | None = None,
              customer: CustomerIn | None = None, purchase_date: date | None = None,
              selling_dealer: str | None = None, confirm_vin_warning: bool = False,
              confirm_duplicate: bool = False,
              expected_version: int | None = None) -> HandedOver:
    """The signed car goes to its buyer: the customer (an existing one, or `customer` filed
    now), the vehicle file and its maintenance plan, all in one transaction."""
    if (customer_id is None) == (customer is None):
        raise ValidationError("pdi.buyer", "Name the buyer: an existing customer or a new one.")
    new_customer = clean_customer(customer) if customer is not None else None
    with db.transaction() as s:
        require(s, actor, "pdi.hand_over")
        pdi = _load(s, actor, pdi_id, expected_version)
        _state(pdi, "signed")
        open_items = [i.name for i in pdi.items if i.result == "fail"]
        if open_items:
            raise ValidationError("pdi.failures_open", "Fix before the hand-over: {items}.",
                                  items="、".join(open_items))
        if new_customer is not None:
            customer_id = add_customer(s, actor, new_customer, confirm_duplicate).id
        elif s.scalar(select(Customer.store_id).where(Customer.id == customer_id)) != actor.store_id:
            raise NotFound(what="Customer", key=customer_id)
        bought = purchase_date or clock.now().astimezone().date()
        data = VehicleIn(customer_id=customer_id, vin=pdi.vin, plate=plate, brand=pdi.brand,
                         series=pdi.series, model_code=pdi.model_code, colour=pdi.colour,
                         engine_no=pdi.engine_no, purchase_date=bought,
                         purchase_mileage=pdi.mileage, selling_dealer=selling_dealer)
        values, insurance = vehicle_values(data)
        vehicle = add_vehicle(s, actor, data, values, insurance, confirm_vin_warning,
                              confirm_duplicate)
        pdi.state, pdi.handed_over_at, pdi.handed_over_by_id = ("handed_over", clock.now(),
                                                                actor.id)
        pdi.customer_id, pdi.vehicle_id = customer_id, vehicle.id
        touch(pdi, actor)
        audit.record(s, actor, "pdi", pdi.id, "hand_over", from_state="signed",
                     to_state="handed_over", customer_id=customer_id, vehicle_id=vehicle.id)
        return HandedOver(_changed(pdi, s), customer_id, vehicle.id)
