"""The one place the application asks for the time (tests may patch `now`)."""

from datetime import datetime, timezone


def now() -> datetime:
    return datetime.now(timezone.utc)
