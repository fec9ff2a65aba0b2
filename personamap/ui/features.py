"""The editor's features beyond the core window, each installed by one function.

Each feature module exposes `install(window) -> object`; the main window calls them in this
order after it has built its menus, and keeps what they return (so tests can reach a dock or
a controller as `window.features["inspector"]`).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

FEATURES: tuple[tuple[str, str], ...] = (
    # (name, "module:function") — add a line per feature
    ("editing", "personamap.ui.editing:install"),
    ("library", "personamap.ui.library:install"),
    ("inspector", "personamap.ui.inspector:install"),
    ("insights", "personamap.ui.insights:install"),
    ("export", "personamap.ui.export_feature:install"),
    ("import_data", "personamap.ui.import_data:install"),
    ("interop", "personamap.ui.interop_import:install"),
    ("reliability", "personamap.ui.reliability:install"),
    ("workshop", "personamap.ui.workshop:install"),
    ("affinity", "personamap.ui.affinity:install"),
    ("relation_map", "personamap.ui.relation_map:install"),
    ("live_host", "personamap.ui.live_host:install"),
    ("live_join", "personamap.ui.live_join:install"),
)


def install_all(window: Any) -> dict[str, Any]:
    installed: dict[str, Any] = {}
    for name, target in FEATURES:
        module_name, _, function = target.partition(":")
        install: Callable[[Any], Any] = getattr(import_module(module_name), function)
        installed[name] = install(window)
    return installed
