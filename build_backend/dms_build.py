"""setuptools' build backend, plus PySide6 (for lrelease, see setup.py) when building a wheel.
An editable install compiles nothing, so it does not download the toolkit a second time."""

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F401,F403 - the whole backend interface

LRELEASE = "PySide6-Essentials>=6.8,<6.12"  # the same release as the application's


def get_requires_for_build_wheel(config_settings=None):
    return [*_setuptools.get_requires_for_build_wheel(config_settings), LRELEASE]
