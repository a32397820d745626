"""Photos on screen: a strip of thumbnails and a viewer for one photo in full.

Thumbnails are small JPEGs (from the database, or made off the GUI thread from the files
chosen at the check-in: `dms.workshop.photos.preview`), decoded here in a moment. A full photo
is read and decoded in the read pool (a QImage may be made off the GUI thread; a 12-megapixel
JPEG takes longer than a frame) and only shown here.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListView, QListWidget,
                               QListWidgetItem, QVBoxLayout)

from dms.ui import messages
from dms.workshop import photos

THUMB = QSize(96, 72)
VIEW = QSize(1100, 600)  # a photo fits a 1366×768 screen with the dialog's frame


class PhotoStrip(QListWidget):
    """Thumbnails in a row (wrapping); Enter or a double-click opens one, Del removes one
    where that is allowed."""

    opened = Signal(object)  # the key of the photo
    removed = Signal(object)

    def __init__(self, name: str, removable: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.removable = removable
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(THUMB)
        self.setGridSize(THUMB + QSize(8, 8))
        self.setUniformItemSizes(True)
        self.itemActivated.connect(self._activated)

    def set_photos(self, shown) -> None:
        """`shown`: (key, thumbnail JPEG or PNG bytes, tooltip) of each photo."""
        self.clear()
        for key, thumbnail, tooltip in shown:
            self.add_photo(key, thumbnail, tooltip)

    def add_photo(self, key, thumbnail: bytes, tooltip: str) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(thumbnail)
        item = QListWidgetItem(QIcon(pixmap), "")
        item.setToolTip(tooltip)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(THUMB + QSize(6, 6))
        self.addItem(item)

    def keys(self) -> list:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        self.opened.emit(item.data(Qt.ItemDataRole.UserRole))

    def keyPressEvent(self, event) -> None:
        item = self.currentItem()
        if (self.removable and item is not None
                and (event.matches(QKeySequence.StandardKey.Delete)
                     or event.key() == Qt.Key.Key_Backspace)):
            key = item.data(Qt.ItemDataRole.UserRole)
            self.takeItem(self.row(item))
            self.removed.emit(key)
            return
        super().keyPressEvent(event)


def load_photo(db, actor, photo_id: int) -> tuple[str, QImage]:
    """(file name, the photo decoded and scaled to the viewer) — in the read pool."""
    found = photos.photo(db, actor, photo_id)
    image = QImage.fromData(found.content)
    if image.width() > VIEW.width() or image.height() > VIEW.height():
        image = image.scaled(VIEW, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return found.filename, image


class PhotoViewer(QDialog):
    """One photo in full; it is read when the viewer opens. Esc closes it."""

    def __init__(self, workspace, photo_id: int):
        super().__init__(workspace)
        self.setObjectName("photoViewer")
        self.image = QLabel(self.tr("Loading the photo..."))
        self.image.setObjectName("photoViewerImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(320, 240)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addWidget(buttons)
        self.shown_name: str | None = None
        self._task = workspace.read(load_photo, photo_id, on_result=self._loaded,
                                    on_error=self._failed)

    @Slot(int, object)
    def _loaded(self, task_id: int, found) -> None:
        if task_id != self._task:
            return
        self.shown_name, image = found
        self.setWindowTitle(self.shown_name)
        self.image.setPixmap(QPixmap.fromImage(image))

    @Slot(int, object)
    def _failed(self, task_id: int, error) -> None:
        self.image.setText(messages.error_text(error))
