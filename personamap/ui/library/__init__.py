"""The Library dock: personas (create, duplicate, delete, search) and a palette of elements to
drag onto a board (canvas.drop turns drops into ops)."""

from __future__ import annotations

from typing import Any

from .dock import LibraryDock


def install(window: Any) -> LibraryDock:
    return LibraryDock(window)


__all__ = ["LibraryDock", "install"]
