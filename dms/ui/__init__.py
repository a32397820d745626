"""PySide6 user interface: windows, widgets, Qt item models, dialogs, task runner, i18n.

Nothing outside this package (and the composition root `dms/app.py`) imports Qt, and nothing
in it touches the database except through service functions run by `dms.ui.tasks`.
"""
