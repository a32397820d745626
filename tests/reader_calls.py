"""Calls for tests/test_ui_readers.py that a reader process must import by name (the test
puts this folder on the reader's PYTHONPATH)."""

import os
import threading


def stuck_in_a_reader(window_pid: int) -> int:
    """Never returns in a reader process (the test ends it); in the window's, its pid."""
    if os.getpid() != window_pid:
        threading.Event().wait()
    return os.getpid()


def unpicklable_error() -> None:
    raise ValueError("a closure", lambda: None)
