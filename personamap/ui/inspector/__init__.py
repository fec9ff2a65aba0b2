"""The inspector: a dock with a form for whatever is selected on the canvas (persona, card,
note, journey parts…) or, with nothing selected, for the project. Its edits are the same
undoable ops the canvas makes."""

from __future__ import annotations

from typing import Any

from .dock import InspectorDock


def install(window: Any) -> InspectorDock:
    """Add the dock on the right of `window` and a toggle for it in the View menu."""
    dock = InspectorDock(window)
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and action.text().replace("&", "") == "View":
            menu.addSeparator()
            toggle = dock.toggleViewAction()
            toggle.setText("&Inspector")
            toggle.setShortcut("Ctrl+I")
            menu.addAction(toggle)
    return dock


__all__ = ["InspectorDock", "install"]
