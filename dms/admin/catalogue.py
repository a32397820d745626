"""The store's price lists and catalogues: price classes (labour rates), labour operations with
standard hours, maintenance packages (interval and price), membership tiers (fee, validity,
discounts, points threshold) and the workshop's bays (kind, the hours a day each takes, in
use or not: the appointment book's capacity per kind of bay). One table of fields per kind; a record is added or changed as
one audited transaction ("catalogue.edit"), its code unique in the store.

The discount limits per role and the store's other rules are `dms.policy` settings
(`policy.set_setting`); `rules()` lists them with their current values.

A package's items (the labour and parts it contains) are `dms.admin.packages`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from dms import audit, policy
from dms.admin import Changed
from dms.errors import NotFound, ValidationError
from dms.models import Bay, LabourOperation, MaintenancePackage, MembershipTier, PriceClass
from dms.permissions import require
from dms.validators import MAX_AMOUNT, MAX_HOURS, MAX_PERCENT, limited_text, number
from dms.workshop.trades import BAY_KINDS, TRADES


@dataclass(frozen=True)
class Field:
    key: str
    kind: str  # text, money, hours, percent, int, trade, bay_kind, flag, price_class
    limit: int = 0  # text length, or the largest number


@dataclass(frozen=True)
class Kind:
    model: type
    fields: tuple[Field, ...]


KINDS: dict[str, Kind] = {
    "price_class": Kind(PriceClass, (
        Field("code", "text", 10), Field("name", "text", 40), Field("hourly_rate", "money"))),
    "labour_operation": Kind(LabourOperation, (
        Field("code", "text", 20), Field("name", "text", 100), Field("trade", "trade"),
        Field("standard_hours", "hours"), Field("price_class_id", "price_class"))),
    "maintenance_package": Kind(MaintenancePackage, (
        Field("code", "text", 20), Field("name", "text", 60), Field("interval_km", "int", 200_000),
        Field("interval_months", "int", 120), Field("price", "money"))),
    "membership_tier": Kind(MembershipTier, (
        Field("code", "text", 20), Field("name", "text", 40), Field("level", "int", 99),
        Field("validity_months", "int", 120), Field("fee", "money"),
        Field("points_threshold", "int", 10_000_000),
        Field("labour_discount_pct", "percent"), Field("material_discount_pct", "percent"))),
    "bay": Kind(Bay, (
        Field("code", "text", 10), Field("name", "text", 40), Field("kind", "bay_kind"),
        Field("capacity_hours", "hours", 24), Field("active", "flag"))),
}


def _kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise ValidationError("catalogue.kind", "Unknown list {kind}.", kind=kind)
    return KINDS[kind]


def records(db, actor, kind: str) -> tuple[dict, ...]:
    """Every record of the kind in the store, by code: {"id", field: value...}."""
    spec = _kind(kind)
    model = spec.model
    with db.reading() as s:
        require(s, actor, "admin.read")
        rows = s.scalars(select(model).where(model.store_id == actor.store_id)
                         .order_by(model.code)).all()
        return tuple({"id": r.id, **{f.key: getattr(r, f.key) for f in spec.fields}} for r in rows)


def _value(s, actor, field: Field, raw):
    code = "catalogue.value"
    if field.kind == "text":
        return limited_text(raw, "catalogue.text", field.limit, field=field.key)
    if field.kind == "flag":
        if not isinstance(raw, bool):
            raise ValidationError(code, "{field}: {value} is not a valid value.",
                                  field=field.key, value=raw)
        return raw
    if field.kind in ("trade", "bay_kind"):
        if raw not in (TRADES if field.kind == "trade" else BAY_KINDS):
            raise ValidationError(code, "{field}: {value} is not a valid value.",
                                  field=field.key, value=raw)
        return raw
    if field.kind == "price_class":
        found = s.scalar(select(PriceClass.id).where(PriceClass.id == raw,
                                                     PriceClass.store_id == actor.store_id)) \
            if isinstance(raw, int) else None
        if found is None:
            raise ValidationError(code, "{field}: {value} is not a valid value.",
                                  field=field.key, value=raw)
        return found
    places, maximum = {"money": (2, MAX_AMOUNT), "hours": (2, MAX_HOURS),
                       "percent": (2, MAX_PERCENT), "int": (0, Decimal(field.limit))}[field.kind]
    maximum = Decimal(field.limit) if field.limit else maximum
    value = number(raw, code, field.key, places=places, maximum=maximum)
    return int(value) if field.kind == "int" else value


def save(db, actor, kind: str, record_id: int | None, values: dict) -> Changed:
    """Add (`record_id` None) or change one record; `values` has every field of the kind."""
    spec = _kind(kind)
    model = spec.model
    with db.transaction() as s:
        require(s, actor, "catalogue.edit")
        clean = {f.key: _value(s, actor, f, values.get(f.key)) for f in spec.fields}
        taken = s.scalar(select(func.count(model.id)).where(
            model.store_id == actor.store_id, model.code == clean["code"],
            model.id != (record_id or 0)))
        if taken:
            raise ValidationError("catalogue.code_taken", "The code {value} is taken.",
                                  value=clean["code"])
        if record_id is None:
            record = model(store_id=actor.store_id, **clean)
            s.add(record)
            before = None
        else:
            record = s.get(model, record_id)
            if record is None or record.store_id != actor.store_id:
                raise NotFound(what=kind, key=record_id)
            before = {f.key: getattr(record, f.key) for f in spec.fields}
            for key, value in clean.items():
                setattr(record, key, value)
        s.flush()
        audit.record(s, actor, kind, record.id, "catalogue_saved", before=before, after=clean)
        return Changed(kind, record.id)


def rules(db, actor) -> tuple[tuple[str, Decimal], ...]:
    """The store's settings (discount limits per role, refund limit, hold times, the working
    day): (key, value now), in the order of dms.policy.DEFAULTS."""
    with db.reading() as s:
        require(s, actor, "admin.read")
        return tuple((key, policy.value(s, actor.store_id, key)) for key in policy.DEFAULTS)
