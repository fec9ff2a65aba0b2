"""Start the editor: one QApplication, one main window, optionally a file to open."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from .. import __version__


def _platform_guard() -> None:
    """With no display and no platform, QApplication aborts the whole process (docs/QT-NOTES.md)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        raise RuntimeError("no display found (set DISPLAY, or QT_QPA_PLATFORM=offscreen for a headless run)")


def make_application() -> object:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("personamap")
    app.setOrganizationName("personamap")
    app.setApplicationVersion(__version__)
    from .app_icon import install_app_identity

    install_app_identity(app)
    return app


def run(path: Path | None, present: bool = False) -> int:
    """Open the editor window (on `path`) and run until it closes. Returns the exit code."""
    try:
        _platform_guard()
    except RuntimeError as exc:
        from ..terminal import say

        say(f"personamap: the editor cannot start: {exc}", file=sys.stderr)
        return 1
    app = make_application()
    window = open_window(path)
    if path is not None and present and "workshop" in window.features:
        window.features["workshop"].start_present()
    return app.exec()  # type: ignore[attr-defined]


def open_window(path: Path | None) -> Any:
    """The shown main window, on `path` if given (opened before the first show, so the window
    lays out and paints once, with the project). Also what the start-up benchmark measures."""
    from .main_window import MainWindow

    window = MainWindow()
    if path is not None:
        window.open_path(path)
    window.show()
    return window
