"""Words and formats the screens share: state names, business types, payers, channels, money
and dates. State names come from the error vocabulary (one translation for each state)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from dms.ui import error_words


def _t(text: str) -> str:
    return QCoreApplication.translate("Words", text)


def state_name(state: str | None) -> str:
    return "" if state is None else error_words.states().get(state, state)


def business_types() -> dict[str, str]:
    return {"maintenance": _t("Maintenance"), "repair": _t("General repair"),
            "body_paint": _t("Body and paint"), "warranty": _t("Warranty claim"),
            "insurance": _t("Insurance claim"), "internal": _t("Internal")}


def payers() -> dict[str, str]:
    return {"customer": _t("Customer"), "insurance": _t("Insurance"),
            "warranty": _t("Warranty"), "internal": _t("Internal")}


def channels() -> dict[str, str]:
    return {"phone": _t("Phone"), "app": _t("App"), "wechat": _t("WeChat"),
            "walk_in": _t("Walk-in")}


def severities() -> dict[str, str]:
    return {"low": _t("Low"), "medium": _t("Medium"), "high": _t("High")}


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
