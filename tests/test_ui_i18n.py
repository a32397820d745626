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


def _text(translation: ET.Element) -> str:
    """The translation, or its plural forms one after another."""
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return "".join(forms) if forms else translation.text or ""


def test_every_message_is_translated():
    found = _messages(TS)
    assert len(found) > 50
    problems = [f"{ctx}: {src!r}" for (ctx, src), tr in found.items()
                if tr is None or not _text(tr).strip()
                or tr.get("type") in ("unfinished", "vanished", "obsolete")]
    assert not problems, "untranslated:\n" + "\n".join(problems)


def test_translations_keep_placeholders_and_mnemonics():
    problems = []
    for (ctx, src), tr in _messages(TS).items():
        text = _text(tr)
        if "%n" in src and "%n" not in text:
            problems.append(f"{ctx}: {src!r} -> {text!r} (%n)")
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{ctx}: {src!r} -> {text!r} (placeholders)")
        if re.search(r"&\w", src) and not re.search(r"&\w", text):
            problems.append(f"{ctx}: {src!r} -> {text!r} (mnemonic)")
    assert not problems, "\n".join(problems)


def test_no_ellipsis_character_in_the_interface():
    """The CJK font draws U+2026 as centred dots ("设置···"): menus and buttons use "..."."""
    found = [f"{ctx}: {src!r} -> {_text(tr)!r}" for (ctx, src), tr in _messages(TS).items()
             if "\u2026" in src + _text(tr)]
    assert not found, "\n".join(found)


def test_english_plurals_come_from_the_en_catalogue(english, qm_dir):
    assert i18n.install_translators("en", qm_dir)
    translate = messages.QCoreApplication.translate
    text = "%n result(s); Enter opens the vehicle file"
    assert translate("SearchPage", text, "", 1) == "1 result; Enter opens the vehicle file"
    assert translate("SearchPage", text, "", 3) == "3 results; Enter opens the vehicle file"
    assert i18n.install_translators("zh_CN", qm_dir)
    assert translate("SearchPage", text, "", 1) == "找到 1 条；回车打开车辆档案"


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
    assert window.settings_action.text() == "设置(&S)..."
    assert "服务顾问" in window.user_label.text()
    assert window.palette_action.text() == "快速打开(&Q)..."


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


def test_settings_refuse_a_font_file_that_does_not_exist(qtbot, english, tmp_path):
    store = MemoryStore({"language": "en"})
    dialog = SettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    missing = tmp_path / "no-such-font.ttc"
    dialog.font_path.setText(str(missing))
    dialog.accept()
    assert store.saved == [] and dialog.isVisible()
    assert dialog.error.isVisible() and str(missing) in dialog.error.text()
    assert dialog.focusWidget() is dialog.font_path
    (font := tmp_path / "font.ttc").write_bytes(b"")
    dialog.font_path.setText(str(font))
    dialog.accept()
    assert store.saved == [{"language": "en", "cjk_font": str(font)}]


def test_the_about_box_names_what_the_window_can_do(qtbot, zh_cn):
    window = MainWindow(object(), USER, TaskRunner(), MemoryStore())
    qtbot.addWidget(window)
    text = window.about_text()
    assert "前台接待" in text and "设置" in text and "dms --help" in text
    assert "结算" not in text.split("命令行")[0]  # no screens promised that are not there


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
