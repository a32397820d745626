"""A store's configurable rules, kept in the database so every seat applies the same ones:
how far each role may discount by hand, above which refund a manager approves, how long stock
stays held for a no-show appointment or an abandoned estimate. No Qt.

A store without a row for a key uses the default here; the manager changes one with
`set_setting` (one transaction, audited).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from dms import audit
from dms.errors import ValidationError
from dms.models import StoreSetting
from dms.permissions import require

# Manual discount limits in percent, per role ("discount_limit.<role>"); a role without one
# gives no manual discount of its own.
DEFAULTS: dict[str, Decimal] = {
    "discount_limit.advisor": Decimal("10"),
    "discount_limit.manager": Decimal("100"),
    "refund_approval_limit": Decimal("500.00"),  # yuan; above it a manager approves
    "hold_hours.no_show": Decimal("24"),  # after the booked time
    "hold_hours.estimate": Decimal("72"),  # after the estimate's valid_until
    "workday_hours": Decimal("8"),  # a technician's working day, for utilisation
    "tool_loan_hours": Decimal("10"),  # a tool not back after this is overdue (a shift and some)
}


def value(s, store_id: int, key: str) -> Decimal:
    row = s.scalar(select(StoreSetting.value).where(StoreSetting.store_id == store_id,
                                                    StoreSetting.key == key))
    return Decimal(row) if row is not None else DEFAULTS.get(key, Decimal(0))


def discount_limit(s, actor) -> Decimal:
    """The largest manual discount the actor's roles allow, in percent."""
    return max((value(s, actor.store_id, f"discount_limit.{role}") for role in actor.roles),
               default=Decimal(0))


def set_setting(db, actor, key: str, new_value) -> Decimal:
    """The manager changes one rule of the store."""
    if key not in DEFAULTS:
        raise ValidationError("setting.unknown", "Unknown setting {key}.", key=key)
    try:
        number = Decimal(str(new_value)) if not isinstance(new_value, float) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number < 0 or (
            key.startswith("discount_limit.") and number > 100):
        raise ValidationError("setting.value", "{value} is not a valid value for {key}.",
                              value=new_value, key=key)
    with db.transaction() as s:
        require(s, actor, "setting.edit")
        row = s.scalars(select(StoreSetting).where(StoreSetting.store_id == actor.store_id,
                                                   StoreSetting.key == key)).first()
        if row is None:
            row = StoreSetting(store_id=actor.store_id, key=key, value="")
            s.add(row)
        before, row.value = row.value or None, format(number, "f")
        s.flush()
        audit.record(s, actor, "store_setting", row.id, "set_setting", key=key, before=before,
                     after=row.value)
    return number
