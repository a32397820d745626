"""Field names as {field} in the bound errors of dms.validators."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def fields() -> dict[str, str]:
    return {
        "amount": QCoreApplication.translate("Messages", "amount"),
        "quantity": QCoreApplication.translate("Messages", "quantity"),
        "hours": QCoreApplication.translate("Messages", "hours"),
        "percentage": QCoreApplication.translate("Messages", "percentage"),
        "mileage": QCoreApplication.translate("Messages", "mileage"),
        "purchase_mileage": QCoreApplication.translate("Messages", "mileage at purchase"),
        "name": QCoreApplication.translate("Messages", "name"),
        "home_phone": QCoreApplication.translate("Messages", "home phone"),
        "office_phone": QCoreApplication.translate("Messages", "office phone"),
        "address": QCoreApplication.translate("Messages", "address"),
        "postcode": QCoreApplication.translate("Messages", "postcode"),
        "employer": QCoreApplication.translate("Messages", "employer"),
        "title": QCoreApplication.translate("Messages", "job title"),
        "email": QCoreApplication.translate("Messages", "e-mail"),
        "notes": QCoreApplication.translate("Messages", "notes"),
        "code": QCoreApplication.translate("Messages", "code"),
        "plate": QCoreApplication.translate("Messages", "plate"),
        "brand": QCoreApplication.translate("Messages", "brand"),
        "series": QCoreApplication.translate("Messages", "series"),
        "model_code": QCoreApplication.translate("Messages", "model code"),
        "engine_no": QCoreApplication.translate("Messages", "engine number"),
        "engine_model": QCoreApplication.translate("Messages", "engine model"),
        "transmission": QCoreApplication.translate("Messages", "transmission"),
        "key_no": QCoreApplication.translate("Messages", "key number"),
        "displacement": QCoreApplication.translate("Messages", "displacement"),
        "colour": QCoreApplication.translate("Messages", "colour"),
        "fuel_type": QCoreApplication.translate("Messages", "fuel"),
        "selling_dealer": QCoreApplication.translate("Messages", "selling dealer"),
        "usage": QCoreApplication.translate("Messages", "usage"),
        "insurer": QCoreApplication.translate("Messages", "insurer"),
        "policy_no": QCoreApplication.translate("Messages", "policy number"),
        "store_code": QCoreApplication.translate("Messages", "store code"),
        "store_name": QCoreApplication.translate("Messages", "store name"),
        "username": QCoreApplication.translate("Messages", "user name"),
        "display_name": QCoreApplication.translate("Messages", "name"),
    }
