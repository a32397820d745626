"""Words and formats the screens share: state names, business types, payers, channels, money
and dates. State names come from the error vocabulary (one translation for each state)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from dms.ui import error_words


translate = QCoreApplication.translate  # the name pyside6-lupdate extracts from


def state_name(state: str | None) -> str:
    return "" if state is None else error_words.states().get(state, state)


def business_types() -> dict[str, str]:
    return {"maintenance": translate("Words", "Maintenance"), "repair": translate("Words", "General repair"),
            "body_paint": translate("Words", "Body and paint"), "warranty": translate("Words", "Warranty claim"),
            "insurance": translate("Words", "Insurance claim"), "internal": translate("Words", "Internal")}


def payers() -> dict[str, str]:
    return {"customer": translate("Words", "Customer"), "insurance": translate("Words", "Insurance"),
            "warranty": translate("Words", "Warranty"), "internal": translate("Words", "Internal")}


def decline_reasons() -> dict[str, str]:
    """Why a customer declined work (`dms.workshop.estimates.DECLINE_REASONS`)."""
    return {"price": translate("Words", "Too expensive"),
            "later": translate("Words", "Next visit"),
            "elsewhere": translate("Words", "Has it done elsewhere"),
            "not_needed": translate("Words", "Does not see the need"),
            "time": translate("Words", "No time today"),
            "other": translate("Words", "Other (say why)")}


def channels() -> dict[str, str]:
    return {"phone": translate("Words", "Phone"), "app": translate("Words", "App"), "wechat": translate("Words", "WeChat"),
            "walk_in": translate("Words", "Walk-in")}


def severities() -> dict[str, str]:
    return {"low": translate("Words", "Low"), "medium": translate("Words", "Medium"), "high": translate("Words", "High")}


def word(vocabulary: dict[str, str], key: str | None) -> str:
    return "" if key is None else vocabulary.get(key, key)


def money(value: Decimal | None) -> str:
    return "" if value is None else f"¥{value:,.2f}"


def day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return value.isoformat()


def when(value: datetime | None) -> str:
    return "" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


def km(value: int | None) -> str:
    return "" if value is None else f"{value:,} km"
