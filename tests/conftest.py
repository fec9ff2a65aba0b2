"""Test setup: Qt runs offscreen, and nothing a test does touches the user's real folders."""

from __future__ import annotations

import os

# Before any Qt import: with no display and no platform, QApplication aborts the process.
os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM_FOR_TESTS") or "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")

import sys

import pytest


@pytest.fixture(autouse=True)
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point settings, autosave and recent files at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    # Qt reads the settings folder once per process: re-point it for each test, or settings
    # (recent files, theme) written by one test would leak into the next.
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        for fmt in (qtcore.QSettings.Format.NativeFormat, qtcore.QSettings.Format.IniFormat):
            qtcore.QSettings.setPath(fmt, qtcore.QSettings.Scope.UserScope, str(home / ".config"))
