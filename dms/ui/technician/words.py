"""The terminal's and the lounge's words: job states, parts status, pause reasons, tool
statuses, PDI results (each translated once, here)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name pyside6-lupdate extracts from


def job_states() -> dict[str, str]:
    return {"waiting": translate("TechWords", "To do"),
            "in_progress": translate("TechWords", "In progress"),
            "done": translate("TechWords", "Done"), "rework": translate("TechWords", "Rework")}


def parts_states() -> dict[str, str]:
    return {"none": translate("TechWords", "No parts"),
            "issued": translate("TechWords", "All issued"),
            "waiting": translate("TechWords", "Waiting")}


def pause_reasons() -> dict[str, str]:
    return {"waiting_parts": translate("TechWords", "waiting for parts"),
            "waiting_approval": translate("TechWords", "waiting for approval")}


def tool_statuses() -> dict[str, str]:
    return {"available": translate("TechWords", "On the shelf"),
            "out": translate("TechWords", "Checked out"),
            "damaged": translate("TechWords", "Damaged"),
            "maintenance": translate("TechWords", "In maintenance")}


def tool_kinds() -> dict[str, str]:
    return {"tool": translate("TechWords", "Tool"),
            "equipment": translate("TechWords", "Equipment")}


def trades() -> dict[str, str]:
    return {"maintenance": translate("TechWords", "Maintenance"),
            "mechanical": translate("TechWords", "Mechanical"),
            "electrical": translate("TechWords", "Electrical"),
            "body": translate("TechWords", "Body"), "paint": translate("TechWords", "Paint")}
