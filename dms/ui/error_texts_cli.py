"""Error texts of the command line itself (`dms/cli_errors.py`): argparse's complaints, files,
pipes, interrupts and bugs. Part of `dms.ui.messages`, which explains the rules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def templates() -> dict[str, str | tuple[str, ...]]:
    return {
        "cli.usage": QCoreApplication.translate("Messages", "{problem} (see dms --help)"),
        "cli.bad_date": QCoreApplication.translate(
            "Messages", "{argument}: \u201c{value}\u201d is not a date; write it as YYYY-MM-DD."),
        "cli.bad_choice": QCoreApplication.translate(
            "Messages", "{argument}: \u201c{value}\u201d is not one of {choices}."),
        "cli.bad_value": QCoreApplication.translate(
            "Messages", "{argument}: \u201c{value}\u201d is not a valid value."),
        "cli.needs_value": QCoreApplication.translate("Messages", "{argument} needs a value."),
        "cli.missing_arguments": QCoreApplication.translate(
            "Messages", "Missing: {arguments} (see dms --help)."),
        "cli.unknown_arguments": QCoreApplication.translate(
            "Messages", "Unknown arguments: {arguments} (see dms --help)."),
        "cli.no_such_path": QCoreApplication.translate(
            "Messages", "{path}: the file or folder does not exist."),
        "cli.permission": QCoreApplication.translate("Messages", "{path}: permission denied."),
        "cli.is_directory": QCoreApplication.translate(
            "Messages", "{path} is a folder, not a file."),
        "cli.not_directory": QCoreApplication.translate(
            "Messages", "{path}: part of the path is a file, not a folder."),
        "cli.disk_full": QCoreApplication.translate("Messages", "{path}: the disk is full."),
        "cli.read_only": QCoreApplication.translate("Messages", "{path}: the disk is read-only."),
        "cli.os_error": QCoreApplication.translate("Messages", "Cannot use {path}: {reason}"),
        "cli.broken_pipe": QCoreApplication.translate(
            "Messages", "The output was closed before the command had written all of it."),
        "cli.interrupted": QCoreApplication.translate(
            "Messages", "Interrupted: the step in progress was not saved."),
        "cli.unexpected": QCoreApplication.translate(
            "Messages", "Unexpected error ({error}); details in {log}."),
    }
