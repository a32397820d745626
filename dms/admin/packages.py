"""A maintenance package's items: the labour operations it is done with (a quantity of 1 is the
operation's standard hours once; 2 is twice) and the parts it uses, with their quantities, in
the order the estimate adds them (`dms.workshop.desk.add_package`). Saving replaces the items
as one audited transaction ("catalogue.edit"); a code that is not in the store's catalogue, a
quantity that is not a positive number, or a package with no labour is refused whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select

from dms import audit, validators
from dms.admin import Changed
from dms.errors import NotFound, ValidationError
from dms.models import LabourOperation, MaintenancePackage, MaintenancePackageItem, Part
from dms.permissions import require

KINDS = ("labour", "part")
MAX_ITEMS = 50


@dataclass(frozen=True)
class PackageItem:
    kind: str  # labour | part
    code: str
    name: str
    qty: Decimal


def _package(s, actor, package_id: int) -> MaintenancePackage:
    package = s.get(MaintenancePackage, package_id)
    if package is None or package.store_id != actor.store_id:
        raise NotFound(what="Package", key=package_id)
    return package


def package_items(db, actor, package_id: int) -> tuple[PackageItem, ...]:
    with db.reading() as s:
        require(s, actor, "admin.read")
        _package(s, actor, package_id)
        return tuple(PackageItem(i.kind, i.code, i.name, i.qty) for i in s.scalars(
            select(MaintenancePackageItem).where(MaintenancePackageItem.package_id == package_id)
            .order_by(MaintenancePackageItem.id)))


def find_items(db, actor, text: str, limit: int = 10) -> tuple[PackageItem, ...]:
    """Labour operations, then parts, whose code starts with or whose name holds `text`
    (quantity 1): what the package editor's add field offers."""
    text = (text or "").strip()
    if not text:
        return ()
    found: list[PackageItem] = []
    with db.reading() as s:
        require(s, actor, "admin.read")
        for kind, model in (("labour", LabourOperation), ("part", Part)):
            match = or_(func.upper(model.code).startswith(text.upper(), autoescape=True),
                        model.name.contains(text, autoescape=True))
            found += [PackageItem(kind, code, name, Decimal("1")) for code, name in s.execute(
                select(model.code, model.name).where(model.store_id == actor.store_id, match)
                .order_by(model.code).limit(limit - len(found)))]
            if len(found) >= limit:
                break
    return tuple(found)


def _names(s, store_id: int, model, codes: set[str]) -> dict[str, str]:
    return dict(s.execute(select(model.code, model.name).where(
        model.store_id == store_id, model.code.in_(codes))).all()) if codes else {}


def set_package_items(db, actor, package_id: int, items) -> Changed:
    """Replace the package's items with `items`: (kind, code, qty) in order, each code once."""
    wanted = []
    for kind, code, qty in items:
        if kind not in KINDS:
            raise ValidationError("package.kind", "Unknown item kind {kind}.", kind=kind)
        code = validators.limited_text(code, "package.code", 40, field="code")
        qty = validators.number(qty, "package.qty", "qty", places=2,
                                maximum=validators.MAX_QUANTITY, allow_minimum=False)
        wanted.append((kind, code, qty))
    if len({(k, c) for k, c, _ in wanted}) != len(wanted):
        raise ValidationError("package.twice", "An item is in the package twice.")
    if not any(k == "labour" for k, _, _ in wanted) or len(wanted) > MAX_ITEMS:
        raise ValidationError("package.items", "A package has 1 to {limit} items, at least one "
                              "of them labour.", limit=MAX_ITEMS)
    with db.transaction() as s:
        require(s, actor, "catalogue.edit")
        package = _package(s, actor, package_id)
        names = {"labour": _names(s, actor.store_id, LabourOperation,
                                  {c for k, c, _ in wanted if k == "labour"}),
                 "part": _names(s, actor.store_id, Part, {c for k, c, _ in wanted if k == "part"})}
        missing = [c for k, c, _ in wanted if c not in names[k]]
        if missing:
            raise ValidationError("package.unknown_code", "Not in the store's catalogue: {codes}.",
                                  codes=", ".join(missing))
        before = [(i.kind, i.code, str(i.qty)) for i in sorted(package.items, key=lambda i: i.id)]
        package.items.clear()
        s.flush()  # the old rows go before the new ones take the next ids (their order)
        package.items.extend(MaintenancePackageItem(kind=k, code=c, name=names[k][c], qty=q)
                             for k, c, q in wanted)
        s.flush()
        audit.record(s, actor, "maintenance_package", package.id, "package_items_saved",
                     before=before, after=[(k, c, str(q)) for k, c, q in wanted])
        return Changed("maintenance_package", package.id)
