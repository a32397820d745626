"""Translations: the zh_CN catalogue is complete and switching the language changes the screens."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from builders import qt_tool
from dms.auth import CurrentUser
from dms.errors import AuthError
from dms.ui import i18n, messages
from dms.ui.login import LoginDialog
from dms.ui.shell.main_window import MainWindow
from dms.ui.settings_dialog import SettingsDialog
from dms.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "dms_zh_CN.ts"
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "dms" / "ui").rglob("*.py")) + [
    "dms/app.py"]
PLACEHOLDER = re.compile(r"\{\w*\}")
USER = CurrentUser(id=1, username="advisor1", display_name="王顾问", store_id=1,
                   store_name="北京现代示范店", roles=frozenset({"advisor"}))


@pytest.fixture
def english(qapp):
    i18n.remove_translators()
    yield
    i18n.remove_translators()


class MemoryStore:
    def __init__(self, settings=None):
        self.settings = dict(settings or {})
        self.saved = []

    def load(self):
        return dict(self.settings)

    def save(self, settings):
        self.settings = dict(settings)
        self.saved.append(dict(settings))


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name"), msg.findtext("source")): msg.find("translation")
            for ctx in root.iter("context") for msg in ctx.iter("message")}


def test_every_message_is_translated():
    found = _messages(TS)
    assert len(found) > 50
    problems = [f"{ctx}: {src!r}" for (ctx, src), tr in found.items()
                if tr is None or not (tr.text or "").strip()
                or tr.get("type") in ("unfinished", "vanished", "obsolete")]
    assert not problems, "untranslated:\n" + "\n".join(problems)


def test_translations_keep_placeholders_and_mnemonics():
    problems = []
    for (ctx, src), tr in _messages(TS).items():
        text = tr.text or ""
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{ctx}: {src!r} -> {text!r} (placeholders)")
        if re.search(r"&\w", src) and not re.search(r"&\w", text):
            problems.append(f"{ctx}: {src!r} -> {text!r} (mnemonic)")
    assert not problems, "\n".join(problems)


def test_catalogue_matches_the_source_code(tmp_path):
    """Every tr() string in the code is in the .ts, and the .ts has nothing stale."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(qt_tool("pyside6-lupdate")), *SOURCES, "-no-obsolete", "-ts", str(fresh)],
                   cwd=ROOT, check=True, capture_output=True)
    in_code, in_ts = set(_messages(fresh)), set(_messages(TS))
    assert not in_code - in_ts, f"not in {TS.name}: {sorted(in_code - in_ts)}"
    assert not in_ts - in_code, f"stale in {TS.name}: {sorted(in_ts - in_code)}"


def test_choose_language():
    assert i18n.choose_language({"language": "zh_CN"}) == "zh_CN"
    assert i18n.choose_language({"language": "en"}) == "en"
    assert i18n.choose_language({"language": "xx"}) in i18n.LANGUAGES
    assert i18n.choose_language({}) == i18n.system_language()


def test_switching_to_chinese_retranslates_the_front_desk(qtbot, english, qm_dir):
    window = MainWindow(object(), USER, TaskRunner(), MemoryStore())
    qtbot.addWidget(window)
    window.show()
    search = window.workspace("frontdesk").search_page
    assert search.search.placeholderText() == (
        "Plate, VIN, phone, name, work order or invoice number")
    assert search.model.headerData(0, Qt.Orientation.Horizontal) == "Plate"
    assert window.tab_bar.tabText(0) == "Front desk"
    assert i18n.install_translators("zh_CN", qm_dir)
    qtbot.waitUntil(lambda: search.search.placeholderText() == "车牌号、VIN 码、电话、姓名、工单号或发票号")
    assert search.model.headerData(0, Qt.Orientation.Horizontal) == "车牌号"
    assert window.tab_bar.tabText(0) == "前台接待"
    assert search.card.captions["name"].text() == "姓名"
    i18n.remove_translators()
    qtbot.waitUntil(lambda: window.tab_bar.tabText(0) == "Front desk")


def test_main_window_in_chinese(qtbot, zh_cn):
    window = MainWindow(object(), USER, TaskRunner(), MemoryStore())
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "DMS — 北京现代示范店 — 王顾问"
    assert window.file_menu.title() == "文件(&F)"
    assert window.settings_action.text() == "设置(&S)…"
    assert "服务顾问" in window.user_label.text()
    assert window.palette_action.text() == "快速打开(&Q)…"


def test_domain_errors_in_chinese(zh_cn):
    assert messages.error_text(AuthError()) == "用户名或密码错误。"
    assert messages.error_text(AuthError("auth.inactive")) == "该账号已停用，请联系经理启用。"


def test_settings_dialog_saves_and_switches_language(qtbot, english, qm_dir, monkeypatch):
    installed = []
    monkeypatch.setattr(i18n, "install_translators",
                        lambda language, directory=None: installed.append(language) or True)
    store = MemoryStore({"database_url": "sqlite:///x.db", "cjk_font": "/x.ttf"})
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.font_path.text() == "/x.ttf"
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.font_path.clear()
    dialog.accept()
    assert store.saved == [{"database_url": "sqlite:///x.db", "language": "zh_CN"}]
    assert installed == ["zh_CN"]

    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.selected_language() == "zh_CN"
    dialog.language.setCurrentIndex(0)  # system default
    dialog.accept()
    assert store.settings == {"database_url": "sqlite:///x.db"}


def test_wrong_password_message_in_chinese(qtbot, zh_cn, demo_db):
    runner = TaskRunner()
    dialog = LoginDialog(demo_db, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "登录 DMS"
    dialog.username.setText("advisor1")
    dialog.password.setText("wrong")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "用户名或密码错误。"
    assert dialog.isVisible() and dialog.user is None
    runner.shutdown()
