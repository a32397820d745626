"""Composition root: settings, database, QApplication, font, translators, login, main window.

Everything the screens need is created here and handed down; `dms/ui` never builds a database
or reads the settings file itself. The sign-in dialog comes first: what only the signed-in
window needs (its modules, the ORM's mappers) is prepared by a worker while the user types.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

from dms.db import Database, load_settings, save_settings
from dms.errors import ConfigError, DomainError
from dms.migrate import has_store
from dms.ui import excepthook, fonts, i18n
from dms.ui.account_dialogs import FirstStartDialog
from dms.ui.login import LoginDialog
from dms.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from dms.ui.shell.feed import LiveFeed
    from dms.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)
HOUSEKEEPING_MS = 3_600_000  # no-shows and abandoned estimates let go of their stock hourly
READERS = 2  # reader processes for the workspaces' reads (dms.ui.tasks), once the dialog is up


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
    from dms.ui.shell.main_window import MainWindow

    return MainWindow(db, user, runner or TaskRunner(), settings_store)


class AfterFirstPaint(QObject):
    """Calls `then()` once `widget` has been painted for the first time."""

    def __init__(self, widget: QObject, then: Callable[[], None]):
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # The filter runs before the paint; the timer fires once the whole window is drawn.
            QTimer.singleShot(0, self._then)
        return False


def prepare_sign_in() -> None:
    """What the first sign-in needs besides checking the password: the main window's modules
    and the ORM's mapper configuration (together a few hundred ms on a slow PC)."""
    import dms.ui.shell.main_window  # noqa: F401
    from sqlalchemy.orm import configure_mappers

    from dms.ui.frontdesk import workspace  # noqa: F401 (the first workspace everyone opens)

    configure_mappers()


class AppSession(QObject):
    """Login dialog first (on an empty database: the first-start dialog, which signs its new
    manager in); on success the main window; sign out returns to the login dialog. The change
    feed starts with the first sign-in (not before the dialog is painted) and runs for the rest
    of the session, on a thread of its own."""

    def __init__(self, db: object, runner: TaskRunner, settings_store: Any = None,
                 username: str = ""):
        super().__init__()
        self.db = db
        self.runner = runner
        self.settings_store = settings_store
        self.login = LoginDialog(db, runner, username=username)
        self.login.signed_in.connect(self._on_signed_in)
        self.first_start = None if has_store(db) else FirstStartDialog(db, runner)
        if self.first_start is not None:
            self.first_start.done.connect(self._on_signed_in)
        self.window: MainWindow | None = None
        self.live: LiveFeed | None = None
        self._housekeeping = QTimer(self)
        self._housekeeping.setInterval(HOUSEKEEPING_MS)
        self._housekeeping.timeout.connect(self.housekeep)

    def start(self) -> None:
        dialog = self.first_start or self.login
        dialog.show()
        # The dialog first; then, while the user types, the workers prepare the rest and
        # release what expired (again every hour: HOUSEKEEPING_MS).
        AfterFirstPaint(dialog, self._after_first_paint)

    @Slot()
    def _after_first_paint(self) -> None:
        self.runner.start_readers()
        self.runner.submit(prepare_sign_in, on_result=self._ready, on_error=self._prepared)
        self.housekeep()
        self._housekeeping.start()

    @Slot()
    def housekeep(self) -> None:
        self.runner.submit(run_housekeeping, self.db, on_result=self._prepared,
                           on_error=self._prepared)

    @Slot(int, object)
    def _ready(self, _task: int, _outcome: object) -> None:
        # Every module, class and mapper the session needs is loaded now and lives as long as
        # the process: out of the collector's sight, a full collection no longer walks them
        # (without it, one took 50-120 ms while the GIL kept the GUI thread waiting). Once a
        # process: what a later sign-in builds is not permanent.
        if not gc.get_freeze_count():
            gc.freeze()

    @Slot(int, object)
    def _prepared(self, _task: int, outcome: object) -> None:
        if isinstance(outcome, Exception):  # the sign-in meets it again and reports it
            log.warning("Preparing the sign-in failed: %s", outcome)

    @Slot(object)
    def _on_signed_in(self, user: object) -> None:
        # Shown before the dialog closes, so there is always a visible window and the
        # application does not quit on "last window closed" in between.
        self.window = create_main_window(self.db, user, self.runner, self.settings_store)
        if self.live is None:
            from dms.ui.shell.feed import LiveFeed

            self.live = LiveFeed(self.db, self)
        self.live.changed.connect(self.window.bus.collect)
        self.window.signed_out.connect(self._on_signed_out)
        self.window.show()
        self.window.activateWindow()

    @Slot()
    def _on_signed_out(self) -> None:
        window, self.window = self.window, None
        self.login.reset()
        self.login.show()  # before the window closes: never no window at all
        window.close()
        window.deleteLater()

    def close(self) -> None:
        if self.live is not None:
            self.live.close()


# benchmarks/ui.py sets DMS_STARTUP_PROBE=FILE: when the sign-in dialog has been painted for the
# first time, the wall-clock time (time.time(), seconds) is written to FILE and the application
# quits. The only cost without the variable is one environment look-up.
STARTUP_PROBE = "DMS_STARTUP_PROBE"


def _note_startup(path: str) -> None:
    Path(path).write_text(f"{time.time():.6f}\n", encoding="utf-8")
    QCoreApplication.quit()


def _setup_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def run_housekeeping(db: Database) -> None:
    """What expired (no-show appointments, abandoned estimates, read change log) is released;
    in a worker once the first dialog is painted, then hourly. Best effort: a server that cannot be reached now
    is reported by the sign-in as usual, and the next run catches up."""
    from dms import housekeeping  # loads the models: after the first paint, in a worker

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

    runner = TaskRunner(readers=READERS)
    session = AppSession(db, runner, store)
    session.login.rejected.connect(app.quit)
    if session.first_start is not None:
        session.first_start.rejected.connect(app.quit)
    if os.environ.get(STARTUP_PROBE):
        AfterFirstPaint(session.first_start or session.login,
                        lambda: _note_startup(os.environ[STARTUP_PROBE]))
    try:
        session.start()
        code = app.exec()
        # Quitting can leave a second Quit event queued (explicit quit plus "last window
        # closed"); handled later it would end every event loop run after this one.
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    finally:
        session.close()
        runner.close()
        db.dispose()
    return code


def run_lounge(db: Database, store_code: str | None = None,
               argv: list[str] | None = None) -> int:
    """`dms lounge`: the customer lounge board, full screen, with no sign-in (it shows only
    masked plates, steps and times; see dms.workshop.lounge)."""
    from dms.ui.lounge.board import LoungeBoard

    _setup_logging()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    excepthook.install()
    settings = FileSettingsStore().load()
    fonts.register_cjk_font(settings)
    i18n.install_translators(i18n.choose_language(settings))
    runner = TaskRunner()
    board = LoungeBoard(db, runner, store_code)
    board.showFullScreen()
    board.start()
    try:
        return app.exec()
    finally:
        runner.shutdown()
        db.dispose()
