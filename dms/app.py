"""Composition root: settings, database, QApplication, font, translators, login, main window.

Everything the screens need is created here and handed down; `dms/ui` never builds a database
or reads the settings file itself.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtWidgets import QApplication

from dms import housekeeping
from dms.changes import ChangeFeed
from dms.db import Database, load_settings, save_settings
from dms.errors import ConfigError, DomainError
from dms.ui import excepthook, fonts, i18n
from dms.ui.live import LiveUpdates
from dms.ui.login import LoginDialog
from dms.ui.main_window import MainWindow
from dms.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class FileSettingsStore:
    """The settings file (`dms.db.load_settings`/`save_settings`) as the UI's settings store."""

    def load(self) -> dict:
        try:
            return load_settings()
        except ConfigError as exc:
            log.warning("%s", exc.text())
            return {}

    def save(self, settings: dict) -> None:
        save_settings(settings)


def create_main_window(db: object, user: Any, runner: TaskRunner | None = None,
                       settings_store: Any = None) -> MainWindow:
    """The main window for a signed-in `user` (also used by tests and the screenshot script)."""
    return MainWindow(db, user, runner or TaskRunner(), settings_store)


class AppSession(QObject):
    """Login dialog first; on success the main window. Emits nothing: it just owns both."""

    def __init__(self, db: object, runner: TaskRunner, settings_store: Any = None,
                 username: str = ""):
        super().__init__()
        self.db = db
        self.runner = runner
        self.settings_store = settings_store
        self.login = LoginDialog(db, runner, username=username)
        self.login.signed_in.connect(self._on_signed_in)
        self.window: MainWindow | None = None

    def start(self) -> None:
        self.login.show()

    @Slot(object)
    def _on_signed_in(self, user: object) -> None:
        # Shown before the dialog closes, so there is always a visible window and the
        # application does not quit on "last window closed" in between.
        self.window = create_main_window(self.db, user, self.runner, self.settings_store)
        self.live = LiveUpdates(ChangeFeed(self.db), self)
        self.live.changed.connect(self.window.lookup.on_changes)
        self.window.show()
        self.window.activateWindow()


def _setup_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def run_housekeeping(db: Database) -> None:
    """What expired (no-show appointments, abandoned estimates, read change log) is released;
    at start and, from the window, hourly. Best effort: a server that cannot be reached now
    is reported by the sign-in as usual, and the next run catches up."""
    try:
        done = housekeeping.run(db)
    except DomainError as exc:
        log.warning("housekeeping skipped: %s", exc)
        return
    log.info("housekeeping: %d no-shows, %d expired estimates released, %d change rows pruned",
             len(done.no_shows), len(done.estimates_released), done.changes_pruned)


def run(db: Database, argv: list[str] | None = None) -> int:
    """Start the desktop application on `db` (disposed of at the end); the exit code."""
    _setup_logging()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("dms")
    app.setApplicationName("dms")
    excepthook.install()

    store = FileSettingsStore()
    settings = store.load()
    fonts.register_cjk_font(settings)
    i18n.install_translators(i18n.choose_language(settings))

    run_housekeeping(db)
    runner = TaskRunner()
    session = AppSession(db, runner, store)
    session.login.rejected.connect(app.quit)
    try:
        session.start()
        code = app.exec()
        # Quitting can leave a second Quit event queued (explicit quit plus "last window
        # closed"); handled later it would end every event loop run after this one.
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    finally:
        runner.shutdown()
        db.dispose()
    return code
