"""The participant page's files (resources/live/, built by scripts/build_live_page.py), as
the host serves them: only these, read once, nothing else of the disk is reachable."""

from __future__ import annotations

from functools import cache

from ..resources import resources_dir

FILES = {
    "": ("index.html", "text/html; charset=utf-8"),
    "/": ("index.html", "text/html; charset=utf-8"),
    "/live.js": ("live.js", "text/javascript; charset=utf-8"),
    "/live.css": ("live.css", "text/css; charset=utf-8"),
}


@cache
def _read(name: str) -> bytes | None:
    path = resources_dir() / "live" / name
    return path.read_bytes() if path.is_file() else None


def page_file(subpath: str | None) -> tuple[str, bytes] | None:
    """The content type and bytes served at /session + `subpath`, or None (not found)."""
    entry = FILES.get(subpath) if subpath is not None else None
    if entry is None:
        return None
    body = _read(entry[0])
    return None if body is None else (entry[1], body)
