"""The Insights dock (View ▸ Insights): the lint's findings and the coverage of journeys and
evidence (personamap/insights/), each a click away from its place on the canvas."""

from __future__ import annotations

from typing import Any

from .dock import InsightsDock


def install(window: Any) -> InsightsDock:
    """Add the dock on the right of `window`, hidden, and a toggle for it in the View menu."""
    dock = InsightsDock(window)
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and action.text().replace("&", "") == "View":
            toggle = dock.toggleViewAction()
            toggle.setText("I&nsights")
            toggle.setShortcut("Ctrl+Shift+I")
            toggle.setObjectName("view.insights")
            menu.addAction(toggle)
    return dock


__all__ = ["InsightsDock", "install"]
