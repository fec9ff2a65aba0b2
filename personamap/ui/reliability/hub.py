"""One autosave session per running instance (per data folder): created when the first
window asks for it, finished when the last window closes or the application quits.

A clean finish deletes the session; a finish with unsaved work nobody decided about only
lets go of the lock, so the next start offers that work for recovery.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from ...io import cleanup_orphans
from ...io.autosave import Session, default_root

if TYPE_CHECKING:
    from .autosave import AutosaveTracker

_HUBS: dict[Path, Hub] = {}


class Hub:
    """The session and every window's autosave tracker that writes into it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        clean_orphans(root)
        self.session = Session(root)
        self.trackers: list[AutosaveTracker] = []
        self.finished = False
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.finish)

    def add(self, tracker: AutosaveTracker) -> None:
        self.trackers.append(tracker)

    def remove(self, tracker: AutosaveTracker) -> None:
        """A window closed; the last one to go finishes the session."""
        if tracker in self.trackers:
            self.trackers.remove(tracker)
        if not self.trackers:
            self.finish()

    def unsaved(self) -> bool:
        return any(t.document is not None and t.document.is_modified for t in self.trackers)

    def finish(self) -> None:
        """Quit: last snapshots, then delete the session, or keep it when work is unsaved."""
        if self.finished:
            return
        for tracker in list(self.trackers):
            tracker.snapshot_now()
        self.finished = True
        if self.unsaved():
            self.session.release()
        else:
            self.session.close()
        if _HUBS.get(self.root) is self:
            del _HUBS[self.root]
        app = QApplication.instance()
        if app is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                app.aboutToQuit.disconnect(self.finish)


def hub(root: Path | None = None) -> tuple[Hub, bool]:
    """This instance's hub for `root` (the user's data folder by default), and whether it was
    just created (then the caller offers recovery)."""
    root = root or default_root()
    existing = _HUBS.get(root)
    if existing is not None and not existing.finished:
        return existing, False
    created = Hub(root)
    _HUBS[root] = created
    return created, True


def hubs() -> list[Hub]:
    return list(_HUBS.values())


def clean_orphans(root: Path) -> int:
    """Temp files that crashed snapshot writes left under the autosave root (a running save of
    another instance is spared: cleanup_orphans only takes files older than a few seconds)."""
    removed = len(cleanup_orphans(root))
    try:
        sessions = [p for p in root.glob("session-*") if p.is_dir()]
    except OSError:
        return removed
    for session in sessions:
        removed += len(cleanup_orphans(session))
        try:
            folders = [p for p in session.iterdir() if p.is_dir()]
        except OSError:
            continue
        for folder in folders:
            removed += len(cleanup_orphans(folder))
    return removed
