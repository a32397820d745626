"""Layering rules (DESIGN §5): Qt only in the UI tree, no persistence inside it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ast
from pathlib import Path

DMS = Path(__file__).resolve().parents[1] / "dms"
QT_ALLOWED = {DMS / "app.py", DMS / "__main__.py"}
UI = DMS / "ui"
UI_FORBIDDEN = ("sqlalchemy", "dms.models", "dms.db")


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports, `from a import b` counted as both a and a.b."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def _matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_pyside6_is_imported_only_by_the_ui():
    offenders = []
    for path in DMS.rglob("*.py"):
        if path in QT_ALLOWED or UI in path.parents:
            continue
        offenders += [f"{path.relative_to(DMS.parent)}: {name}"
                      for name in imported_modules(path)
                      if _matches(name, "PySide6") or _matches(name, "shiboken6")]
    assert not offenders, "PySide6 outside dms/ui and dms/app.py:\n" + "\n".join(offenders)


def test_ui_has_no_persistence_imports():
    offenders = []
    for path in UI.rglob("*.py"):
        offenders += [f"{path.relative_to(DMS.parent)}: {name}"
                      for name in imported_modules(path)
                      if any(_matches(name, banned) for banned in UI_FORBIDDEN)]
    assert not offenders, "dms/ui must call services, not the database:\n" + "\n".join(offenders)


def test_ui_contains_no_sql():
    keywords = ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", ".execute(", "Session(")
    offenders = [f"{path.relative_to(DMS.parent)}: {word.strip()}"
                 for path in UI.rglob("*.py")
                 for word in keywords if word in path.read_text(encoding="utf-8")]
    assert not offenders, "\n".join(offenders)


def test_the_rules_catch_a_violation(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from sqlalchemy import select\nimport PySide6.QtCore as qc\n"
                      "from dms import db\n", encoding="utf-8")
    names = imported_modules(sample)
    assert any(_matches(n, "sqlalchemy") for n in names)
    assert any(_matches(n, "PySide6") for n in names)
    assert any(_matches(n, "dms.db") for n in names)
