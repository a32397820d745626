"""Signing in through the login dialog opens the main window; a wrong password does not."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from dms import app as app_module
from dms.app import AppSession, create_main_window
from dms.ui import i18n
from dms.ui.login import LoginDialog
from dms.ui.tasks import TaskRunner


class MemoryStore:
    def __init__(self):
        self.settings = {}

    def load(self):
        return dict(self.settings)

    def save(self, settings):
        self.settings = dict(settings)


@pytest.fixture
def session(qtbot, demo_db):
    i18n.remove_translators()  # English source texts
    runner = TaskRunner()
    session = AppSession(demo_db, runner, MemoryStore())
    qtbot.addWidget(session.login)
    session.start()
    yield session
    if session.window is not None:
        session.window.close()
    session.close()
    runner.shutdown()


def _sign_in(qtbot, dialog, username, password):
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def test_advisor_signs_in_and_sees_the_main_window(qtbot, session):
    assert session.login.isVisible() and session.window is None
    _sign_in(qtbot, session.login, "advisor1", "demo123")
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    window = session.window
    qtbot.addWidget(window)
    user = session.login.user
    assert user.username == "advisor1" and "advisor" in user.roles
    assert not session.login.isVisible()
    assert user.store_name in window.windowTitle()
    assert user.display_name in window.windowTitle()
    assert user.display_name in window.user_label.text()
    assert window.current.id == "frontdesk"
    assert window.workspace("frontdesk").search_page.search.placeholderText().startswith("Plate")
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Go", "&Help"]


def test_enter_in_the_password_field_signs_in(qtbot, session):
    qtbot.keyClicks(session.login.username, "advisor2")
    qtbot.keyClick(session.login.username, Qt.Key.Key_Return)
    assert session.login.password.hasFocus() or not session.login.isActiveWindow()
    assert not session.login.error.isVisible()  # Enter in the name field does not submit
    qtbot.keyClicks(session.login.password, "demo123")
    qtbot.keyClick(session.login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.window is not None)
    qtbot.addWidget(session.window)
    assert session.login.user.username == "advisor2"


def test_wrong_password_keeps_the_dialog_open(qtbot, session):
    _sign_in(qtbot, session.login, "advisor1", "not-the-password")
    qtbot.waitUntil(lambda: session.login.error.isVisible())
    assert session.login.error.text() == "Wrong user name or password."
    assert session.login.isVisible()
    assert session.login.password.text() == ""
    assert session.login.username.text() == "advisor1"
    assert session.login.sign_in_button.isEnabled()
    assert session.window is None and session.login.user is None


def test_unknown_user_gets_the_same_message(qtbot, session):
    _sign_in(qtbot, session.login, "nobody", "demo123")
    qtbot.waitUntil(lambda: session.login.error.isVisible())
    assert session.login.error.text() == "Wrong user name or password."
    assert session.window is None


def test_empty_fields_are_checked_before_asking_the_database(qtbot, session):
    qtbot.mouseClick(session.login.sign_in_button, Qt.MouseButton.LeftButton)
    assert session.login.error.isVisible()
    assert session.login.error.text() == "Enter your user name and password."
    assert not session.login.busy


def test_sign_out_and_switch_user_without_quitting(qtbot, session):
    _sign_in(qtbot, session.login, "advisor1", "demo123")
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    first = session.window
    first.sign_out_action.trigger()
    qtbot.waitUntil(lambda: session.login.isVisible() and session.window is None)
    assert session.login.password.text() == "" and session.login.user is None
    session.login.username.clear()
    _sign_in(qtbot, session.login, "care1", "demo123")
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    assert session.window.user.username == "care1" and session.window is not first
    qtbot.addWidget(session.window)


def test_the_empty_field_gets_the_focus(qtbot, session):
    dialog = session.login
    dialog.password.setFocus()
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.focusWidget() is dialog.username  # nothing typed: the user name first
    qtbot.keyClicks(dialog.username, "advisor1")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.focusWidget() is dialog.password
    assert dialog.error.text() == "Enter your user name and password."


def test_second_try_after_a_wrong_password_succeeds(qtbot, session):
    _sign_in(qtbot, session.login, "advisor1", "nope")
    qtbot.waitUntil(lambda: session.login.error.isVisible())
    qtbot.keyClicks(session.login.password, "demo123")
    qtbot.mouseClick(session.login.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.window is not None)
    qtbot.addWidget(session.window)


def test_create_main_window(qtbot, demo_db):
    from dms.auth import authenticate

    user = authenticate(demo_db, "advisor1", "demo123")
    window = create_main_window(demo_db, user, settings_store=MemoryStore())
    qtbot.addWidget(window)
    window.show()
    assert window.settings_action.isEnabled()
    assert window.statusBar().isVisible()
    backend_text = window.db_label.text()
    assert ("SQLite" in backend_text) if demo_db.backend == "sqlite" else (
        "PostgreSQL" in backend_text)
    window.close()


def _close_when_shown(cls, action):
    """Close the first visible top-level `cls` once the event loop shows it."""

    def poll():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, cls) and widget.isVisible():
                getattr(widget, action)()
                return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


@pytest.fixture
def app_run_env(qapp, monkeypatch, tmp_path):
    """dms.app.run touches process-wide state: keep it away from the user's settings."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app_module, "load_settings", lambda: {"language": "en"})
    monkeypatch.setattr(app_module, "save_settings", lambda settings: None)
    font = qapp.font()
    yield
    qapp.setFont(font)
    i18n.remove_translators()


def test_run_ends_when_the_login_is_cancelled(app_run_env, demo_db):
    _close_when_shown(LoginDialog, "reject")
    assert app_module.run(demo_db) == 0


def test_a_password_set_by_someone_else_is_changed_before_the_window_opens(qtbot, session,
                                                                         demo_db):
    from dms import users
    from dms.auth import authenticate

    users.reset_password(demo_db, authenticate(demo_db, "admin", "admin123"), "advisor1",
                         "temporary-1")
    _sign_in(qtbot, session.login, "advisor1", "temporary-1")
    qtbot.waitUntil(lambda: getattr(session.login, "change_password", None) is not None
                    and session.login.change_password.isVisible())
    change = session.login.change_password
    assert session.window is None
    qtbot.keyClicks(change.new, "my own 2026")
    qtbot.keyClicks(change.again, "my own 2027")
    change.submit()
    assert change.error.isVisible() and session.window is None  # the two differ
    change.again.clear()
    qtbot.keyClicks(change.again, "my own 2026")
    change.submit()
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    qtbot.addWidget(session.window)
    assert not session.login.user.must_change_password
    assert authenticate(demo_db, "advisor1", "my own 2026").username == "advisor1"


def test_an_empty_database_offers_its_store_and_first_manager(qtbot, db):
    i18n.remove_translators()
    runner = TaskRunner()
    session = AppSession(db, runner, MemoryStore())
    dialog = session.first_start
    qtbot.addWidget(dialog)
    qtbot.addWidget(session.login)
    session.start()
    assert dialog.isVisible() and not session.login.isVisible()
    for edit, text in ((dialog.store_code, "BJ09"), (dialog.username, "boss"),
                       (dialog.password, "a long secret"), (dialog.again, "a long secret")):
        qtbot.keyClicks(edit, text)
    dialog.store_name.setText("北京九店")  # keyClicks types ASCII only
    dialog.submit()
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    qtbot.addWidget(session.window)
    assert session.window.user.roles == {"manager"}
    session.window.close()
    runner.shutdown()
