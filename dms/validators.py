"""The bounds on every typed-in or imported value, in one place (DESIGN §10): money, quantities,
hours, mileage, percentages and text, the same on SQLite and PostgreSQL.

Each check takes the raw value, the error `code` its caller has always raised for a malformed
or missing value (so the message a user knows stays) and the `field` it names; a value beyond
the limits is "value.too_large", text "text.too_long" or "text.bad_character", naming the
field. A float is refused like a malformed number: it has already lost the value. Every number
typed in goes through `decimal`; `storable_rows` checks every text before each write.
Overflow, NaN, infinity and "1e400" are validation errors, never an OverflowError or a
database DataError: the limits are far below what the columns hold on either backend.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import inspect

from dms.errors import ValidationError

MAX_AMOUNT = Decimal("100000000")  # ¥100 million: more than any one line a 4S store writes
MAX_QUANTITY = Decimal("100000")  # of one part on one line or movement
MAX_HOURS = Decimal("1000")  # labour hours on one job
MAX_MILEAGE = Decimal(2_000_000)  # km on an odometer
MAX_PERCENT = Decimal(100)
MAX_TEXT = 4000  # a note; shorter limits are the columns' own


def decimal(value, code: str, field: str) -> Decimal:
    """The one number parser: an exact, finite Decimal from a str, int or Decimal. A float, a
    bool, None, NaN, infinity, "1e400" or anything malformed is `code` (the caller's, with
    {value}) naming `field`; never float arithmetic."""
    try:
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):  # float, None
            raise TypeError
        exact = Decimal(value.strip() if isinstance(value, str) else value)
        if not exact.is_finite():
            raise ValueError
    except (TypeError, ValueError, ArithmeticError):
        raise ValidationError(code, "{value!r} is not an exact number.", field=field,
                              value=value) from None
    return exact


def number(value, code: str, field: str, *, places: int, maximum: Decimal,
           minimum: Decimal = Decimal(0), allow_minimum: bool = True,
           exact: bool = False) -> Decimal:
    """An exact Decimal in [minimum, maximum], quantised half-up to `places` (0: whole, no
    fraction accepted; `exact`: more places are refused, not rounded). Malformed or below the
    minimum: `code` (the caller's, with {value}); above the maximum:
    value.too_large, naming `field`.

    Money: places=2, maximum=MAX_AMOUNT (allow_minimum=False for a price or a payment);
    quantities: 3, MAX_QUANTITY; hours: 2, MAX_HOURS; percentages: 2, MAX_PERCENT; mileage:
    0, MAX_MILEAGE."""
    parsed = decimal(value, code, field)
    bounded(parsed, field, maximum, shown=value)  # before quantize: 1e30 would overflow it
    refused = ValidationError(code, "{value} is out of range.", field=field, value=value)
    if parsed < minimum or (parsed == minimum and not allow_minimum):
        raise refused
    rounded = parsed.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded != parsed and (exact or places == 0):  # whole units: km, days
        raise refused
    if rounded == minimum and not allow_minimum:
        raise refused
    return rounded


def bounded(value: Decimal, field: str, maximum: Decimal, *, shown=None) -> Decimal:
    """`value` (already an exact, finite Decimal) unless it is beyond `maximum`; for the
    services that parse their numbers themselves. Call it before quantize, which overflows."""
    if value > maximum:
        raise ValidationError("value.too_large", "{field}: at most {limit}, not {value}.",
                              field=field, limit=maximum, value=value if shown is None else shown)
    return value


def column_texts(values: dict, model) -> dict:
    """Every text in `values` checked against the length of the column of the same name on
    `model` (SQLite would store a longer one that PostgreSQL refuses) and for NUL and lone
    surrogates; returns `values`."""
    for name, value in values.items():
        if isinstance(value, str):
            column = model.__table__.columns.get(name)
            length = getattr(column.type, "length", None) if column is not None else None
            storable(value, name, length or MAX_TEXT)
    return values


def storable_rows(session, _context, _instances) -> None:
    """Before every flush (dms.db): no text of a new or changed row holds NUL or a lone
    surrogate, and none is longer than its column declares. PostgreSQL refuses both with a
    DataError and SQLite stores them, so without this a service that forgot a check would
    differ by backend; the error names the column and the transaction rolls back. A changed
    row's unchanged texts were checked when they were written (or read from the database)."""
    for obj in session.new:
        _storable_texts(obj, obj.__dict__)
    for obj in session.dirty:
        _storable_texts(obj, inspect(obj).committed_state)


def _storable_texts(obj, names) -> None:
    """The texts of `obj` among the attributes `names` (a dict's keys)."""
    lengths = _TEXT_COLUMNS.get(type(obj))
    if lengths is None:
        mapper = getattr(obj, "__mapper__", None)
        if mapper is None:
            return
        lengths = _TEXT_COLUMNS[type(obj)] = {
            attr.key: getattr(attr.columns[0].type, "length", None)
            for attr in mapper.column_attrs}
    values = obj.__dict__
    for name in names:
        value = values.get(name)
        if isinstance(value, str) and name in lengths:
            storable(value, name, lengths[name] or len(value))


_TEXT_COLUMNS: dict[type, dict[str, int | None]] = {}  # model → {attribute: column length}
_UNSTORABLE = re.compile("[\0\ud800-\udfff]")  # NUL, a lone surrogate


def storable(value: str, field: str, limit: int) -> None:
    if clean_text(value) is None:
        raise ValidationError("text.bad_character", "{field} contains a character that cannot "
                              "be stored (a NUL or a broken character).", field=field)
    if len(value) > limit:
        raise ValidationError("text.too_long", "{field}: at most {limit} characters.",
                              field=field, limit=limit)


def clean_text(value: str) -> str | None:
    """None when `value` holds what neither backend can store: NUL or a lone surrogate (from a
    broken paste or a damaged file); else the value."""
    if _UNSTORABLE.search(value):
        return None
    return value


def text(value, field: str, limit: int = MAX_TEXT) -> str | None:
    """Stripped text of at most `limit` characters (the column's), without NUL or lone
    surrogates; empty is None."""
    value = "" if value is None else str(value).strip()
    if not value:
        return None
    storable(value, field, limit)
    return value


def limited_text(value, code: str, limit: int, *, field: str = "text",
                 required: bool = True) -> str | None:
    """text(), where empty (if `required`) or longer than `limit` is the caller's `code`, whose
    text names the limit: "1 to {limit} characters"."""
    checked = "" if value is None else str(value).strip()
    if (required and not checked) or len(checked) > limit:
        raise ValidationError(code, "Enter a text of 1 to {limit} characters.", limit=limit)
    return text(checked, field, limit)


def required_text(value, code: str, field: str, limit: int = MAX_TEXT) -> str:
    """text(), where empty is `code`: the caller's "say why…" error."""
    checked = text(value, field, limit)
    if checked is None:
        raise ValidationError(code, "Enter a text.")
    return checked
