"""Never lose a workshop's work: autosave into the user's data folder, recovery after a crash,
and a guard that turns an unexpected exception into a snapshot and a dialog
(docs/RELIABILITY.md). `install(window)` wires it all for one window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer

from .autosave import AutosaveTracker
from .crash import CrashGuard, install_hook
from .hub import Hub, hub
from .recovery import Recovery, RecoveryDialog


class Reliability:
    """What `window.features["reliability"]` holds."""

    def __init__(self, window: Any, hub: Hub, offer: bool) -> None:
        self.window = window
        self.hub = hub
        self.autosave = AutosaveTracker(window, hub)
        self.recovery = Recovery(window, hub)
        self.guard: CrashGuard = install_hook()
        self.recovery_dialog: RecoveryDialog | None = None
        if offer:
            QTimer.singleShot(0, window, self.offer_recovery)

    def offer_recovery(self) -> RecoveryDialog | None:
        """Show the recovery dialog (not blocking) if a dead instance left documents."""
        items = self.hub.session.recoverable()
        if not items:
            return None
        self.recovery_dialog = RecoveryDialog(self.window, items, self.recovery)
        self.recovery_dialog.open()
        return self.recovery_dialog


def install(window: Any) -> Reliability:
    found, created = hub()
    return Reliability(window, found, offer=created)
