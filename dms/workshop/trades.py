"""The trades of workshop work (工种) and the kind of bay each is done in: an electrician works
in a mechanical bay. Labour operations, jobs, added work and bookings name a trade; bays have
a kind; the appointment book's capacity and the dispatcher's default bay follow this table."""

from __future__ import annotations

TRADES = ("maintenance", "mechanical", "electrical", "body", "paint")
BAY_KINDS = ("maintenance", "mechanical", "body", "paint")  # the kinds work is booked into
_BAY_OF = {"electrical": "mechanical"}


def bay_kind(trade: str | None) -> str | None:
    """The kind of bay `trade`'s work goes to (None for no trade: a booking that names none
    counts against the store's hours only)."""
    return _BAY_OF.get(trade, trade)
