"""Photos at the check-in's walk-around: chosen from files (a camera's card, a phone's
folder), each checked and shrunk off the GUI thread as soon as it is chosen — a file that is
no photo, too large or one too many is refused there, in the message bar, and nothing is
added. The paths go into the check-in's one command (`dms.workshop.desk.check_in`), which
keeps the photos with the order. Del removes the selected photo."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout

from dms.errors import ValidationError
from dms.ui.common.photos import PhotoStrip
from dms.workshop import photos
from dms.workshop.terminal import MAX_PHOTOS


class CheckInPhotos(QGroupBox):
    changed = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.thumbnails: dict[str, bytes] = {}  # path → thumbnail, what a draft keeps
        self.file_dialog: QFileDialog | None = None
        self._task: int | None = None
        self.strip = PhotoStrip("checkInPhotos", removable=True)
        self.strip.setFixedHeight(self.strip.gridSize().height() + 8)
        self.strip.removed.connect(self._removed)
        self.add_button = QPushButton()
        self.add_button.setObjectName("checkInAddPhotos")
        self.add_button.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.strip)

    def paths(self) -> tuple[str, ...]:
        return tuple(self.strip.keys())

    def set_paths(self, paths: tuple[str, ...]) -> None:
        """Show a draft's photos again (their thumbnails are kept)."""
        self.strip.set_photos((p, self.thumbnails.get(p, b""), p) for p in paths)

    @Slot()
    def choose(self) -> None:
        self.file_dialog = QFileDialog(self, self.tr("Photos of the car"))
        self.file_dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        self.file_dialog.setNameFilter(self.tr("Photos (*.jpg *.jpeg *.png)"))
        self.file_dialog.filesSelected.connect(self.add_files)
        self.file_dialog.open()

    @Slot(list)
    def add_files(self, paths: list[str]) -> None:
        new = [p for p in dict.fromkeys(paths) if p not in self.paths()]
        if len(new) + self.strip.count() > MAX_PHOTOS:
            self.ws.message_bar.show_error(ValidationError(
                "added_work.photo_count", "Attach at most {limit} photos.", limit=MAX_PHOTOS))
            return
        if new:
            self._task = self.ws.read(photos.preview, new, on_result=self._previewed,
                                      on_error=self._refused)

    @Slot(int, object)
    def _previewed(self, task_id: int, previews) -> None:
        if task_id != self._task:
            return
        for path, thumbnail in previews:
            if path not in self.paths():
                self.thumbnails[path] = thumbnail
                self.strip.add_photo(path, thumbnail, path)
        self.changed.emit()

    @Slot(int, object)
    def _refused(self, task_id: int, error) -> None:
        if task_id == self._task:
            self.ws.message_bar.show_error(error)

    @Slot(object)
    def _removed(self, _path) -> None:
        self.changed.emit()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Photos (Del removes the selected one)"))
        self.add_button.setText(self.tr("&Add photos..."))
