"""The system clipboard for board content: our own MIME type carrying JSON (so a second
running instance can paste), plus plain text for every other application.

What the JSON holds and how a paste is planned lives in `personamap.model.transfer`; this
module only moves bytes in and out of Qt.
"""

from __future__ import annotations

import atexit
import hashlib

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from ..model.transfer import PasteError, Payload, parse, plain_text

MIME_TYPE = "application/x-personamap+json"


def to_mime(payload: Payload) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, payload.model_dump_json().encode("utf-8"))
    mime.setText(plain_text(payload))
    return mime


_exit_guard = False


def _clear_offscreen_clipboard() -> None:
    app = QGuiApplication.instance()
    if app is not None and QGuiApplication.platformName() == "offscreen":
        QGuiApplication.clipboard().clear()


def put(payload: Payload) -> None:
    """Place a copy on the system clipboard (our JSON and plain text)."""
    global _exit_guard
    if not _exit_guard:
        # Measured: with the offscreen platform (tests, headless export) a clipboard still
        # holding mime data made in Python segfaults at interpreter exit; xcb is fine.
        atexit.register(_clear_offscreen_clipboard)
        _exit_guard = True
    QGuiApplication.clipboard().setMimeData(to_mime(payload))


def has_content() -> bool:
    mime = QGuiApplication.clipboard().mimeData()
    return mime is not None and mime.hasFormat(MIME_TYPE)


def raw() -> bytes | None:
    """Our JSON as it is on the clipboard, or None when the clipboard holds none."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    return bytes(mime.data(MIME_TYPE).data())


def take() -> tuple[Payload, str] | None:
    """The clipboard's payload and a fingerprint of it (to count repeated pastes); None
    when there is none; PasteError when it is there but not acceptable."""
    data = raw()
    if data is None:
        return None
    payload = parse(data)
    return payload, hashlib.sha256(data).hexdigest()


__all__ = ["MIME_TYPE", "PasteError", "has_content", "put", "raw", "take", "to_mime"]
