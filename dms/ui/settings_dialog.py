"""Settings dialog: interface language and the CJK font file.

The settings file is read and written through a store handed in by the composition root
(`dms.app` wires `dms.db.load_settings` / `save_settings`), so this module stays free of
persistence code and tests can pass an in-memory store.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from dms.ui import i18n

log = logging.getLogger(__name__)


class SettingsStore(Protocol):
    def load(self) -> dict: ...

    def save(self, settings: dict) -> None: ...


class SettingsDialog(QDialog):
    def __init__(self, store: SettingsStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._store = store
        settings = store.load()

        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        # Language names are written in their own language, so anyone can find theirs.
        self.language.addItem("", "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        index = self.language.findData(settings.get("language", ""))
        self.language.setCurrentIndex(max(index, 0))

        self.font_path = QLineEdit(settings.get("cjk_font", ""))
        self.font_path.setObjectName("settingsFont")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse_font)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_path, 1)
        font_row.addWidget(self.browse)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        self.language_label, self.font_label = QLabel(), QLabel()
        self.language_label.setBuddy(self.language)
        self.font_label.setBuddy(self.font_path)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        form.addRow(self.font_label, font_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.retranslate_ui()

    def selected_language(self) -> str:
        return self.language.currentData() or ""

    @Slot()
    def _browse_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a CJK font"), self.font_path.text(),
            self.tr("TrueType fonts (*.ttf *.ttc)"))
        if path:
            self.font_path.setText(path)

    def accept(self) -> None:
        font = self.font_path.text().strip()
        if font and not Path(font).expanduser().is_file():
            # A wrong path would only show at the next start, as boxes instead of Chinese.
            self.error.setText(self.tr("There is no font file {path}. Choose one with "
                                       "Browse..., or leave the field empty.").format(path=font))
            self.error.show()
            self.font_path.setFocus()
            return
        settings = dict(self._store.load())
        language = self.selected_language()
        for key, value in (("language", language), ("cjk_font", font)):
            if value:
                settings[key] = value
            else:
                settings.pop(key, None)
        self._store.save(settings)
        wanted = language or i18n.system_language()
        if wanted != i18n.current_language():
            i18n.install_translators(wanted)
        super().accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language.setItemText(0, self.tr("System default"))
        self.language_label.setText(self.tr("&Language"))
        self.font_label.setText(self.tr("CJK &font file"))
        self.font_path.setPlaceholderText(
            self.tr("Automatic (WenQuanYi Micro Hei, Microsoft YaHei...)"))
        self.browse.setText(self.tr("Browse..."))
        self.note.setText(self.tr(
            "The language changes when you press OK; a few texts, and the font, "
            "change at the next start."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
